package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing to the local STS Organisation service as syncs of the operations layer: the
 * full publish at start and a manual run of {@code sts-publish} through
 * {@code /api/v1/syncs} are recorded runs with counts, a second run sends nothing, a
 * preview is refused, pausing the sync stops the outbox drain (a local edit waits in the
 * outbox and arrives after resume, as one run with the trigger change), and a reconcile
 * is a recorded run too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sts-publish-sync-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=100", "hub.demo.seed=12", "camel.main.name=sts-publish-sync-it",
				"spring.quartz.scheduler-name=sts-publish-sync-it",
				"hub.targets.sts.organisation-uuid=" + StsPublishSyncIT.ORGANISATION, "hub.targets.sts.cvr=29189846",
				"hub.targets.sts.publish.start-delay=1s", "hub.targets.sts.receive-timeout=2s",
				"hub.targets.sts.max-attempts=2", "hub.targets.sts.initial-backoff=100ms",
				"hub.targets.sts.max-backoff=200ms" })
@ActiveProfiles("demo")
class StsPublishSyncIT {

	static final String ORGANISATION = "3a87d4a6-4a2b-4bde-9d4b-6f0c1f8a3e02";

	private static final LocalStsService STS = LocalStsService.start(Clock.systemUTC());

	static {
		STS.seedOrganisation(UUID.fromString(ORGANISATION), "29189846", "Sample municipality");
	}

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	@DynamicPropertySource
	static void sts(DynamicPropertyRegistry registry) {
		registry.add("hub.targets.sts.base-url", STS::baseUrl);
	}

	@AfterAll
	static void stopSts() {
		STS.close();
	}

	@Test
	void publishAndReconcileAreRecordedRunsAndPauseStopsTheDrain() {
		Api admin = new Api(this.rest);
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		LocalDate today = ReadPoint.today(this.clock);

		// both are syncs, publishing to the STS adapter
		JsonNode syncs = reader.get("/api/v1/syncs");
		assertThat(syncs).filteredOn((s) -> s.get("name").asText().startsWith("sts-"))
			.extracting((s) -> s.get("name").asText() + " " + s.get("kind").asText() + " " + s.get("adapter").asText())
			.containsExactlyInAnyOrder("sts-publish PUBLISH sts-organisation",
					"sts-reconcile PUBLISH sts-organisation");
		assertThat(reader.get("/api/v1/syncs/sts-publish").get("cron").asText()).isEqualTo("0 30 1 * * ?");

		// the full publish at start is a run; afterwards the outbox is empty
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<JsonNode> runs = items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000"));
			assertThat(runs).as(runs.toString()).anySatisfy((r) -> {
				assertThat(r.get("trigger").asText()).isEqualTo("STARTUP");
				assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
				assertThat(r.at("/counts/read").asInt()).isPositive();
			});
			assertThat(runs).noneSatisfy((r) -> assertThat(r.get("status").asText()).isEqualTo("RUNNING"));
			assertThat(reader.get("/api/v1/targets/sts/status").get("outboxBacklog").asInt()).isZero();
		});

		// a preview is refused with a reason
		ResponseEntity<JsonNode> preview = operator.exchange(HttpMethod.POST,
				"/api/v1/syncs/sts-publish/run?preview=true", null);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(preview.getBody().get("detail").asText()).contains("preview is not supported for target syncs yet");

		// paused, a local edit stays in the outbox
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/pause", null)
			.getBody()
			.get("paused")
			.asBoolean()).isTrue();
		String unit = items(admin.get("/api/v1/org-units?limit=1000")).stream()
			.filter((u) -> !u.get("parent").isNull())
			.findFirst()
			.orElseThrow()
			.get("uuid")
			.asText();
		String first = addPhone(admin, unit, "+45 70 10 20 31", today);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
			assertThat(reader.get("/api/v1/targets/sts/status").get("outboxBacklog").asInt()).isPositive();
			assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, first)).isFalse();
		});

		// a manual run (run now works while paused) is recorded with counts and sends it
		JsonNode run = runAndWait(operator, "sts-publish");
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
		assertThat(run.get("startedBy").asText()).isEqualTo(Api.OPERATOR);
		assertThat(run.at("/counts/read").asInt()).as(run.toString()).isPositive();
		assertThat(run.at("/counts/created").asInt()).as(run.toString()).isPositive();
		assertThat(run.at("/counts/changed").asInt()).as(run.toString()).isPositive();
		assertThat(run.at("/counts/failed").asInt()).isZero();
		assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, first)).isTrue();

		// a second one has nothing to send
		long calls = STS.calls();
		JsonNode again = runAndWait(operator, "sts-publish");
		assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("SUCCEEDED");
		assertThat(again.at("/counts/created").asInt() + again.at("/counts/changed").asInt()
				+ again.at("/counts/ended").asInt())
			.as(again.toString())
			.isZero();
		assertThat(again.at("/counts/unchanged").asInt()).as(again.toString()).isPositive();
		assertThat(STS.calls()).isEqualTo(calls);

		// still paused: another edit waits in the outbox, and arrives after resume
		String second = addPhone(admin, unit, "+45 70 10 20 32", today);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
			assertThat(reader.get("/api/v1/targets/sts/status").get("outboxBacklog").asInt()).isPositive();
			assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, second)).isFalse();
		});
		long changeRuns = changeRuns(reader).size();
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/resume", null)
			.getBody()
			.get("paused")
			.asBoolean()).isFalse();
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, second)).isTrue();
			assertThat(reader.get("/api/v1/targets/sts/status").get("outboxBacklog").asInt()).isZero();
			List<JsonNode> changes = changeRuns(reader);
			assertThat(changes).hasSizeGreaterThan((int) changeRuns);
			assertThat(changes.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
		});
		assertThat(changeRuns(reader)).anySatisfy((r) -> assertThat(r.at("/counts/created").asInt()).isPositive());
		// with nothing waiting, the drain records no more runs
		int settled = changeRuns(reader).size();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(changeRuns(reader)).hasSize(settled));

		// a reconcile is a run too, and finds no drift
		JsonNode reconcile = runAndWait(operator, "sts-reconcile");
		assertThat(reconcile.get("status").asText()).as(reconcile.toString()).isEqualTo("SUCCEEDED");
		assertThat(reconcile.get("message").asText()).contains("0 missing, 0 differing");
		assertThat(reconcile.at("/counts/created").asInt() + reconcile.at("/counts/changed").asInt()).isZero();

		// the target's own endpoint runs the sync as well
		int before = items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000")).size();
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/targets/sts/publish", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000"))).hasSize(before + 1);
	}

	private static String addPhone(Api admin, String unit, String phone, LocalDate today) {
		ResponseEntity<JsonNode> created = admin.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", phone, "validFrom", today.minusDays(30).toString()), unit);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("uuid").asText();
	}

	private static List<JsonNode> changeRuns(Api reader) {
		return items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000")).stream()
			.filter((r) -> r.get("trigger").asText().equals("CHANGE"))
			.toList();
	}

	private static JsonNode runAndWait(Api operator, String sync) {
		ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST, "/api/v1/syncs/{name}/run", null, sync);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		long id = started.getBody().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !operator.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
		return operator.get("/api/v1/runs/{id}", id);
	}

}
