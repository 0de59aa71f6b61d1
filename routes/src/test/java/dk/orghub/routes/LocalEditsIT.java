package dk.orghub.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Local edits of unit addresses and KLE tasks through the API. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:local-edits-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=150",
				"hub.demo.seed=3" })
@ActiveProfiles("demo")
class LocalEditsIT {

	private static final String UNKNOWN = "00000000-0000-0000-0000-0000000000ff";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	private Api api;

	private LocalDate today;

	private String unit;

	@BeforeEach
	void pickAUnit() {
		this.api = new Api(this.rest);
		this.today = ReadPoint.today(this.clock);
		JsonNode root = items(this.api.get("/api/v1/org-units?limit=1000")).stream()
			.filter((u) -> u.get("parent").isNull())
			.findFirst()
			.orElseThrow();
		this.unit = this.api.get("/api/v1/org-units?parent={root}&limit=1", root.get("uuid").asText())
			.at("/items/0/uuid")
			.asText();
	}

	@Test
	void aUnitGetsAnEanNumber() {
		ResponseEntity<JsonNode> response = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "EAN", "value", "5798000123458", "visibility", "PUBLIC"), this.unit);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode address = response.getBody();
		String uuid = address.get("uuid").asText();
		assertThat(response.getHeaders().getLocation()).hasPath("/api/v1/addresses/" + uuid);
		assertThat(address.get("value").asText()).isEqualTo("5798000123458");
		assertThat(address.get("owner").asText()).isEqualTo(this.unit);
		assertThat(address.get("ownerKind").asText()).isEqualTo("ORG_UNIT");
		assertThat(address.at("/validity/from").asText()).isEqualTo(this.today.toString());
		assertThat(address.at("/validity/to").isNull()).isTrue();
		assertThat(address.at("/registration/actor").asText()).isEqualTo("user:" + Api.ADMIN);
		assertThat(items(this.api.get("/api/v1/addresses?owner={unit}&limit=1000", this.unit)))
			.extracting((a) -> a.get("uuid").asText())
			.contains(uuid);
	}

	@Test
	void anInvalidEanIsRejectedWithTheRuleAndNothingIsStored() {
		long before = this.api.get("/api/v1/addresses?owner={unit}", this.unit).get("total").asLong();

		ResponseEntity<JsonNode> response = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "EAN", "value", "57980001234"), this.unit);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		JsonNode problem = response.getBody();
		assertThat(problem.get("detail").asText()).contains("address-value", "nothing was stored");
		assertThat(problem.get("violations")).hasSize(1);
		JsonNode violation = problem.at("/violations/0");
		assertThat(violation.get("type").asText()).isEqualTo("addresses");
		assertThat(violation.get("rule").asText()).isEqualTo("address-value");
		assertThat(violation.get("message").asText()).contains("13 digits");
		assertThat(this.api
			.exchange(HttpMethod.GET, "/api/v1/addresses/{uuid}/history", null, violation.get("uuid").asText())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.api.get("/api/v1/addresses?owner={unit}", this.unit).get("total").asLong()).isEqualTo(before);
	}

	@Test
	void anEndedAddressIsGoneFromTheEndDate() {
		String uuid = post("/api/v1/org-units/{uuid}/addresses", Map.of("addressType", "PNUMBER", "value", "1012345678",
				"validFrom", this.today.minusDays(10).toString()), this.unit)
			.getBody()
			.get("uuid")
			.asText();
		LocalDate end = this.today.plusDays(3);

		ResponseEntity<JsonNode> ended = this.api.exchange(HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={date}",
				null, uuid, end);

		assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.api.get("/api/v1/addresses/{uuid}", uuid).at("/validity/to").asText())
			.isEqualTo(end.toString());
		assertThat(
				this.api.exchange(HttpMethod.GET, "/api/v1/addresses/{uuid}?at={at}", null, uuid, end).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(items(this.api.get("/api/v1/addresses?owner={unit}&at={at}&limit=1000", this.unit, end)))
			.extracting((a) -> a.get("uuid").asText())
			.doesNotContain(uuid);
		assertThat(this.api.get("/api/v1/addresses/{uuid}/history", uuid)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aNewValueHoldsFromItsDate() {
		String uuid = post("/api/v1/org-units/{uuid}/addresses", Map.of("addressType", "PHONE", "value",
				"+45 70 10 20 30", "validFrom", this.today.minusDays(30).toString()), this.unit)
			.getBody()
			.get("uuid")
			.asText();

		ResponseEntity<JsonNode> changed = this.api.exchange(HttpMethod.PUT, "/api/v1/addresses/{uuid}",
				Map.of("value", "+45 70 10 20 40", "validFrom", this.today.minusDays(2).toString()), uuid);

		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().get("value").asText()).isEqualTo("+45 70 10 20 40");
		assertThat(changed.getBody().at("/validity/to").isNull()).isTrue();
		assertThat(
				this.api.get("/api/v1/addresses/{uuid}?at={at}", uuid, this.today.minusDays(3)).get("value").asText())
			.isEqualTo("+45 70 10 20 30");
		assertThat(this.api.get("/api/v1/addresses/{uuid}", uuid).get("value").asText()).isEqualTo("+45 70 10 20 40");
	}

	@Test
	void aChangeWithABadValueIsRejected() {
		String uuid = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "EMAIL", "value", "post@samplekommune.example"), this.unit)
			.getBody()
			.get("uuid")
			.asText();

		ResponseEntity<JsonNode> changed = this.api.exchange(HttpMethod.PUT, "/api/v1/addresses/{uuid}",
				Map.of("value", "not an e-mail address"), uuid);

		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(changed.getBody().at("/violations/0/rule").asText()).isEqualTo("address-value");
		assertThat(this.api.get("/api/v1/addresses/{uuid}", uuid).get("value").asText())
			.isEqualTo("post@samplekommune.example");
	}

	@Test
	void unknownReferencesAreNamed() {
		ResponseEntity<JsonNode> unknownUnit = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "EAN", "value", "5798000123458"), UNKNOWN);
		ResponseEntity<JsonNode> unknownType = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "FAX", "value", "12345678"), this.unit);
		ResponseEntity<JsonNode> missingValue = post("/api/v1/org-units/{uuid}/addresses", Map.of("addressType", "EAN"),
				this.unit);
		ResponseEntity<JsonNode> badDate = post("/api/v1/org-units/{uuid}/addresses",
				Map.of("addressType", "EAN", "value", "5798000123458", "validFrom", "2025-02-30"), this.unit);

		assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknownType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownType.getBody().at("/errors/0/parameter").asText()).isEqualTo("addressType");
		assertThat(unknownType.getBody().at("/errors/0/message").asText()).contains("FAX", "EAN", "OPENING_HOURS");
		assertThat(missingValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missingValue.getBody().at("/errors/0/parameter").asText()).isEqualTo("value");
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badDate.getBody().at("/errors/0/parameter").asText()).isEqualTo("validFrom");
	}

	@Test
	void aUnitGetsAKleTaskThatCanChangeAndEnd() {
		ResponseEntity<JsonNode> created = post("/api/v1/org-units/{uuid}/kle",
				Map.of("kleNumber", "27.24.00", "aspect", "Ansvarlig"), this.unit);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String uuid = created.getBody().get("uuid").asText();
		assertThat(items(this.api.get("/api/v1/kle?unit={unit}&limit=1000", this.unit)))
			.extracting((k) -> k.get("uuid").asText())
			.contains(uuid);

		ResponseEntity<JsonNode> changed = this.api.exchange(HttpMethod.PUT, "/api/v1/kle/{uuid}",
				Map.of("aspect", "Udførende", "validFrom", this.today.plusDays(1).toString()), uuid);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		String performing = this.api.get("/api/v1/classes?facet=kle_aspect&userKey=Udførende")
			.at("/items/0/uuid")
			.asText();
		assertThat(this.api.get("/api/v1/kle/{uuid}?at={at}", uuid, this.today.plusDays(1)).get("aspect").asText())
			.isEqualTo(performing);
		assertThat(this.api.get("/api/v1/kle/{uuid}", uuid).get("aspect").asText()).isNotEqualTo(performing);

		assertThat(this.api
			.exchange(HttpMethod.POST, "/api/v1/kle/{uuid}/end?date={date}", null, uuid, this.today.plusDays(7))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.api.exchange(HttpMethod.GET, "/api/v1/kle/{uuid}?at={at}", null, uuid, this.today.plusDays(7))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aBadKleNumberIsRejected() {
		ResponseEntity<JsonNode> response = post("/api/v1/org-units/{uuid}/kle",
				Map.of("kleNumber", "27.2", "aspect", "Indsigt"), this.unit);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(response.getBody().at("/violations/0/rule").asText()).isEqualTo("value-format");
		assertThat(response.getBody().at("/violations/0/type").asText()).isEqualTo("kle");
	}

	@Test
	void endingNeedsADate() {
		ResponseEntity<JsonNode> response = this.api.exchange(HttpMethod.POST, "/api/v1/kle/{uuid}/end", null, UNKNOWN);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().at("/errors/0/parameter").asText()).isEqualTo("date");
	}

	private ResponseEntity<JsonNode> post(String uri, Map<String, String> body, Object... variables) {
		return this.api.exchange(HttpMethod.POST, uri, body, variables);
	}

}
