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
 * The hub publishing to the local STS Organisation service (a real SOAP server on a
 * loopback port): the demo municipality reaches it in full (through the outbox of the
 * startup import and the full publish at start), a second full publish sends nothing,
 * local edits through the REST API reach it through the outbox within seconds, and the
 * consumer profiles and the target's status are in the API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sts-publish-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=100",
				"hub.demo.seed=11", "camel.main.name=sts-publish-it", "spring.quartz.scheduler-name=sts-publish-it",
				"hub.targets.sts.organisation-uuid=" + StsPublishIT.ORGANISATION, "hub.targets.sts.cvr=29189846",
				"hub.targets.sts.publish.start-delay=1s", "hub.targets.sts.receive-timeout=2s",
				"hub.targets.sts.max-attempts=2", "hub.targets.sts.initial-backoff=100ms",
				"hub.targets.sts.max-backoff=200ms" })
@ActiveProfiles("demo")
class StsPublishIT {

	static final String ORGANISATION = "3a87d4a6-4a2b-4bde-9d4b-6f0c1f8a3e01";

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
	void theMunicipalityIsPublishedAndLocalEditsFollowThroughTheOutbox() {
		Api api = new Api(this.rest);
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		LocalDate today = ReadPoint.today(this.clock);

		// in full: every unit valid today is in STS, nothing waits, nothing is
		// quarantined
		List<JsonNode> units = items(api.get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1000"));
		assertThat(units).hasSizeGreaterThan(10);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode status = reader.get("/api/v1/targets/sts/status");
			assertThat(status.get("lastPublish").isNull()).as(status.toString()).isFalse();
			assertThat(status.get("outboxBacklog").asInt()).as(status.toString()).isZero();
			assertThat(units)
				.allSatisfy((u) -> assertThat(STS.registry().exists(StsRegistry.Kind.ENHED, u.get("uuid").asText()))
					.as(u.get("userKey").asText())
					.isTrue());
		});
		JsonNode status = reader.get("/api/v1/targets/sts/status");
		assertThat(status.get("quarantine")).as(status.toString()).isEmpty();
		List<JsonNode> med = items(api.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1000"));
		assertThat(med).as("the MED organisation is not published")
			.isNotEmpty()
			.allSatisfy((u) -> assertThat(STS.registry().exists(StsRegistry.Kind.ENHED, u.get("uuid").asText()))
				.as(u.get("userKey").asText())
				.isFalse());
		assertThat(STS.registry().count(StsRegistry.Kind.FUNKTION)).isPositive();

		// a second full publish finds nothing to send
		assertThat(reader.exchange(HttpMethod.POST, "/api/v1/targets/sts/publish", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		long calls = STS.calls();
		ResponseEntity<JsonNode> again = operator.exchange(HttpMethod.POST, "/api/v1/targets/sts/publish", null);
		assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("mapped").asInt()).isPositive();
		assertThat(again.getBody().get("created").asInt() + again.getBody().get("changed").asInt()
				+ again.getBody().get("deactivated").asInt())
			.as(again.getBody().toString())
			.isZero();
		assertThat(STS.calls()).isEqualTo(calls);

		// a new phone number of a unit reaches STS through the outbox
		String unit = units.stream()
			.filter((u) -> !u.get("parent").isNull())
			.findFirst()
			.orElseThrow()
			.get("uuid")
			.asText();
		ResponseEntity<JsonNode> created = api.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 10 20 30", "validFrom", today.minusDays(30).toString()),
				unit);
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		String address = created.getBody().get("uuid").asText();
		int unitRegistrations = STS.registry().get(StsRegistry.Kind.ENHED, unit).orElseThrow().registrations();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			StsRegistry.Stored stored = STS.registry().get(StsRegistry.Kind.ADRESSE, address).orElse(null);
			assertThat(stored).isNotNull();
			assertThat(STS.registry().xml(StsRegistry.Kind.ADRESSE, stored.registration())).contains("+45 70 10 20 30");
			StsRegistry.Stored enhed = STS.registry().get(StsRegistry.Kind.ENHED, unit).orElseThrow();
			assertThat(enhed.registrations()).isGreaterThan(unitRegistrations);
			assertThat(STS.registry().xml(StsRegistry.Kind.ENHED, enhed.registration())).contains(address);
		});

		// ending it ends it there (its Virkning ends on the end date; an Adresse has no
		// Gyldighed); nothing is deleted
		int addressRegistrations = STS.registry().get(StsRegistry.Kind.ADRESSE, address).orElseThrow().registrations();
		assertThat(api
			.exchange(HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={date}", null, address, today.plusDays(1))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			StsRegistry.Stored stored = STS.registry().get(StsRegistry.Kind.ADRESSE, address).orElseThrow();
			assertThat(stored.registrations()).isGreaterThan(addressRegistrations);
			assertThat(STS.registry().xml(StsRegistry.Kind.ADRESSE, stored.registration()))
				.contains(today.plusDays(1).toString());
		});
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(reader.get("/api/v1/targets/sts/status").get("outboxBacklog").asInt()).isZero());
		JsonNode drain = reader.get("/api/v1/targets/sts/status").get("lastDrain");
		assertThat(drain.at("/result/rows").asInt()).as(drain.toString()).isPositive();

		// STS too slow to answer: the drain fails (temporary), the row stays and is
		// delivered on a later tick once STS answers again
		STS.behaviour().latency(3000);
		ResponseEntity<JsonNode> during = api.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "PHONE", "value", "+45 70 10 20 50", "validFrom", today.minusDays(30).toString()),
				unit);
		assertThat(during.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String late = during.getBody().get("uuid").asText();
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				JsonNode slow = reader.get("/api/v1/targets/sts/status");
				assertThat(slow.at("/lastFailure/operation").asText()).as(slow.toString()).isEqualTo("drain");
				assertThat(slow.get("outboxBacklog").asInt()).isPositive();
			});
			assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, late)).isFalse();
		}
		finally {
			STS.behaviour().latency(0);
		}
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(STS.registry().exists(StsRegistry.Kind.ADRESSE, late)).isTrue();
			JsonNode recovered = reader.get("/api/v1/targets/sts/status");
			assertThat(recovered.get("outboxBacklog").asInt()).isZero();
			assertThat(recovered.get("quarantine")).as(recovered.toString()).isEmpty();
		});

		// a reconcile finds STS as the hub sent it
		JsonNode reconciled = operator.exchange(HttpMethod.POST, "/api/v1/targets/sts/reconcile", null).getBody();
		assertThat(reconciled.get("held").asInt()).as(reconciled.toString()).isPositive();
		assertThat(reconciled.get("missing").asInt() + reconciled.get("differing").asInt()).as(reconciled.toString())
			.isZero();
	}

	@Test
	void theConsumerProfilesAreReported() {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		JsonNode profiles = reader.get("/api/v1/profiles");
		assertThat(profiles).extracting((p) -> p.get("name").asText()).containsExactly("KY", "KSD", "SAPA");
		profiles.forEach((p) -> {
			assertThat(p.get("checked").asInt()).as(p.toString()).isPositive();
			assertThat(p.get("ready").asBoolean()).isEqualTo(p.get("findings").isEmpty());
		});
		assertThat(profiles).anySatisfy((p) -> assertThat(p.get("findings")).isNotEmpty());
		// each finding names its object and what it misses, one code each, for the
		// readiness page; a unit finding is the hub's unit
		JsonNode unitFinding = null;
		for (JsonNode profile : profiles) {
			for (JsonNode finding : profile.get("findings")) {
				assertThat(finding.get("problems")).as(finding.toString()).isNotEmpty();
				if (unitFinding == null && finding.get("kind").asText().equals("ENHED")) {
					unitFinding = finding;
				}
			}
		}
		assertThat(unitFinding).isNotNull();
		assertThat(reader.get("/api/v1/org-units/{uuid}", unitFinding.get("uuid").asText()).get("name").asText())
			.isEqualTo(unitFinding.get("name").asText());
		String all = profiles.toString();
		for (JsonNode person : Api.items(new Api(this.rest).get("/api/v1/persons?includeCpr=true&limit=1000"))) {
			if (person.hasNonNull("cpr")) {
				assertThat(all).doesNotContain(person.get("cpr").asText());
			}
		}
		JsonNode ky = reader.get("/api/v1/profiles/KY");
		assertThat(ky.get("name").asText()).isEqualTo("KY");
		assertThat(reader.exchange(HttpMethod.GET, "/api/v1/profiles/NOPE", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		JsonNode dashboard = reader.get("/api/v1/dashboard");
		assertThat(dashboard.get("profilesAvailable").asBoolean()).isTrue();
		assertThat(dashboard.get("profiles")).extracting((p) -> p.get("name").asText())
			.containsExactly("KY", "KSD", "SAPA");
	}

}
