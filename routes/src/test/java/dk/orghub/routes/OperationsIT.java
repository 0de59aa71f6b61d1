package dk.orghub.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.TestOrg;
import dk.orghub.routes.run.RunRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations layer over HTTP with the demo's syncs: runs, previews, the safety
 * threshold with approval and rejection, the quarantine with retry, pause and resume,
 * roles and the audit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:operations-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=150",
				"hub.demo.seed=5", "hub.syncs.flaky.adapter=flaky", "hub.syncs.flaky.description=A test source" })
@ActiveProfiles("demo")
@Import(OperationsIT.Sources.class)
class OperationsIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private OrgStore store;

	@Autowired
	private Clock clock;

	@Autowired
	private RunRepository runs;

	@Autowired
	private FlakySource flaky;

	private Api admin() {
		return new Api(this.rest);
	}

	private Api operator() {
		return new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
	}

	private Api reader() {
		return new Api(this.rest, Api.READER, Api.READER_PASSWORD);
	}

	@Test
	void theSyncsAreListedWithSchedulesAndTheStartupImportIsTheFirstRun() {
		List<JsonNode> syncs = new java.util.ArrayList<>();
		reader().get("/api/v1/syncs").forEach(syncs::add);

		assertThat(syncs).extracting((s) -> s.get("name").asText())
			.contains("samples-import", "samples-next-month", "samples-payroll-mistake", "flaky");
		JsonNode imports = reader().get("/api/v1/syncs/samples-import");
		assertThat(imports.get("cron").asText()).isEqualTo("0 0 2 * * ?");
		assertThat(imports.get("nextRuns")).hasSize(3);
		assertThat(imports.get("capabilities").get(0).asText()).isEqualTo("SnapshotSource");
		JsonNode first = reader().get("/api/v1/runs?sync=samples-import&limit=1000").get("items");
		JsonNode startup = first.get(first.size() - 1);
		assertThat(startup.get("trigger").asText()).isEqualTo("STARTUP");
		assertThat(startup.get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(startup.at("/counts/created").asInt()).isPositive();
	}

	@Test
	void previewRunThresholdApprovalAndRejection() {
		long engagements = currentEngagements();

		JsonNode preview = finished(start(operator(), "samples-next-month", true));
		assertThat(preview.get("status").asText()).isEqualTo("PREVIEW");
		assertThat(preview.at("/counts/ended").asInt()).isPositive();
		assertThat(preview.at("/counts/changed").asInt()).isPositive();
		assertThat(preview.get("registration").isNull()).isTrue();
		assertThat(preview.at("/changes/total").asInt())
			.isEqualTo(preview.at("/counts/ended").asInt() + preview.at("/counts/changed").asInt());
		assertThat(currentEngagements()).as("a preview changes nothing").isEqualTo(engagements);
		JsonNode endedLine = items(reader().get("/api/v1/runs/{id}/changes?kind=ENDED", preview.get("id").asLong()))
			.get(0);
		assertThat(endedLine.get("actor").asText()).isEqualTo("source:samples");
		assertThat(endedLine.at("/intervals/0/fields/0/field").asText()).isEqualTo("exists");
		UUID endedEngagement = UUID.fromString(endedLine.get("uuid").asText());
		assertThat(openEnded(endedEngagement)).isTrue();

		JsonNode applied = finished(start(operator(), "samples-next-month", false));
		assertThat(applied.get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(applied.at("/counts/ended").asInt()).isEqualTo(preview.at("/counts/ended").asInt());
		assertThat(openEnded(endedEngagement)).as("the engagement ends at the first of next month").isFalse();
		JsonNode history = reader().get("/api/v1/changes?object={uuid}", endedEngagement);
		assertThat(items(history)).extracting((c) -> c.get("run").asLong())
			.contains(applied.get("id").asLong(), preview.get("id").asLong());

		long before = currentEngagements();
		JsonNode stopped = finished(start(operator(), "samples-payroll-mistake", false));
		assertThat(stopped.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
		assertThat(stopped.get("message").asText()).contains("over the limit of 5.0%");
		assertThat(stopped.at("/changes/total").asInt()).isPositive();
		assertThat(currentEngagements()).as("nothing written while awaiting approval").isEqualTo(before);

		ResponseEntity<JsonNode> byReader = reader().exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null,
				stopped.get("id").asLong());
		assertThat(byReader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> approval = operator().exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null,
				stopped.get("id").asLong());
		assertThat(approval.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode approved = finished(stopped.get("id").asLong());
		assertThat(approved.get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(approved.get("decidedBy").asText()).isEqualTo(Api.OPERATOR);
		assertThat(currentEngagements()).as("40% of the engagements are gone").isLessThan(before * 7 / 10);

		finished(start(operator(), "samples-import", false));
		JsonNode again = finished(start(operator(), "samples-payroll-mistake", false));
		assertThat(again.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
		long restored = currentEngagements();
		JsonNode rejected = operator()
			.exchange(HttpMethod.POST, "/api/v1/runs/{id}/reject", null, again.get("id").asLong())
			.getBody();
		assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
		assertThat(currentEngagements()).isEqualTo(restored);
		assertThat(operator().exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null, again.get("id").asLong())
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		List<String> audited = items(admin().get("/api/v1/audit?actor={actor}&limit=1000", Api.OPERATOR)).stream()
			.map((a) -> a.get("action").asText() + " " + a.get("outcome").asText())
			.toList();
		assertThat(audited).contains("POST /api/v1/runs/" + stopped.get("id").asLong() + "/approve 200",
				"POST /api/v1/runs/" + again.get("id").asLong() + "/reject 200",
				"POST /api/v1/syncs/samples-next-month/run?preview=true 202");
	}

	@Test
	void aFailedObjectGoesToQuarantineAndARetryThatSucceedsClearsIt() {
		this.flaky.broken = true;
		JsonNode partial = finished(start(operator(), "flaky", false));
		assertThat(partial.get("status").asText()).isEqualTo("PARTIAL");
		assertThat(partial.at("/counts/failed").asInt()).isEqualTo(1);
		assertThat(partial.at("/counts/created").asInt()).isEqualTo(1);
		JsonNode entry = items(reader().get("/api/v1/quarantine?sync=flaky")).get(0);
		assertThat(entry.get("userKey").asText()).isEqualTo("FLAKY-B");
		assertThat(entry.get("rule").asText()).isEqualTo("within-parent");

		JsonNode stillBroken = finished(
				operator().exchange(HttpMethod.POST, "/api/v1/quarantine/{id}/retry", null, entry.get("id").asLong())
					.getBody()
					.get("id")
					.asLong());
		assertThat(stillBroken.get("status").asText()).isEqualTo("PARTIAL");
		assertThat(reader().get("/api/v1/quarantine?sync=flaky").at("/items/0/attempts").asInt()).isEqualTo(2);

		this.flaky.broken = false;
		ResponseEntity<JsonNode> retry = operator().exchange(HttpMethod.POST, "/api/v1/quarantine/retry?sync=flaky",
				null);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode cleared = finished(retry.getBody().get(0).get("id").asLong());
		assertThat(cleared.get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(cleared.get("trigger").asText()).isEqualTo("RETRY");
		assertThat(cleared.at("/counts/created").asInt()).isEqualTo(1);
		assertThat(reader().get("/api/v1/quarantine?sync=flaky").get("total").asInt()).isZero();
		assertThat(reader().get("/api/v1/quarantine?sync=flaky&all=true").at("/items/0/resolvedByRun").asLong())
			.isEqualTo(cleared.get("id").asLong());
	}

	@Test
	void pauseAndResumeAreSharedStateAndAudited() {
		JsonNode paused = operator().exchange(HttpMethod.POST, "/api/v1/syncs/samples-import/pause", null).getBody();
		assertThat(paused.get("paused").asBoolean()).isTrue();
		assertThat(reader().get("/api/v1/syncs/samples-import").get("paused").asBoolean()).isTrue();

		JsonNode resumed = operator().exchange(HttpMethod.POST, "/api/v1/syncs/samples-import/resume", null).getBody();
		assertThat(resumed.get("paused").asBoolean()).isFalse();
		assertThat(items(admin().get("/api/v1/audit?actor={actor}&limit=1000", Api.OPERATOR)))
			.extracting((a) -> a.get("action").asText())
			.contains("POST /api/v1/syncs/samples-import/pause", "POST /api/v1/syncs/samples-import/resume");
	}

	@Test
	void aSyncNeverRunsTwiceAtOnce() {
		Instant now = this.clock.instant();
		assertThat(this.runs.runningRun("samples-payroll-mistake")).isEmpty();
		assertThat(lock("samples-payroll-mistake", 1_000_001L, now)).isTrue();
		assertThat(lock("samples-payroll-mistake", 1_000_002L, now)).isFalse();

		ResponseEntity<JsonNode> refused = operator().exchange(HttpMethod.POST,
				"/api/v1/syncs/samples-payroll-mistake/run", null);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("detail").asText()).contains("is running", "never runs twice at once");
		assertThat(lock("samples-payroll-mistake", 1_000_003L, now.plus(Duration.ofMinutes(11))))
			.as("a lock without signs of life for longer than the lock timeout is taken over")
			.isTrue();
		unlock("samples-payroll-mistake", 1_000_003L);
	}

	@Test
	void rolesDecideWhatAUserMayDo() throws Exception {
		assertThat(anonymous("/api/v1/syncs")).isEqualTo(401);
		assertThat(anonymous("/actuator/prometheus")).isEqualTo(401);
		assertThat(anonymous("/actuator/health")).isEqualTo(200);
		assertThat(reader().exchange(HttpMethod.POST, "/api/v1/syncs/samples-import/run", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(reader().exchange(HttpMethod.GET, "/api/v1/persons?includeCpr=true", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(operator().exchange(HttpMethod.GET, "/api/v1/persons?includeCpr=true", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(admin().exchange(HttpMethod.GET, "/api/v1/persons?includeCpr=true", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(reader().get("/api/v1/me").get("roles")).extracting(JsonNode::asText).containsExactly("READ");
		assertThat(admin().get("/api/v1/me").get("roles")).extracting(JsonNode::asText)
			.containsExactlyInAnyOrder("ADMINISTER", "EDIT", "OPERATE", "READ");
		assertThat(reader().rest().getForEntity("/", String.class).getBody()).contains("Organisation hub");
		assertThat(reader().rest().getForEntity("/actuator/hawtio/", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(reader().exchange(HttpMethod.GET, "/api/v1/dashboard", null)
			.getBody()
			.get("profilesAvailable")
			.asBoolean()).isFalse();
	}

	private int anonymous(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + path))
			.header("Accept", "application/json")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private boolean lock(String sync, long run, Instant now) {
		return this.runs.tryLock(sync, run, now, now.minus(Duration.ofMinutes(10)));
	}

	private void unlock(String sync, long run) {
		this.runs.unlock(sync, run);
	}

	private long start(Api api, String sync, boolean preview) {
		ResponseEntity<JsonNode> response = api.exchange(HttpMethod.POST, "/api/v1/syncs/{sync}/run?preview={p}", null,
				sync, preview);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(response.getHeaders().getLocation())
			.hasPath("/api/v1/runs/" + response.getBody().get("id").asLong());
		return response.getBody().get("id").asLong();
	}

	private JsonNode finished(long run) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> reader().get("/api/v1/runs/{id}?limit=1000", run),
					(r) -> !r.get("status").asText().equals("RUNNING"));
	}

	private long currentEngagements() {
		return this.store.list(
				Query
					.of(Engagement.class,
							ReadPoint.now(this.clock)
								.withAt(ReadPoint.today(this.clock).withDayOfMonth(1).plusMonths(1)))
					.page(0, 1))
			.total();
	}

	private boolean openEnded(UUID engagement) {
		Timeline<Engagement> timeline = this.store.currentTimelines(Engagement.class, List.of(engagement))
			.get(engagement);
		return timeline.segments().get(timeline.segments().size() - 1).validity().isOpen();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Sources {

		@Bean
		FlakySource flaky() {
			return new FlakySource();
		}

	}

	/**
	 * Two units; while broken, the second names a parent that does not exist (rule
	 * within-parent).
	 */
	static class FlakySource implements SnapshotSource {

		static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-00000000beef");

		volatile boolean broken = true;

		@Override
		public String name() {
			return "flaky";
		}

		@Override
		public SourceOwnership ownership() {
			return new SourceOwnership(Map.of(ObjectType.ORG_UNIT,
					Set.of("userKey", "name", "parent", "unitType", "unitLevel", "payoutUnit")));
		}

		@Override
		public Snapshot snapshot(SourceContext context) {
			OrgUnit a = TestOrg.unit("FLAKY-A", "Flaky A", null);
			OrgUnit b = TestOrg.unit("FLAKY-B", "Flaky B", this.broken ? MISSING : a.uuid());
			return new Snapshot(Set.of(ObjectType.ORG_UNIT), null, List.of(
					new DesiredObject<>(ObjectType.ORG_UNIT, "A", Timeline.of(Validity.from(TestOrg.START), a)),
					new DesiredObject<>(ObjectType.ORG_UNIT, "B", Timeline.of(Validity.from(TestOrg.START), b))), null);
		}

	}

}
