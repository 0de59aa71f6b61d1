package dk.orghub.adapters.sts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.xsd.sts.sagdok.StandardReturType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain calls that go without security ({@link PlainCalls}) against the same calls
 * through CXF, on a recording HTTP server: the same request (XML-equal but for the
 * TransactionUUID, the same path and Content-Type) for {@code importer} and {@code ret}
 * of every object the publisher sends of a municipality, and the same outcome for every
 * kind of answer (each StandardRetur status, SOAP faults with code Sender, Receiver or a
 * WS-Security subcode, HTTP errors with and without Retry-After, an answer that is not
 * SOAP, a timeout, a refused connection).
 */
class StsPlainCallsIT {

	private static final Pattern BODY_ELEMENT = Pattern.compile("<(?:[A-Za-z0-9]+:)?(ImportInput|RetInput)[ >]");

	private static final Pattern TRANSACTION = Pattern.compile("TransactionUUID>[0-9a-f-]{36}<");

	private record Request(String path, String contentType, String body) {
	}

	private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

	private final CountDownLatch released = new CountDownLatch(1);

	private volatile Function<Request, Answer> answers;

	private HttpServer server;

	private record Answer(int status, String body, String retryAfter) {

		/** An answer of the operation of the request, with this StandardRetur. */
		static Answer retur(Request request, int code, String text) {
			Matcher m = BODY_ELEMENT.matcher(request.body());
			if (!m.find()) {
				throw new IllegalStateException("no body element in " + request);
			}
			String output = m.group(1).replace("Input", "Output");
			String namespace = "http://stoettesystemerne.dk" + request.path();
			return new Answer(200,
					envelope("<o:" + output + " xmlns:o=\"" + namespace + "\" xmlns:s=\"urn:oio:sagdok:3.0.0\">"
							+ "<s:StandardRetur><s:StatusKode>" + code + "</s:StatusKode>"
							+ ((text != null) ? "<s:FejlbeskedTekst>" + text + "</s:FejlbeskedTekst>" : "")
							+ "</s:StandardRetur></o:" + output + ">"),
					null);
		}

		static Answer fault(String code, String subcode, String reason) {
			String sub = (subcode != null)
					? "<soap:Subcode><soap:Value xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/"
							+ "oasis-200401-wss-wssecurity-secext-1.0.xsd\">" + subcode + "</soap:Value></soap:Subcode>"
					: "";
			return new Answer(500,
					envelope("<soap:Fault><soap:Code><soap:Value>soap:" + code + "</soap:Value>" + sub
							+ "</soap:Code><soap:Reason><soap:Text xml:lang=\"da\">" + reason
							+ "</soap:Text></soap:Reason></soap:Fault>"),
					null);
		}

		private static String envelope(String body) {
			return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" + body
					+ "</soap:Body></soap:Envelope>";
		}

	}

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			try {
				handle(exchange);
			}
			catch (RuntimeException | IOException ex) {
				ex.printStackTrace();
				throw ex;
			}
		});
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.released.countDown();
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Request request = new Request(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Content-Type"), body);
		this.requests.add(request);
		Answer answer = this.answers.apply(request);
		if (answer == null) {
			try {
				// never answered (a timeout), until the test ends
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", answer.status() == 200 || answer.body().startsWith("<soap")
					? "application/soap+xml; charset=UTF-8" : "text/html");
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
		}
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private StsSettings settings(Municipality m) {
		return StsSamples.settings("http://127.0.0.1:" + this.server.getAddress().getPort(), m)
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
	}

	@Test
	void everyObjectIsSentAsCxfSendsIt() throws Exception {
		Municipality m = StsSamples.municipality(100);
		MutableClock clock = StsSamples.clock();
		StsSettings settings = settings(m);
		List<StsObject> objects = new ArrayList<>(
				new StsMapper(settings).map(StsSamples.state(m), StsSamples.TODAY).values());
		objects.sort(Comparator.comparing(StsObject::uuid));
		// up to 40 of each kind: every shape the mapping gives, within a short test
		Map<StsKind, Integer> taken = new EnumMap<>(StsKind.class);
		objects.removeIf(o -> taken.merge(o.kind(), 1, Integer::sum) > 40);
		Set<StsKind> kinds = EnumSet.noneOf(StsKind.class);
		this.answers = request -> Answer.retur(request, StsClient.OK, null);
		try (StsClient cxf = new StsClient(settings, clock, null, false);
				StsClient plain = new StsClient(settings, clock, null, true)) {
			for (StsObject o : objects) {
				kinds.add(o.kind());
				Request viaCxf = sent(() -> cxf.importer(o));
				Request viaPlain = sent(() -> plain.importer(o));
				assertSame(o, viaCxf, viaPlain);
				assertSame(o, sent(() -> cxf.ret(o)), sent(() -> plain.ret(o)));
			}
		}
		assertThat(kinds).as("every kind the publisher sends").isEqualTo(EnumSet.allOf(StsKind.class));
		assertThat(objects).hasSizeGreaterThan(150);
	}

	private Request sent(Runnable call) {
		this.requests.clear();
		call.run();
		assertThat(this.requests).hasSize(1);
		return this.requests.poll();
	}

	private static void assertSame(StsObject o, Request viaCxf, Request viaPlain) throws Exception {
		assertThat(viaPlain.path()).isEqualTo(viaCxf.path());
		assertThat(viaPlain.contentType()).isEqualTo(viaCxf.contentType());
		assertThat(canonical(viaPlain.body())).as("%s %s", o.kind(), o.uuid()).isEqualTo(canonical(viaCxf.body()));
	}

	/** The XML as {@link CanonicalXml}, with the TransactionUUID left out. */
	static String canonical(String xml) throws Exception {
		return CanonicalXml.of(TRANSACTION.matcher(xml).replaceAll("TransactionUUID>-<"));
	}

	@Test
	void everyAnswerEndsAsItDoesThroughCxf() throws Exception {
		Municipality m = StsSamples.municipality(100);
		MutableClock clock = StsSamples.clock();
		StsSettings settings = settings(m);
		StsObject unit = new StsMapper(settings).map(StsSamples.state(m), StsSamples.TODAY)
			.get(new StsMapper.Key(StsKind.ENHED, m.root()));
		List<Function<Request, Answer>> cases = List.of(r -> Answer.retur(r, 20, null),
				r -> Answer.retur(r, 40, "ugyldigt input"), r -> Answer.retur(r, 44, "findes ikke"),
				r -> Answer.retur(r, 45, "tidspunkt i fremtiden"), r -> Answer.retur(r, 49, "findes allerede"),
				r -> Answer.retur(r, 50, "intern fejl"), r -> Answer.fault("Sender", null, "schema fault"),
				r -> Answer.fault("Receiver", null, "database down"),
				r -> Answer.fault("Sender", "wsse:FailedCheck", "bad signature"),
				r -> Answer.fault("Sender", "wsse:InvalidSecurityToken", "expired"), r -> new Answer(503, "busy", "7"),
				r -> new Answer(503, "busy", null), r -> new Answer(429, "slow down", "Mon, 01 Jan 2035 00:00:00 GMT"),
				r -> new Answer(400, "bad", null), r -> new Answer(404, "<html>not here</html>", null),
				r -> new Answer(500, "<html>proxy error</html>", null), r -> new Answer(200, "not xml", null),
				r -> new Answer(200, Answer.envelope("<o:Other xmlns:o=\"urn:x\"/>"), null),
				r -> new Answer(500, Answer.envelope("<o:Other xmlns:o=\"urn:x\"/>"), null), r -> null);
		try (StsClient cxf = new StsClient(settings, clock, null, false);
				StsClient plain = new StsClient(settings, clock, null, true)) {
			for (Function<Request, Answer> answer : cases) {
				this.answers = answer;
				for (boolean importer : new boolean[] { true, false }) {
					String viaCxf = outcome(() -> importer ? cxf.importer(unit) : cxf.ret(unit));
					String viaPlain = outcome(() -> importer ? plain.importer(unit) : plain.ret(unit));
					assertThat(viaPlain).as("answer %s", this.answers.apply(this.requests.peek())).isEqualTo(viaCxf);
				}
			}
		}
		// a refused connection
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		StsSettings nowhere = StsSamples.settings("http://127.0.0.1:" + closed, m);
		try (StsClient cxf = new StsClient(nowhere, clock, null, false);
				StsClient plain = new StsClient(nowhere, clock, null, true)) {
			assertThat(outcome(() -> plain.importer(unit))).isEqualTo(outcome(() -> cxf.importer(unit)))
				.startsWith("network");
		}
	}

	/** What a call ended with: its status and text, or its failure's kind and flags. */
	private static String outcome(java.util.function.Supplier<StandardReturType> call) {
		try {
			StandardReturType retur = call.get();
			return "status " + retur.getStatusKode() + " " + retur.getFejlbeskedTekst();
		}
		catch (AdapterException ex) {
			StsFailure f = (StsFailure) ex;
			return f.kind() + " temporary " + f.isTemporary() + " stops " + f.stopsRun() + " retry after "
					+ ((f.retryAfter() != null) ? f.retryAfter().toSeconds() / 60 : null);
		}
	}

}
