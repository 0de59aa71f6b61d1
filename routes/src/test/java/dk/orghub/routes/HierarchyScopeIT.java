package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sts.LocalStsService;
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
 * Issue 18, "which units go where": with STS Organisation configured to receive the MED
 * organisation beside the line organisation and to leave one line subtree out, the
 * preview of a full publish plans the MED units (and the associations in them) and none
 * of the subtree's units or engagements; the organisation pages' tree tells which targets
 * leave each unit out; and a new person with a CPR number another person holds is refused
 * with 409, naming that person.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hierarchy-scope-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=100", "hub.demo.seed=12", "camel.main.name=hierarchy-scope-it",
				"spring.quartz.scheduler-name=hierarchy-scope-it",
				"hub.targets.sts.organisation-uuid=" + HierarchyScopeIT.ORGANISATION, "hub.targets.sts.cvr=29189846",
				// nothing is sent: the preview plans the whole organisation
				"hub.targets.sts.publish.on-start=false", "hub.targets.sts.outbox.enabled=false",
				"hub.targets.sts.units.hierarchies=Linjeorganisation,MED-organisation" })
@ActiveProfiles("demo")
class HierarchyScopeIT {

	static final String ORGANISATION = "8d3f5a7c-2b4e-4c6d-9e1f-3a5b7c9d1e04";

	private static final LocalDate REFERENCE = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

	private static final Municipality SAMPLE = MunicipalityGenerator.generate(12, 100, REFERENCE);

	/** A unit right below the root, left out with its subtree. */
	private static final OrgUnit EXCLUDED = SAMPLE.units()
		.values()
		.stream()
		.map((t) -> t.at(REFERENCE).orElse(null))
		.filter((u) -> u != null && SAMPLE.root().equals(u.parent()))
		.findFirst()
		.orElseThrow();

	private static final LocalStsService STS = LocalStsService.start(Clock.systemUTC());

	static {
		STS.seedOrganisation(UUID.fromString(ORGANISATION), "29189846", "Sample municipality");
	}

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void sts(DynamicPropertyRegistry registry) {
		registry.add("hub.targets.sts.base-url", STS::baseUrl);
		registry.add("hub.demo.reference-date", REFERENCE::toString);
		registry.add("hub.targets.sts.units.excluded-subtrees", () -> EXCLUDED.uuid().toString());
	}

	@AfterAll
	static void stopSts() {
		STS.close();
	}

	@Test
	void thePreviewOfAFullPublishFollowsTheConfiguredScope() {
		Api admin = new Api(this.rest);
		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		awaitImport(admin);
		String today = REFERENCE.toString();
		List<JsonNode> med = items(admin.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1000&at=" + today));
		assertThat(med).as("the demo has a MED organisation").isNotEmpty();
		List<JsonNode> subtree = items(admin.get("/api/v1/org-units?root=" + EXCLUDED.uuid() + "&limit=1000"));
		assertThat(subtree).hasSizeGreaterThan(1);
		Set<String> subtreeUnits = uuids(subtree);
		List<JsonNode> engagements = items(admin.get("/api/v1/engagements?limit=1000&at=" + today));
		Set<String> leftOutEngagements = new HashSet<>();
		engagements.stream()
			.filter((e) -> subtreeUnits.contains(e.get("unit").asText()))
			.forEach((e) -> leftOutEngagements.add(e.get("uuid").asText()));
		assertThat(leftOutEngagements).isNotEmpty();

		long calls = STS.calls();
		JsonNode preview = runAndWait(operator, "sts-publish", true);
		assertThat(preview.get("status").asText()).as(preview.toString()).isEqualTo("PREVIEW");
		Map<String, String> planned = planned(operator, preview.get("id").asLong());

		assertThat(planned).as("the MED units are planned as Enhed objects")
			.containsAllEntriesOf(kinds(uuids(med), "OrganisationEnhed"));
		assertThat(planned).as("the subtree left out, and its engagements")
			.doesNotContainKeys(subtreeUnits.toArray(String[]::new));
		assertThat(planned).doesNotContainKeys(leftOutEngagements.toArray(String[]::new));
		assertThat(planned).containsEntry(SAMPLE.root().toString(), "OrganisationEnhed");
		assertThat(STS.calls()).as("a preview sends nothing").isEqualTo(calls);

		// the tree marks what each target leaves out
		Map<String, JsonNode> tree = new java.util.HashMap<>();
		admin.get("/api/v1/org-units/tree?at=" + today).forEach((n) -> tree.put(n.get("uuid").asText(), n));
		JsonNode medUnit = tree.get(med.get(0).get("uuid").asText());
		assertThat(leftOutBy(medUnit)).doesNotContain("sts-organisation").contains("export:organisation");
		assertThat(leftOutBy(tree.get(EXCLUDED.uuid().toString()))).contains("sts-organisation")
			.doesNotContain("export:organisation");
		assertThat(leftOutBy(tree.get(SAMPLE.root().toString()))).isEmpty();
	}

	@Test
	void aNewPersonWithTheCprNumberOfAnotherIsRefusedNamingThatPerson() {
		Api admin = new Api(this.rest);
		awaitImport(admin);
		JsonNode existing = items(admin.get("/api/v1/persons?includeCpr=true&limit=1")).get(0);
		String unit = items(admin.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1")).get(0)
			.get("uuid")
			.asText();

		ResponseEntity<JsonNode> refused = admin.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", unit, "associationType", "Arbejdsmiljørepræsentant", "newPerson",
						Map.of("givenName", "Twin", "surname", "Double", "cpr", existing.get("cpr").asText())));

		assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("detail").asText()).contains(existing.get("uuid").asText())
			.contains("CPR number")
			.doesNotContain(existing.get("cpr").asText());
	}

	private static void awaitImport(Api admin) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			List<JsonNode> runs = items(admin.get("/api/v1/runs?sync=samples-import&limit=10"));
			assertThat(runs).anySatisfy((r) -> assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED"));
		});
	}

	private static List<String> leftOutBy(JsonNode node) {
		List<String> targets = new java.util.ArrayList<>();
		node.get("leftOutBy").forEach((t) -> targets.add(t.asText()));
		return targets;
	}

	private static Set<String> uuids(List<JsonNode> objects) {
		Set<String> result = new HashSet<>();
		objects.forEach((o) -> result.add(o.get("uuid").asText()));
		return result;
	}

	private static Map<String, String> kinds(Set<String> uuids, String type) {
		Map<String, String> result = new java.util.HashMap<>();
		uuids.forEach((u) -> result.put(u, type));
		return result;
	}

	/** Every object of a run's log, by UUID, with its STS type. */
	private static Map<String, String> planned(Api operator, long run) {
		Map<String, String> result = new java.util.HashMap<>();
		for (int offset = 0;; offset += 1000) {
			JsonNode page = operator.get("/api/v1/runs/{id}/changes?limit=1000&offset=" + offset, run);
			List<JsonNode> lines = items(page);
			lines.forEach((l) -> result.put(l.get("uuid").asText(), l.get("type").asText()));
			if (lines.isEmpty() || offset + lines.size() >= page.get("total").asInt()) {
				return result;
			}
		}
	}

	private static JsonNode runAndWait(Api operator, String sync, boolean preview) {
		ResponseEntity<JsonNode> started = operator.exchange(HttpMethod.POST, "/api/v1/syncs/{name}/run?preview={p}",
				null, sync, preview);
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		long id = started.getBody().get("id").asLong();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> !operator.get("/api/v1/runs/{id}", id).get("status").asText().equals("RUNNING"));
		return operator.get("/api/v1/runs/{id}", id);
	}

}
