package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
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
 * {@code /api/v1/syncs} are recorded runs with counts and a log line per object sent, a
 * second run sends nothing, a preview shows what would be sent and sends nothing, pausing
 * the sync stops the outbox drain (a local edit waits in the outbox and arrives after
 * resume, as one run with the trigger change), a reconcile is a recorded run too, and a
 * publish that would end more than the threshold's share of the functions STS holds waits
 * for approval before it sends anything.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:sts-publish-sync-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=100",
		"hub.demo.seed=12", "camel.main.name=sts-publish-sync-it", "spring.quartz.scheduler-name=sts-publish-sync-it",
		"hub.targets.sts.organisation-uuid=" + StsPublishSyncIT.ORGANISATION, "hub.targets.sts.cvr=29189846",
		"hub.targets.sts.publish.start-delay=1s", "hub.targets.sts.receive-timeout=2s",
		"hub.targets.sts.max-attempts=2", "hub.targets.sts.initial-backoff=100ms", "hub.targets.sts.max-backoff=200ms",
		// hub.syncs sets the schedule and thresholds of the target's sync: ending more
		// than 2% of the functions STS holds stops a publish for approval
		"hub.syncs.sts-publish.adapter=sts-organisation", "hub.syncs.sts-publish.cron=0 30 1 * * ?",
		"hub.syncs.sts-publish.thresholds.ended-share=0.02", "hub.syncs.sts-publish.thresholds.minimum-objects=1" })
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

	@Autowired
	private OrgStore store;

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
		// by default only the line organisation is sent: no unit of the MED organisation
		List<JsonNode> med = items(reader.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1000"));
		assertThat(med).isNotEmpty()
			.noneMatch((u) -> STS.registry().exists(StsRegistry.Kind.ENHED, u.get("uuid").asText()));

		// paused, a local edit stays in the outbox
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/pause", null)
			.getBody()
			.get("paused")
			.asBoolean()).isTrue();
		String unit = items(admin.get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1000")).stream()
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

		// a preview shows the new Adresse with its value, and sends nothing
		long beforePreview = STS.calls();
		JsonNode preview = runAndWait(operator, "sts-publish", true);
		assertThat(preview.get("status").asText()).as(preview.toString()).isEqualTo("PREVIEW");
		assertThat(preview.at("/counts/created").asInt()).as(preview.toString()).isPositive();
		JsonNode previewed = logLine(preview, first);
		assertThat(previewed.get("type").asText()).isEqualTo("Adresse");
		assertThat(previewed.get("kind").asText()).isEqualTo("CREATED");
		assertThat(previewed.get("intervals").toString()).contains("+45 70 10 20 31");
		assertThat(STS.calls()).isEqualTo(beforePreview);
		assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, first)).isFalse();

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
		// its log has a line per object sent, found by the object too
		assertThat(logLine(run, first).get("kind").asText()).isEqualTo("CREATED");
		assertThat(items(reader.get("/api/v1/changes?object={uuid}", first)))
			.anySatisfy((line) -> assertThat(line.get("sync").asText()).isEqualTo("sts-publish"));

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

		// a reconcile previews too: it reads what STS holds and plans nothing to correct
		JsonNode reconcilePreview = runAndWait(operator, "sts-reconcile", true);
		assertThat(reconcilePreview.get("status").asText()).as(reconcilePreview.toString()).isEqualTo("PREVIEW");
		assertThat(reconcilePreview.get("message").asText()).contains("0 missing, 0 differing");
		assertThat(reconcilePreview.at("/changes/total").asInt()).isZero();

		// a reconcile is a run too, and finds no drift
		JsonNode reconcile = runAndWait(operator, "sts-reconcile");
		assertThat(reconcile.get("status").asText()).as(reconcile.toString()).isEqualTo("SUCCEEDED");
		assertThat(reconcile.get("message").asText()).contains("0 missing, 0 differing");
		assertThat(reconcile.at("/counts/created").asInt() + reconcile.at("/counts/changed").asInt()).isZero();

		// a reconcile and the publish share a lock: while one runs the other is refused
		STS.behaviour().latency(200);
		try {
			ResponseEntity<JsonNode> reconciling = operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-reconcile/run",
					null);
			assertThat(reconciling.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			ResponseEntity<JsonNode> meanwhile = operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/run",
					null);
			assertThat(meanwhile.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(meanwhile.getBody().get("detail").asText()).contains("share a lock")
				.contains("'sts-reconcile' is running");
			assertThat(awaitRun(operator, reconciling.getBody().get("id").asLong()).get("status").asText())
				.isEqualTo("SUCCEEDED");
		}
		finally {
			STS.behaviour().latency(0);
		}

		// the target's own endpoint runs the sync as well
		int before = items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000")).size();
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/targets/sts/publish", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(items(reader.get("/api/v1/runs?sync=sts-publish&limit=1000"))).hasSize(before + 1);

		// ending 10 managers at once (a payroll mistake): with the drain paused, the
		// publish
		// finds it would end more than 2% of the functions and stops before sending
		operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/pause", null);
		// (a manager is an OrganisationFunktion with Lederrolle in STS)
		List<String> functions = STS.registry().uuids(StsRegistry.Kind.FUNKTION);
		List<UUID> ended = this.store.list(Query.of(Manager.class, ReadPoint.now(this.clock)).page(0, 10000))
			.items()
			.stream()
			.map((e) -> e.value().uuid())
			.filter((uuid) -> functions.contains(uuid.toString()))
			.limit(10)
			.toList();
		assertThat(ended).hasSizeGreaterThanOrEqualTo(3);
		ChangeSet.Builder ending = ChangeSet.by(Actor.source("payroll-mistake"));
		ended.forEach((uuid) -> ending.end(ObjectType.MANAGER, uuid, today));
		this.store.apply(ending.build());
		long beforeStop = STS.calls();
		JsonNode stopped = runAndWait(operator, "sts-publish");
		assertThat(stopped.get("status").asText()).as(stopped.toString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(stopped.get("thresholdReport").asText()).contains("OrganisationFunktion").contains("over the limit");
		assertThat(stopped.at("/counts/ended").asInt()).as(stopped.toString()).isEqualTo(ended.size());
		assertThat(logLine(stopped, ended.get(0).toString()).get("kind").asText()).isEqualTo("ENDED");
		assertThat(STS.calls()).as("nothing is sent while the run awaits approval").isEqualTo(beforeStop);

		// approved, the plan the operator saw is sent
		long id = stopped.get("id").asLong();
		ResponseEntity<JsonNode> approved = operator.exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null, id);
		assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.OK);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !operator.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
		JsonNode sent = operator.get("/api/v1/runs/{id}", id);
		assertThat(sent.get("status").asText()).as(sent.toString()).isEqualTo("SUCCEEDED");
		assertThat(sent.at("/counts/ended").asInt()).as(sent.toString()).isEqualTo(ended.size());
		assertThat(sent.get("decidedBy").asText()).isEqualTo(Api.OPERATOR);
		assertThat(STS.calls()).isGreaterThan(beforeStop);
		assertThat(runAndWait(operator, "sts-publish").at("/counts/ended").asInt()).isZero();

		// a unit STS refuses goes to the quarantine with STS's reason ...
		OrgUnit held = this.store.get(OrgUnit.class, UUID.fromString(unit), ReadPoint.now(this.clock))
			.orElseThrow()
			.value();
		STS.behaviour().refuse(unit);
		this.store.apply(ChangeSet.by(Actor.user("test"))
			.put(new OrgUnit(held.uuid(), held.userKey(), "Omdøbt enhed", held.parent(), held.unitType(),
					held.unitLevel(), held.payoutUnit()), Validity.from(today))
			.build());
		JsonNode refused = runAndWait(operator, "sts-publish");
		assertThat(refused.get("status").asText()).as(refused.toString()).isEqualTo("PARTIAL");
		// (with the objects that refer to it and so were not sent either)
		assertThat(refused.at("/counts/failed").asInt()).isPositive();
		JsonNode entry = items(reader.get("/api/v1/quarantine?sync=sts-publish")).stream()
			.filter((q) -> q.get("uuid").asText().equals(unit))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the refused unit is not in the quarantine"));
		assertThat(entry.get("type").asText()).isEqualTo("OrganisationEnhed");
		assertThat(entry.get("reason").asText()).contains("afvist");

		// ... and a retry of it, once STS takes it, sends it and clears it
		STS.behaviour().accept(unit);
		ResponseEntity<JsonNode> retry = operator.exchange(HttpMethod.POST, "/api/v1/quarantine/{id}/retry", null,
				entry.get("id").asLong());
		assertThat(retry.getStatusCode()).as(String.valueOf(retry.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode retried = awaitRun(operator, retry.getBody().get("id").asLong());
		assertThat(retried.get("status").asText()).as(retried.toString()).isEqualTo("SUCCEEDED");
		assertThat(retried.get("trigger").asText()).isEqualTo("RETRY");
		assertThat(logLine(retried, unit).get("intervals").toString()).contains("Omdøbt enhed");
		assertThat(items(reader.get("/api/v1/quarantine?sync=sts-publish")))
			.noneSatisfy((q) -> assertThat(q.get("uuid").asText()).isEqualTo(unit));
		// retrying all sends the rest
		if (refused.at("/counts/failed").asInt() > 1) {
			ResponseEntity<JsonNode> all = operator.exchange(HttpMethod.POST, "/api/v1/quarantine/retry?sync={s}", null,
					"sts-publish");
			assertThat(all.getStatusCode()).as(String.valueOf(all.getBody())).isEqualTo(HttpStatus.ACCEPTED);
			JsonNode rest = awaitRun(operator, all.getBody().get(0).get("id").asLong());
			assertThat(rest.get("status").asText()).as(rest.toString()).isEqualTo("SUCCEEDED");
		}
		assertThat(items(reader.get("/api/v1/quarantine?sync=sts-publish"))).isEmpty();
		assertThat(STS.registry()
			.xml(StsRegistry.Kind.ENHED, STS.registry().get(StsRegistry.Kind.ENHED, unit).orElseThrow().registration()))
			.contains("Omdøbt enhed");
	}

	private static JsonNode awaitRun(Api operator, long id) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !operator.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
		return operator.get("/api/v1/runs/{id}", id);
	}

	private static JsonNode logLine(JsonNode run, String uuid) {
		return items(run.get("changes")).stream()
			.filter((line) -> line.get("uuid").asText().equals(uuid))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no log line for " + uuid + " in " + run));
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
		return runAndWait(operator, sync, false);
	}

	private static JsonNode runAndWait(Api operator, String sync, boolean preview) {
		ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST, "/api/v1/syncs/{name}/run?preview={p}",
				null, sync, preview);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		long id = started.getBody().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !operator.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
		return operator.get("/api/v1/runs/{id}", id);
	}

}
