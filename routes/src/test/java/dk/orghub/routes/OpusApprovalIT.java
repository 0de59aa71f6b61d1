package dk.orghub.routes;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusEmployeeRecord;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.samples.opus.OpusScenario;
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
 * An OPUS dump that trips the safety threshold and hires a new person into a new unit,
 * approved through the API: the polls leave the waiting run alone, a run now does not
 * supersede it, and the approval imports the file (the new person's UUID is the one the
 * preview showed), which lands in {@code done/} with the organisation as the dump has it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:opus-approval-it;DB_CLOSE_DELAY=-1",
				"hub.sources.opus.poll-cron=* * * * * ?", "camel.main.name=opus-approval-it",
				"spring.quartz.scheduler-name=opus-approval-it" })
class OpusApprovalIT {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20250101L, 100);

	private static final String CVR = MUNICIPALITY.organisation().latest().orElseThrow().cvr();

	private static final TestInbox INBOX = TestInbox.create("opus-approval-it");

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void opus(DynamicPropertyRegistry registry) {
		registry.add("hub.sources.opus.municipality-key", () -> CVR);
		registry.add("hub.sources.opus.inbox", () -> INBOX.path().toString());
	}

	@AfterAll
	static void deleteInbox() throws IOException {
		INBOX.delete();
	}

	@Test
	void anApprovedDumpWithANewHireIsImported() throws IOException {
		Api api = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		OpusDump first = OpusSampleDumps.first(MUNICIPALITY);
		INBOX.drop(OpusDumpWriter.write(first, INBOX.staging()));
		assertThat(api.awaitExactlyRuns("opus", 1).get(0).get("status").asText()).isEqualTo("SUCCEEDED");

		// a month later: hires (the first into a new unit), and a tenth of the others
		// gone
		LocalDate date = LocalDate.of(2025, 2, 1);
		OpusScenario.Step step = new OpusScenario(3L).next(first, date.atTime(2, 0), 4);
		Set<String> touched = new HashSet<>(step.hired());
		touched.addAll(step.left().keySet());
		touched.addAll(step.moved().keySet());
		touched.addAll(step.hoursChanged());
		List<OpusEmployeeRecord> kept = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		String hire = step.hired().get(0);
		for (OpusEmployeeRecord e : step.dump().employees()) {
			if (!touched.contains(e.id()) && !e.isManager() && gone.size() < step.dump().employees().size() / 10) {
				gone.add(e.id());
			}
			else if (e.id().equals(hire)) {
				kept.add(new OpusEmployeeRecord(e.id(), e.lastChanged(), e.action(), e.entryDate(), e.leaveDate(),
						e.cpr(), e.firstName(), e.lastName(), "ny.medarbejder@kommune.dk", e.workContract(),
						e.workContractText(), e.positionId(), e.position(), e.isManager(), e.superiorLevel(),
						e.subordinateLevel(), e.orgUnit(), e.numerator(), e.denominator()));
			}
			else {
				kept.add(e);
			}
		}
		OpusDump second = new OpusDump(step.dump().exportedAt(), step.dump().client(), step.dump().units(), kept);
		INBOX.drop(OpusDumpWriter.write(second, INBOX.staging()));
		JsonNode awaiting = api.awaitExactlyRuns("opus", 2).get(0);
		assertThat(awaiting.get("status").asText()).as(awaiting.toString()).isEqualTo("AWAITING_APPROVAL");
		long id = awaiting.get("id").asLong();
		Set<String> plannedPersons = new HashSet<>();
		items(api.get("/api/v1/runs/{id}/changes?kind=CREATED&limit=1000", id)).stream()
			.filter((c) -> "PERSON".equals(c.get("type").asText()))
			.forEach((c) -> plannedPersons.add(c.get("uuid").asText()));
		assertThat(plannedPersons).hasSize(step.hired().size());

		// the polls and a run now leave the waiting run as it is
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> items(api.get("/api/v1/runs?sync=opus")).size() == 2);
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/syncs/opus/run", null).getStatusCode())
			.isEqualTo(HttpStatus.ACCEPTED);
		JsonNode again = api.awaitExactlyRuns("opus", 3).get(0);
		assertThat(again.get("status").asText()).as(again.toString()).isEqualTo("SKIPPED");
		assertThat(again.get("message").asText()).contains("Run " + id);
		assertThat(api.get("/api/v1/runs/{id}", id).get("status").asText()).isEqualTo("AWAITING_APPROVAL");

		// approved, the file is imported as it was previewed
		assertThat(operator.exchange(HttpMethod.POST, "/api/v1/runs/{id}/approve", null, id)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/v1/runs/{id}", id).get("status").asText(),
					(status) -> !"AWAITING_APPROVAL".equals(status) && !"RUNNING".equals(status));
		JsonNode imported = api.get("/api/v1/runs/{id}", id);
		assertThat(imported.get("status").asText()).as(imported.toString()).isEqualTo("SUCCEEDED");
		assertThat(imported.at("/counts/ended").asInt()).isGreaterThanOrEqualTo(gone.size());
		assertThat(INBOX.path().resolve("done").resolve(second.fileName())).exists();
		assertThat(INBOX.path().resolve(second.fileName())).doesNotExist();

		// the organisation is the second dump's
		JsonNode hired = engagement(api, hire, date);
		assertThat(hired).isNotNull();
		assertThat(hired.get("person").asText()).as("the person the approved preview showed").isIn(plannedPersons);
		assertThat(hired.get("unit").asText())
			.isEqualTo(items(api.get("/api/v1/org-units?userKey={key}&at={at}", step.newUnit(), date)).get(0)
				.get("uuid")
				.asText());
		assertThat(items(api.get("/api/v1/addresses?owner={person}&at={at}", hired.get("person").asText(), date)))
			.as("the e-mail from the dump")
			.anySatisfy((a) -> assertThat(a.get("value").asText()).isEqualTo("ny.medarbejder@kommune.dk"));
		String respondents = api.rest()
			.getForObject("/api/v1/exports/survey?at={at}&format=csv&table=respondents", String.class, date);
		assertThat(respondents).as("the survey export has the e-mail from payroll")
			.contains("ny.medarbejder@kommune.dk");
		gone.forEach((employment) -> {
			assertThat(engagement(api, employment, date.minusDays(1))).as(employment).isNotNull();
			assertThat(engagement(api, employment, date)).as(employment).isNull();
		});
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(items(api.get("/api/v1/runs?sync=opus"))).as("no run after the approval")
				.hasSize(3));
	}

	private static JsonNode engagement(Api api, String employment, LocalDate at) {
		List<JsonNode> found = items(api.get("/api/v1/engagements?userKey={key}&at={at}", employment, at));
		return found.isEmpty() ? null : found.get(0);
	}

}
