package dk.orghub.routes;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Persons and their employments; the CPR number only on request. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:person-api-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=100",
				"hub.demo.seed=5" })
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class PersonApiIT {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void personsHaveNoCprUnlessAskedFor() {
		Api api = new Api(this.rest);

		List<JsonNode> persons = items(api.get("/api/v1/persons?limit=20"));
		String uuid = persons.get(0).get("uuid").asText();

		assertThat(persons).hasSize(20).allSatisfy((p) -> {
			assertThat(p.has("cpr")).isFalse();
			assertThat(p.get("givenName").asText()).isNotBlank();
		});
		assertThat(api.get("/api/v1/persons/{uuid}", uuid).has("cpr")).isFalse();
		assertThat(api.get("/api/v1/persons/{uuid}/history", uuid))
			.allSatisfy((v) -> assertThat(v.has("cpr")).isFalse());

		List<JsonNode> withCpr = items(api.get("/api/v1/persons?limit=20&includeCpr=true"));
		assertThat(withCpr).hasSize(20).allSatisfy((p) -> assertThat(p.get("cpr").asText()).matches("[0-9]{10}"));
		assertThat(api.get("/api/v1/persons/{uuid}?includeCpr=true", uuid).get("cpr").asText()).matches("[0-9]{10}");
	}

	@Test
	void cprNumbersAreNotLogged(CapturedOutput output) {
		Api api = new Api(this.rest);

		List<JsonNode> persons = items(api.get("/api/v1/persons?limit=50&includeCpr=true"));

		assertThat(persons).isNotEmpty();
		for (JsonNode person : persons) {
			assertThat(output.getAll()).doesNotContain(person.get("cpr").asText());
		}
	}

	@Test
	void engagementsFilterByPersonAndUnit() {
		Api api = new Api(this.rest);
		JsonNode engagement = api.get("/api/v1/engagements?limit=1").at("/items/0");
		String person = engagement.get("person").asText();
		String unit = engagement.get("unit").asText();

		assertThat(items(api.get("/api/v1/engagements?person={person}", person)))
			.allSatisfy((e) -> assertThat(e.get("person").asText()).isEqualTo(person))
			.extracting((e) -> e.get("uuid").asText())
			.contains(engagement.get("uuid").asText());
		assertThat(items(api.get("/api/v1/engagements?unit={unit}&limit=1000", unit)))
			.allSatisfy((e) -> assertThat(e.get("unit").asText()).isEqualTo(unit))
			.isNotEmpty();
		assertThat(api.get("/api/v1/persons/{uuid}", person).get("uuid").asText()).isEqualTo(person);
	}

}
