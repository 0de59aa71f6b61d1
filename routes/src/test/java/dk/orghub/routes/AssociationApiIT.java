package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.store.ReadPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Associations (persons tied to units without a payroll employment) and unit hierarchies
 * through the API, on the demo's sample municipality.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:associations-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=300",
				"hub.demo.seed=5" })
@ActiveProfiles("demo")
class AssociationApiIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	private Api api;

	private LocalDate nextMonth;

	private String unit;

	private String otherUnit;

	@BeforeEach
	void pickUnits() {
		this.api = new Api(this.rest);
		this.nextMonth = ReadPoint.today(this.clock).withDayOfMonth(1).plusMonths(1);
		JsonNode root = items(this.api.get("/api/v1/org-units?hierarchy=Linjeorganisation&limit=1000")).stream()
			.filter((u) -> u.get("parent").isNull())
			.findFirst()
			.orElseThrow();
		List<JsonNode> children = items(
				this.api.get("/api/v1/org-units?parent={root}&limit=2", root.get("uuid").asText()));
		this.unit = children.get(0).get("uuid").asText();
		this.otherUnit = children.get(1).get("uuid").asText();
	}

	@Test
	void anExternalConsultantWithoutCprJoinsAUnitFromNextMonthAndMovesLater() {
		Map<String, Object> body = Map.of("unit", this.unit, "associationType", "Ekstern konsulent", "jobFunction",
				"Konsulent", "validFrom", this.nextMonth.toString(), "newPerson",
				Map.of("givenName", "Jane", "surname", "Doe", "noCprReason", "Konsulent bosat i udlandet"));

		ResponseEntity<JsonNode> created = this.api.exchange(HttpMethod.POST, "/api/v1/associations", body);

		assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
		String uuid = created.getBody().get("uuid").asText();
		String person = created.getBody().get("person").asText();
		assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/associations/" + uuid);
		assertThat(created.getBody().at("/validity/from").asText()).isEqualTo(this.nextMonth.toString());
		assertThat(created.getBody().at("/registration/actor").asText()).isEqualTo("user:" + Api.ADMIN);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(items(this.api.get("/api/v1/audit?actor=admin&limit=1000")))
				.anySatisfy((e) -> assertThat(e.get("action").asText()).contains("POST /api/v1/associations")));
		assertThat(this.api.exchange(HttpMethod.GET, "/api/v1/associations/{uuid}", null, uuid).getStatusCode())
			.as("not valid today")
			.isEqualTo(HttpStatus.NOT_FOUND);
		JsonNode atNextMonth = this.api.get("/api/v1/associations/{uuid}?at={at}", uuid, this.nextMonth);
		assertThat(atNextMonth.get("unit").asText()).isEqualTo(this.unit);
		assertThat(atNextMonth.get("associationType").asText())
			.isEqualTo(DefaultClasses.classUuid(DefaultClasses.ASSOCIATION_TYPE, "Ekstern konsulent").toString());
		assertThat(
				items(this.api.get("/api/v1/associations?unit={unit}&at={at}&limit=1000", this.unit, this.nextMonth)))
			.extracting((a) -> a.get("uuid").asText())
			.contains(uuid);
		JsonNode consultant = this.api.get("/api/v1/persons/{uuid}?at={at}&includeCpr=true", person, this.nextMonth);
		assertThat(consultant.get("noCprReason").asText()).isEqualTo("Konsulent bosat i udlandet");
		assertThat(consultant.path("cpr").isMissingNode() || consultant.get("cpr").isNull()).isTrue();

		LocalDate moves = this.nextMonth.plusMonths(2);
		ResponseEntity<JsonNode> changed = this.api.exchange(HttpMethod.PUT, "/api/v1/associations/{uuid}",
				Map.of("unit", this.otherUnit, "validFrom", moves.toString()), uuid);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.api.get("/api/v1/associations/{uuid}?at={at}", uuid, moves.minusDays(1)).get("unit").asText())
			.isEqualTo(this.unit);
		assertThat(this.api.get("/api/v1/associations/{uuid}?at={at}", uuid, moves).get("unit").asText())
			.isEqualTo(this.otherUnit);
		JsonNode history = this.api.get("/api/v1/associations/{uuid}/history", uuid);
		assertThat(history).hasSizeGreaterThanOrEqualTo(3);
		assertThat(history.get(0).at("/registration/note").asText()).contains("Ekstern konsulent", "new person");

		LocalDate ends = moves.plusMonths(1);
		assertThat(this.api.exchange(HttpMethod.POST, "/api/v1/associations/{uuid}/end?date={date}", null, uuid, ends)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.api.exchange(HttpMethod.GET, "/api/v1/associations/{uuid}?at={at}", null, uuid, ends)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.api.get("/api/v1/associations/{uuid}?at={at}", uuid, ends.minusDays(1)).get("unit").asText())
			.isEqualTo(this.otherUnit);
	}

	@Test
	void aNewPersonNeedsACprNumberOrTheReasonThereIsNone() {
		ResponseEntity<JsonNode> neither = this.api.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", this.unit, "associationType", "Praktikant", "newPerson",
						Map.of("givenName", "Ida", "surname", "Holm")));
		ResponseEntity<JsonNode> badCpr = this.api.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", this.unit, "associationType", "Praktikant", "newPerson",
						Map.of("givenName", "Ida", "surname", "Holm", "cpr", "3213991234")));
		ResponseEntity<JsonNode> unknownType = this.api.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", this.unit, "associationType", "Borgmester", "newPerson",
						Map.of("givenName", "Ida", "surname", "Holm", "noCprReason", "udlandet")));

		assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(neither.getBody().at("/errors/0/parameter").asText()).isEqualTo("newPerson.noCprReason");
		assertThat(badCpr.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(badCpr.getBody().at("/violations/0/rule").asText()).isEqualTo("cpr-valid");
		assertThat(badCpr.getBody().toString()).doesNotContain("3213991234");
		assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownType.getBody().at("/errors/0/message").asText()).contains("Praktikant", "Politiker");
	}

	@Test
	void anAssociationBeforeItsUnitExistedIsRejectedAndNothingIsStored() {
		long persons = this.api.get("/api/v1/persons?at=1990-01-01").get("total").asLong();

		ResponseEntity<JsonNode> rejected = this.api.exchange(HttpMethod.POST, "/api/v1/associations",
				Map.of("unit", this.unit, "associationType", "Frivillig", "validFrom", "1990-01-01", "newPerson",
						Map.of("givenName", "Bo", "surname", "Berg", "noCprReason", "udlandet")));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(rejected.getBody().get("detail").asText()).contains("not valid on 1990-01-01");
		assertThat(this.api.get("/api/v1/persons?at=1990-01-01").get("total").asLong()).isEqualTo(persons);
	}

	@Test
	void theDemoHasPoliticiansConsultantsAndAMedOrganisation() {
		assertThat(this.api.get("/api/v1/associations?associationType=Politiker").get("total").asInt()).isEqualTo(5);
		assertThat(items(this.api.get("/api/v1/associations?associationType=Arbejdsmiljørepræsentant&limit=1000")))
			.isNotEmpty();
		List<JsonNode> med = items(this.api.get("/api/v1/org-units?hierarchy=MED-organisation&limit=1000"));
		String medClass = DefaultClasses.MED_ORGANISATION.toString();
		assertThat(med).hasSizeGreaterThan(2)
			.allSatisfy((u) -> assertThat(u.get("hierarchy").asText()).isEqualTo(medClass));
		assertThat(med).filteredOn((u) -> u.get("parent").isNull()).singleElement().satisfies((main) -> {
			assertThat(main.get("name").asText()).isEqualTo("Hovedudvalget");
			assertThat(items(this.api.get("/api/v1/org-units?root={root}&limit=1000", main.get("uuid").asText())))
				.as("the MED tree holds only MED units")
				.hasSize(med.size());
		});
		assertThat(med).filteredOn((u) -> u.get("covers").size() > 0).hasSize(med.size());
		int line = this.api.get("/api/v1/org-units?hierarchy=Linjeorganisation").get("total").asInt();
		int all = this.api.get("/api/v1/org-units").get("total").asInt();
		assertThat(line + med.size()).isEqualTo(all);
		ResponseEntity<JsonNode> unknown = this.api.exchange(HttpMethod.GET, "/api/v1/org-units?hierarchy=Matrix",
				null);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().at("/errors/0/parameter").asText()).isEqualTo("hierarchy");
	}

}
