package dk.orghub.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * KMD OPUS dumps dropped in the inbox of a running hub (no demo data): the route
 * {@code opus-inbox} picks each up, every dump is a run of the sync {@code opus} with its
 * counts, a rejected record goes to the quarantine, a truncated dump goes to
 * {@code error/} with its report and changes nothing, and the organisation is read back
 * through the REST API at dates before and after the changes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:opus-inbox-it;DB_CLOSE_DELAY=-1",
				"hub.sources.opus.poll-cron=* * * * * ?", "camel.main.name=opus-inbox-it",
				"spring.quartz.scheduler-name=opus-inbox-it" })
class OpusInboxRouteIT {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20070101L, 200);

	private static final String CVR = MUNICIPALITY.organisation().latest().orElseThrow().cvr();

	private static final TestInbox INBOX = TestInbox.create("opus-inbox-it");

	private static final String TRUNCATED = "ZLPE20250115020000_delta.xml";

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
	void dumpsDroppedInTheInboxBecomeRunsAndTheOrganisation() throws IOException {
		Api api = new Api(this.rest);
		OpusDump first = OpusSampleDumps.first(MUNICIPALITY);
		OpusScenario.Step second = new OpusScenario(7L).next(first, LocalDateTime.of(2025, 2, 1, 2, 0), 10);
		LocalDate january = LocalDate.of(2025, 1, 15);
		LocalDate february = LocalDate.of(2025, 2, 1);

		// the first dump loads everything
		INBOX.drop(OpusDumpWriter.write(first, INBOX.staging()));
		JsonNode firstRun = api.awaitExactlyRuns("opus", 1).get(0);
		assertThat(firstRun.get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(firstRun.get("trigger").asText()).isEqualTo("SCHEDULE");
		assertThat(firstRun.at("/counts/created").asInt()).isPositive();
		assertThat(firstRun.at("/counts/read").asInt()).isPositive();
		assertThat(firstRun.get("message").asText()).contains(first.fileName()).contains("done/");
		assertThat(INBOX.path().resolve("done").resolve(first.fileName())).exists();
		long unitsInJanuary = api.get("/api/v1/org-units?at={at}&limit=1", january).get("total").asLong();
		assertThat(unitsInJanuary).isEqualTo(first.units().size());

		// a truncated dump is rejected whole: error/ with its report, nothing changed
		Files.writeString(INBOX.path().resolve(TRUNCATED),
				"<?xml version=\"1.0\"?>\n<kmd>\n  <orgUnit id=\"1\">\n    <longName>cut");
		JsonNode failed = api.awaitExactlyRuns("opus", 2).get(0);
		assertThat(failed.get("status").asText()).isEqualTo("FAILED");
		assertThat(failed.get("message").asText()).contains(TRUNCATED).contains("error/").contains("line 4");
		assertThat(failed.get("registration").isNull()).isTrue();
		assertThat(INBOX.path().resolve("error").resolve(TRUNCATED)).exists();
		assertThat(Files.readString(INBOX.path().resolve("error").resolve(TRUNCATED + ".error.txt")))
			.contains("nothing of it was applied");
		assertThat(api.get("/api/v1/org-units?at={at}&limit=1", january).get("total").asLong())
			.isEqualTo(unitsInJanuary);
		assertThat(items(api.get("/api/v1/runs/{id}/changes", failed.get("id").asLong()))).isEmpty();

		// a later dump, one of its records with an impossible CPR number
		OpusEmployeeRecord broken = second.dump()
			.employees()
			.stream()
			.filter((e) -> !e.isManager() && !second.moved().containsKey(e.id()) && !second.left().containsKey(e.id())
					&& !second.hired().contains(e.id()) && !second.hoursChanged().contains(e.id()))
			.findFirst()
			.orElseThrow();
		// paused, the route leaves it waiting; a preview shows what it would change
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		operator.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/syncs/opus/pause", null);
		Path written = OpusDumpWriter.write(second.dump(), INBOX.staging());
		INBOX.drop(Files.writeString(written, breakCpr(Files.readString(written), broken.id())));
		operator.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/syncs/opus/run?preview=true", null);
		JsonNode preview = api.awaitExactlyRuns("opus", 3).get(0);
		assertThat(preview.get("status").asText()).isEqualTo("PREVIEW");
		assertThat(preview.get("trigger").asText()).isEqualTo("MANUAL");
		assertThat(preview.at("/counts/changed").asInt() + preview.at("/counts/ended").asInt()).isPositive();
		assertThat(items(api.get("/api/v1/runs/{id}/changes", preview.get("id").asLong()))).isNotEmpty();
		assertThat(INBOX.path().resolve(second.dump().fileName())).exists();
		second.renamed()
			.forEach((id, name) -> assertThat(unit(api, id, february).get("name").asText()).isNotEqualTo(name));
		operator.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/syncs/opus/resume", null);

		JsonNode secondRun = api.awaitExactlyRuns("opus", 4).get(0);
		assertThat(secondRun.get("status").asText()).isEqualTo("PARTIAL");
		assertThat(secondRun.at("/counts/changed").asInt() + secondRun.at("/counts/ended").asInt()).isPositive();
		assertThat(secondRun.at("/counts/failed").asInt()).isEqualTo(1);
		List<JsonNode> quarantined = items(api.get("/api/v1/quarantine?sync=opus"));
		assertThat(quarantined).singleElement().satisfies((q) -> {
			assertThat(q.get("userKey").asText()).isEqualTo(broken.id());
			assertThat(q.get("type").asText()).isEqualTo("ENGAGEMENT");
			assertThat(q.get("reason").asText()).containsIgnoringCase("cpr")
				.contains("xxxx")
				.doesNotContain("3213459999");
		});
		assertThat(INBOX.path().resolve("done").resolve(second.dump().fileName() + ".rejected.txt")).exists();

		// the organisation at both dates: a rename, a leaver, a move, the new and the
		// closed unit
		second.renamed().forEach((id, name) -> {
			assertThat(unit(api, id, january).get("name").asText()).isNotEqualTo(name);
			assertThat(unit(api, id, february).get("name").asText()).isEqualTo(name);
		});
		second.left().forEach((employment, lastDay) -> {
			assertThat(engagements(api, employment, lastDay)).hasSize(1);
			assertThat(engagements(api, employment, lastDay.plusDays(1))).isEmpty();
		});
		second.moved().forEach((employment, unit) -> {
			OpusEmployeeRecord record = second.dump()
				.employees()
				.stream()
				.filter((e) -> e.id().equals(employment))
				.findFirst()
				.orElseThrow();
			LocalDate from = record.entryDate().isAfter(february) ? record.entryDate() : february;
			assertThat(engagements(api, employment, from).get(0).get("unit").asText())
				.isEqualTo(unit(api, unit, from).get("uuid").asText());
		});
		assertThat(units(api, second.newUnit(), january)).isEmpty();
		assertThat(units(api, second.newUnit(), february)).hasSize(1);
		assertThat(units(api, second.closedUnit(), january)).hasSize(1);
		assertThat(units(api, second.closedUnit(), february)).isEmpty();
		assertThat(unit(api, second.movedUnit(), february).get("parent").asText())
			.isEqualTo(unit(api, second.movedUnitParent(), february).get("uuid").asText());
		assertThat(engagements(api, broken.id(), february)).as("the rejected record keeps what the store had")
			.hasSize(1);

		// the sync is on the dashboard's list, with its quarantined record
		JsonNode sync = api.get("/api/v1/syncs/opus");
		assertThat(sync.get("adapter").asText()).isEqualTo("opus");
		assertThat(sync.get("quarantined").asLong()).isEqualTo(1);
		assertThat(Files.list(INBOX.path()).filter(Files::isRegularFile).toList()).isEmpty();

		// a dump missing half the employees trips the safety threshold: it waits in the
		// inbox for an operator, the route takes no more runs of it, and a rejection
		// moves
		// it to error/
		List<OpusEmployeeRecord> half = new java.util.ArrayList<>();
		for (int i = 0; i < second.dump().employees().size(); i += 2) {
			half.add(second.dump().employees().get(i));
		}
		OpusDump mistake = new OpusDump(LocalDateTime.of(2025, 3, 1, 2, 0), second.dump().client(),
				second.dump().units(), half);
		INBOX.drop(OpusDumpWriter.write(mistake, INBOX.staging()));
		JsonNode awaiting = api.awaitExactlyRuns("opus", 5).get(0);
		assertThat(awaiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
		assertThat(awaiting.get("message").asText()).contains(mistake.fileName());
		assertThat(awaiting.at("/counts/ended").asInt()).isGreaterThan(half.size() / 2);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> items(api.get("/api/v1/runs?sync=opus")).size() == 5);
		assertThat(INBOX.path().resolve(mistake.fileName())).exists();
		assertThat(engagements(api, half.get(0).id(), LocalDate.of(2025, 3, 1))).hasSize(1);

		assertThat(operator
			.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/runs/{id}/reject", null,
					awaiting.get("id").asLong())
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertThat(INBOX.path().resolve(mistake.fileName())).doesNotExist();
		assertThat(Files.readString(INBOX.path().resolve("error").resolve(mistake.fileName() + ".error.txt")))
			.contains("rejected by operator");
		assertThat(engagements(api, half.get(1).id(), LocalDate.of(2025, 3, 1))).hasSize(1);
		OpusEmployeeRecord leftOut = second.dump()
			.employees()
			.stream()
			.filter((e) -> !half.contains(e) && e.leaveDate() == null && !e.id().equals(broken.id()))
			.findFirst()
			.orElseThrow();
		assertThat(engagements(api, leftOut.id(), LocalDate.of(2025, 3, 1)))
			.as("an employee the rejected dump left out is still employed")
			.hasSize(1);

		// the same cut-down dump again, approved this time: it is imported
		OpusDump approved = new OpusDump(LocalDateTime.of(2025, 3, 2, 2, 0), mistake.client(), mistake.units(),
				mistake.employees());
		INBOX.drop(OpusDumpWriter.write(approved, INBOX.staging()));
		JsonNode again = api.awaitExactlyRuns("opus", 6).get(0);
		assertThat(again.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
		operator.exchange(org.springframework.http.HttpMethod.POST, "/api/v1/runs/{id}/approve", null,
				again.get("id").asLong());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/v1/runs/{id}", again.get("id").asLong()).get("status").asText(),
					(status) -> !"AWAITING_APPROVAL".equals(status) && !"RUNNING".equals(status));
		JsonNode imported = api.get("/api/v1/runs/{id}", again.get("id").asLong());
		assertThat(imported.get("status").asText()).as(imported.toString()).isIn("SUCCEEDED", "PARTIAL");
		assertThat(imported.get("decidedBy").asText()).isEqualTo(Api.OPERATOR);
		assertThat(imported.at("/counts/ended").asInt()).isGreaterThan(half.size() / 2);
		assertThat(INBOX.path().resolve("done").resolve(approved.fileName())).exists();
		assertThat(engagements(api, leftOut.id(), LocalDate.of(2025, 3, 2))).isEmpty();
		assertThat(engagements(api, leftOut.id(), LocalDate.of(2025, 3, 1))).hasSize(1);
	}

	private static JsonNode unit(Api api, String opusId, LocalDate at) {
		List<JsonNode> units = units(api, opusId, at);
		assertThat(units).as("unit %s on %s", opusId, at).hasSize(1);
		return units.get(0);
	}

	private static List<JsonNode> units(Api api, String opusId, LocalDate at) {
		return items(api.get("/api/v1/org-units?userKey={key}&at={at}", opusId, at));
	}

	private static List<JsonNode> engagements(Api api, String employment, LocalDate at) {
		return items(api.get("/api/v1/engagements?userKey={key}&at={at}", employment, at));
	}

	private static String breakCpr(String xml, String employment) {
		Pattern record = Pattern.compile(
				"(<employee id=\"" + Pattern.quote(employment) + "\"[^>]*>.*?<cpr suppId=\"0\">)(\\d{10})(</cpr>)",
				Pattern.DOTALL);
		Matcher matcher = record.matcher(xml);
		assertThat(matcher.find()).as("employee %s in the dump", employment).isTrue();
		return xml.substring(0, matcher.start(2)) + "3213459999" + xml.substring(matcher.end(2));
	}

}
