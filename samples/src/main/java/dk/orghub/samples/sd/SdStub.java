package dk.orghub.samples.sd;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dk.orghub.samples.municipality.Municipality;

/**
 * A local stand-in for SD-Løn's web services, serving a generated municipality over HTTP
 * on a free loopback port: GET {@code /GetOrganization20111201},
 * {@code /GetDepartment20111201}, {@code /GetDepartmentParent20190701},
 * {@code /GetPerson20111201}, {@code /GetEmployment20111201} (one date:
 * {@code EffectiveDate}), {@code /GetEmploymentChanged20111201} (whole timelines: lists
 * of dated records), {@code /GetEmploymentChangedAtDate20111201} and
 * {@code /GetPersonChangedAtDate20111201}, each with Basic auth and the
 * {@code InstitutionIdentifier} parameter. Dates in requests are {@code dd.mm.yyyy};
 * every answer is one line, as SD's are.
 * <p>
 * {@link #update} replaces the data; persons whose answer changed are then reported by
 * the changed-at-date operations for the registration date given. A change dated ahead
 * (effective after the period asked) is reported by GetEmploymentChangedAtDate only with
 * {@code FutureInformationIndicator=true}. GetPerson, GetEmployment and
 * GetEmploymentChanged take an optional {@code PersonCivilRegistrationIdentifier}; unlike
 * the real service, GetEmploymentChanged gives every record whatever the period asked
 * (the hub asks for the whole period).
 */
public final class SdStub implements AutoCloseable {

	private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final HttpServer server;

	private final ExecutorService executor;

	private final String authorization;

	private final String institution;

	private final AtomicInteger requests = new AtomicInteger();

	private final Map<String, LocalDate> personChanged = new HashMap<>();

	private final Map<String, Change> employmentChanged = new HashMap<>();

	/** When a change was registered in SD, and the day it takes effect. */
	private record Change(LocalDate registered, LocalDate effective) {

	}

	private volatile SdSampleResponses responses;

	private SdStub(SdSampleResponses responses, String user, String password, String institution) throws IOException {
		this.responses = responses;
		this.institution = institution;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newFixedThreadPool(2);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts a stub for the municipality on a free loopback port. */
	public static SdStub start(Municipality municipality, String user, String password, String institution) {
		try {
			return new SdStub(new SdSampleResponses(municipality, institution), user, password, institution);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the SD stub", ex);
		}
	}

	/** The base URI to give the SD adapter, e.g. {@code http://127.0.0.1:41234/}. */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	/** How many requests were answered (also refused ones). */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * Serves {@code municipality} from now on; persons and employments whose answer
	 * differs are reported as changed on {@code changedOn}.
	 */
	public synchronized void update(Municipality municipality, LocalDate changedOn) {
		update(municipality, changedOn, changedOn);
	}

	/**
	 * Serves {@code municipality} from now on; persons and employments whose answer
	 * differs are reported as changed on {@code registeredOn}, the employment changes as
	 * taking effect on {@code effectiveOn} (a change dated ahead when that is later).
	 */
	public synchronized void update(Municipality municipality, LocalDate registeredOn, LocalDate effectiveOn) {
		SdSampleResponses next = new SdSampleResponses(municipality, this.institution);
		Map<String, Change> employments = new HashMap<>();
		markChanged(this.responses.personFragments(), next.personFragments(), this.personChanged, registeredOn);
		markChanged(this.responses.employmentFragments(), next.employmentFragments(), employments,
				new Change(registeredOn, effectiveOn));
		this.employmentChanged.putAll(employments);
		this.responses = next;
	}

	private static <T> void markChanged(Map<String, String> before, Map<String, String> after, Map<String, T> changed,
			T change) {
		after.forEach((cpr, fragment) -> {
			if (!fragment.equals(before.get(cpr))) {
				changed.put(cpr, change);
			}
		});
		before.keySet().forEach(cpr -> {
			if (!after.containsKey(cpr)) {
				changed.put(cpr, change);
			}
		});
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				send(exchange, 405, error("Only GET is supported"));
				return;
			}
			if (!this.authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"SD\"");
				send(exchange, 401, error("Authentication required"));
				return;
			}
			Map<String, String> query = query(exchange.getRequestURI());
			if (!this.institution.equals(query.get("InstitutionIdentifier"))) {
				send(exchange, 400, error("Unknown InstitutionIdentifier"));
				return;
			}
			String operation = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
			String body;
			try {
				body = answer(operation, query);
			}
			catch (DateTimeParseException ex) {
				send(exchange, 400, error("Dates must be dd.mm.yyyy"));
				return;
			}
			catch (IllegalArgumentException ex) {
				send(exchange, 400, error("DepartmentUUIDIdentifier must be a UUID"));
				return;
			}
			if (body == null) {
				send(exchange, 404, error("Unknown operation " + operation));
				return;
			}
			send(exchange, 200, body);
		}
	}

	private synchronized String answer(String operation, Map<String, String> query) {
		SdSampleResponses data = this.responses;
		String cpr = query.get("PersonCivilRegistrationIdentifier");
		List<String> all = (cpr != null) ? List.of(cpr) : data.cprs();
		return switch (operation) {
			case "GetOrganization20111201" ->
				data.organization(date(query, "ActivationDate", data.municipality().referenceDate()));
			case "GetDepartment20111201" -> data.departments();
			case "GetPerson20111201" -> data.persons(operation, all);
			case "GetDepartmentParent20190701" ->
				data.departmentParent(java.util.UUID.fromString(query.getOrDefault("DepartmentUUIDIdentifier", "")),
						date(query, "EffectiveDate", data.municipality().referenceDate()));
			case "GetEmployment20111201" ->
				data.employmentsAt(all, date(query, "EffectiveDate", data.municipality().referenceDate()));
			case "GetEmploymentChanged20111201" -> data.employments(operation, all);
			case "GetPersonChangedAtDate20111201" -> data.persons(operation, changed(this.personChanged, query));
			case "GetEmploymentChangedAtDate20111201" -> data.employments(operation, changedEmployments(query));
			default -> null;
		};
	}

	/**
	 * Employments whose change was registered in the period and takes effect by its end,
	 * or at any later date with {@code FutureInformationIndicator=true}.
	 */
	private List<String> changedEmployments(Map<String, String> query) {
		LocalDate from = date(query, "ActivationDate", LocalDate.MIN);
		LocalDate to = date(query, "DeactivationDate", LocalDate.MAX);
		boolean future = "true".equalsIgnoreCase(query.get("FutureInformationIndicator"));
		List<String> result = new ArrayList<>();
		this.employmentChanged.forEach((cpr, change) -> {
			if (!change.registered().isBefore(from) && !change.registered().isAfter(to)
					&& (future || !change.effective().isAfter(to))) {
				result.add(cpr);
			}
		});
		result.sort(null);
		return result;
	}

	private static List<String> changed(Map<String, LocalDate> changes, Map<String, String> query) {
		LocalDate from = date(query, "ActivationDate", LocalDate.MIN);
		LocalDate to = date(query, "DeactivationDate", LocalDate.MAX);
		List<String> result = new ArrayList<>();
		changes.forEach((cpr, date) -> {
			if (!date.isBefore(from) && !date.isAfter(to)) {
				result.add(cpr);
			}
		});
		result.sort(null);
		return result;
	}

	private static LocalDate date(Map<String, String> query, String name, LocalDate otherwise) {
		String value = query.get(name);
		return (value != null) ? LocalDate.parse(value, REQUEST_DATE) : otherwise;
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> result = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw == null) {
			return result;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq >= 0) ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
			String value = (eq >= 0) ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
			result.put(name, value);
		}
		return result;
	}

	private static String error(String message) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Fault><faultstring>" + Objects.requireNonNull(message)
				+ "</faultstring></Fault>";
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
