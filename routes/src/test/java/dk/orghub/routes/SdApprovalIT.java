package dk.orghub.routes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SD run that trips the safety threshold while SD hires a new person: a second run
 * does not supersede the waiting one, and the approval applies the plan the operator saw
 * (the new person with the UUID of the preview).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sd-approval-it;DB_CLOSE_DELAY=-1",
				"camel.main.name=sd-approval-it", "spring.quartz.scheduler-name=sd-approval-it",
				"hub.sources.sd.institution=XY", "hub.sources.sd.user=hub", "hub.sources.sd.password=stub-secret" })
class SdApprovalIT {

	private static final LocalDate TODAY = LocalDate.now(ReadPoint.ZONE);

	private static final LocalDate CHANGED = TODAY.plusDays(7);

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(47, 100, TODAY);

	private static final SdStub SD = SdStub.start(MUNICIPALITY, "hub", "stub-secret", "XY");

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void sd(DynamicPropertyRegistry registry) {
		registry.add("hub.sources.sd.base-uri", () -> SD.baseUri().toString());
	}

	@AfterAll
	static void stopSd() {
		SD.close();
	}

	@Test
	void anApprovedRunWithANewHireIsApplied() {
		Api api = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		run(operator);
		assertThat(api.awaitRun("sd", 1).get("status").asText()).isEqualTo("SUCCEEDED");

		// SD ends a tenth of the employments a week ahead and hires a new person today
		List<Map.Entry<UUID, Timeline<Engagement>>> open = MUNICIPALITY.engagements()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().covers(Validity.from(TODAY)))
			.toList();
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>(MUNICIPALITY.engagements());
		List<Engagement> ended = open.subList(0, open.size() / 10)
			.stream()
			.map((e) -> e.getValue().at(TODAY).orElseThrow())
			.toList();
		open.subList(0, open.size() / 10)
			.forEach((e) -> engagements.put(e.getKey(), e.getValue().remove(Validity.from(CHANGED))));
		Engagement model = open.get(open.size() - 1).getValue().at(TODAY).orElseThrow();
		Map<UUID, Timeline<Person>> persons = new LinkedHashMap<>(MUNICIPALITY.persons());
		UUID hire = UUID.randomUUID();
		persons.put(hire, Timeline.of(Validity.from(LocalDate.of(1985, 7, 15)),
				new Person(hire, null, "1507851113", "Ny", "Medarbejder", null)));
		UUID hired = UUID.randomUUID();
		engagements.put(hired, Timeline.of(Validity.from(TODAY), new Engagement(hired, "99998", hire, model.unit(),
				model.jobFunction(), model.engagementType(), BigDecimal.ONE, true)));
		SD.update(new Municipality(MUNICIPALITY.seed(), MUNICIPALITY.employees(), MUNICIPALITY.referenceDate(),
				MUNICIPALITY.organisation(), MUNICIPALITY.units(), persons, engagements, MUNICIPALITY.managers(),
				MUNICIPALITY.addresses(), MUNICIPALITY.kle()), TODAY);

		run(operator);
		JsonNode awaiting = api.awaitRun("sd", 2);
		assertThat(awaiting.get("status").asText()).as(awaiting.toString()).isEqualTo("AWAITING_APPROVAL");
		long id = awaiting.get("id").asLong();
		Set<String> plannedPersons = new HashSet<>();
		items(api.get("/api/v1/runs/{id}/changes?kind=CREATED&limit=1000", id)).stream()
			.filter((c) -> "PERSON".equals(c.get("type").asText()))
			.forEach((c) -> plannedPersons.add(c.get("uuid").asText()));
		assertThat(plannedPersons).hasSize(1);

		// a second run with SD unchanged leaves the waiting run alone
		run(operator);
		JsonNode again = api.awaitRun("sd", 3);
		assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("SKIPPED");
		assertThat(again.get("message").asText()).contains("Run " + id);
		assertThat(api.get("/api/v1/runs/{id}", id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

		operator.exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null, id);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> api.get("/api/v1/runs/{id}", id).get("status").asText(),
					(status) -> !"AWAITING_APPROVAL".equals(status) && !"RUNNING".equals(status));
		JsonNode applied = api.get("/api/v1/runs/{id}", id);
		assertThat(applied.get("status").asText()).as(applied.toString()).isIn("SUCCEEDED", "PARTIAL");
		JsonNode engagement = engagement(api, "99998", TODAY);
		assertThat(engagement).isNotNull();
		assertThat(engagement.get("person").asText()).isIn(plannedPersons);
		ended.forEach((e) -> {
			assertThat(engagement(api, e.userKey(), CHANGED.minusDays(1))).as(e.userKey()).isNotNull();
			assertThat(engagement(api, e.userKey(), CHANGED)).as(e.userKey()).isNull();
		});
	}

	private static void run(Api operator) {
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/sd/run", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
	}

	private static JsonNode engagement(Api api, String userKey, LocalDate at) {
		List<JsonNode> found = items(api.get("/api/v1/engagements?userKey={key}&at={at}", userKey, at));
		return found.isEmpty() ? null : found.get(0);
	}

}
