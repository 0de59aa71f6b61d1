package dk.orghub.adapters.sd;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.TestStores;

import static dk.orghub.adapters.sd.SdFixtures.ANNA;
import static dk.orghub.adapters.sd.SdFixtures.OPEN;
import static dk.orghub.adapters.sd.SdFixtures.chain;
import static dk.orghub.adapters.sd.SdFixtures.department;
import static dk.orghub.adapters.sd.SdFixtures.employment;
import static dk.orghub.adapters.sd.SdFixtures.employments;
import static dk.orghub.adapters.sd.SdFixtures.inDepartment;
import static dk.orghub.adapters.sd.SdFixtures.person;
import static dk.orghub.adapters.sd.SdFixtures.rate;
import static dk.orghub.adapters.sd.SdFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SD adapter over real sockets against a fake SD that answers what each test sets:
 * malformed, hostile and slow answers fail the run and change nothing; rejected records
 * are reported and do not end what the store holds.
 */
class SdBadAnswersIT {

	private final Clock clock = Clock.fixed(Instant.parse("2025-01-15T02:00:00Z"), ZoneOffset.UTC);

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	private ExecutorService executor;

	private JdbcOrgStore store;

	private Reconciler reconciler;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newFixedThreadPool(2);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.store = TestStores.h2(this.clock);
		this.reconciler = new Reconciler(this.store, FieldPolicy.none());
		this.answers.put("GetOrganization20111201",
				answer("GetOrganization20111201", "<Organization>" + chain("S", "R") + "</Organization>"));
		this.answers.put("GetDepartment20111201", answer("GetDepartment20111201",
				department("R", "NY0-niveau", "Kommunen") + department("S", "NY4-niveau", "Skolen")));
		this.answers.put("GetPerson20111201", answer("GetPerson20111201", person(ANNA, "Anna", "Test")));
		this.answers.put("GetEmploymentChanged20111201", employments(""));
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void aGoodAnswerLoadsAndARejectedEmploymentLaterEndsNothing() {
		load();
		assertThat(engagement("100")).isNotNull();
		assertThat(engagement("101")).isNotNull();

		this.answers.put("GetEmploymentChanged20111201",
				employments(employment("100", inDepartment("S", "2020-01-01", OPEN), rate("1", "2020-01-01", OPEN),
						status("1", "2020-01-01", "2019-12-31"))));
		SdAdapter adapter = adapter();
		Snapshot snapshot = adapter.snapshot(context());

		assertThat(adapter.lastRead().rejected()).singleElement().satisfies(p -> {
			assertThat(p.id()).isEqualTo("100");
			assertThat(p.reason()).contains("dates out of order");
		});
		assertThat(snapshot.scope()).as("not complete for engagements").doesNotContain(ObjectType.ENGAGEMENT);
		this.reconciler.reconcile("sd", adapter.ownership(), snapshot, false);
		assertThat(engagement("100")).as("the rejected employment is left as it was").isNotNull();
		assertThat(engagement("101")).as("missing, and the snapshot is not complete for engagements").isNotNull();
	}

	@Test
	void aTruncatedAnswerFailsTheRunAndChangesNothing() {
		this.answers.put("GetPerson20111201",
				answer("GetPerson20111201", person(ANNA, "Anna", "Test")).substring(0, 120));
		assertThatThrownBy(() -> adapter().snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("GetPerson20111201")
			.hasMessageContaining("not well-formed XML at line")
			.satisfies(ex -> assertThat(((AdapterException) ex).isTemporary()).isFalse());
		assertThat(this.store.identities("sd", ObjectType.ORG_UNIT)).isEmpty();
	}

	@Test
	void anAnswerWithExternalEntitiesIsRefused() {
		this.answers.put("GetDepartment20111201",
				"""
						<?xml version="1.0"?>
						<!DOCTYPE GetDepartment20111201 [<!ENTITY x SYSTEM "http://127.0.0.1:1/evil">]>
						<GetDepartment20111201><Department><DepartmentName>&x;</DepartmentName></Department></GetDepartment20111201>
						""");
		assertThatThrownBy(() -> adapter().snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("GetDepartment20111201")
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void aServiceThatIsTooSlowIsATemporaryError() {
		this.answers.put("GetOrganization20111201", "SLOW");
		SdAdapter slow = new SdAdapter(
				SdConfig.of(uri(), "XY", "hub", "secret").withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)),
				this.clock);
		assertThatThrownBy(() -> slow.snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("timed out")
			.satisfies(ex -> assertThat(((AdapterException) ex).isTemporary()).isTrue());
	}

	@Test
	void aServerErrorIsTemporary() {
		this.answers.put("GetOrganization20111201", "500");
		assertThatThrownBy(() -> adapter().snapshot(context())).isInstanceOf(AdapterException.class)
			.hasMessageContaining("HTTP 500")
			.satisfies(ex -> assertThat(((AdapterException) ex).isTemporary()).isTrue());
	}

	@Test
	void aStoredTokenThatIsNotADateIsAPermanentError() {
		assertThatThrownBy(() -> adapter().changesSince(context(), "ZLPE2025.xml")).isInstanceOf(AdapterException.class)
			.hasMessageContaining("'ZLPE2025.xml' is not a date");
	}

	@Test
	void theFirstChangeRunWithoutATokenDeliversTheTreeAndStartsFromToday() {
		dk.orghub.core.spi.ChangeBatch batch = adapter().changesSince(context(), null);
		assertThat(batch.nextToken()).isEqualTo("2025-01-15");
		assertThat(batch.ended()).isEmpty();
		assertThat(batch.changed()).extracting(o -> o.type()).containsOnly(ObjectType.ORG_UNIT).hasSize(2);
	}

	private void load() {
		this.answers.put("GetEmploymentChanged20111201",
				employments(
						employment("100", inDepartment("S", "2020-01-01", OPEN), rate("1", "2020-01-01", OPEN),
								status("1", "2020-01-01", OPEN)),
						employment("101", inDepartment("S", "2021-01-01", OPEN), rate("0.5", "2021-01-01", OPEN),
								status("1", "2021-01-01", OPEN))));
		SdAdapter adapter = adapter();
		Snapshot snapshot = adapter.snapshot(context());
		assertThat(adapter.lastRead().rejected()).isEmpty();
		assertThat(this.reconciler.reconcile("sd", adapter.ownership(), snapshot, false).applied()).isTrue();
	}

	private Engagement engagement(String id) {
		UUID uuid = this.store.identity("sd", ObjectType.ENGAGEMENT, id).orElseThrow();
		return this.store.get(Engagement.class, uuid, ReadPoint.of(LocalDate.of(2024, 6, 1), null, this.clock))
			.orElseThrow()
			.value();
	}

	private String employments(String... employments) {
		return answer("GetEmploymentChanged20111201", SdFixtures.employments(ANNA, employments));
	}

	private static String answer(String operation, String body) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + operation
				+ "><InstitutionIdentifier>XY</InstitutionIdentifier>" + body + "</" + operation + ">";
	}

	private SdAdapter adapter() {
		return new SdAdapter(SdConfig.of(uri(), "XY", "hub", "secret"), this.clock);
	}

	private URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	private StoreSourceContext context() {
		return new StoreSourceContext(this.store, "sd", this.clock);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String operation = exchange.getRequestURI().getPath().substring(1);
			String expected = "Basic "
					+ java.util.Base64.getEncoder().encodeToString("hub:secret".getBytes(StandardCharsets.UTF_8));
			String body = this.answers.get(operation);
			int status = 200;
			if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
					|| !exchange.getRequestURI().getQuery().contains("InstitutionIdentifier=XY")) {
				status = 401;
				body = "<Fault/>";
			}
			else if ("SLOW".equals(body)) {
				try {
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			else if ("500".equals(body)) {
				status = 500;
				body = "<Fault/>";
			}
			else if (body == null) {
				status = 404;
				body = "<Fault/>";
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

}
