package dk.orghub.routes;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.classes.DefaultClasses;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:hub-application-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=120", "hub.classes[0].facet=address_type", "hub.classes[0].user-key=SMS",
				"hub.classes[0].title=SMS number", "hub.classes[0].scope=PHONE", "hub.classes[1].facet=job_function",
				"hub.classes[1].user-key=Bibliotekar", "hub.classes[1].title=Bibliotekar" })
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
class HubApplicationIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private ApplicationContext context;

	private Api api() {
		return new Api(this.rest);
	}

	@Test
	void healthIsUp() {
		assertThat(api().get("/actuator/health").get("status").asText()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsAreExposed() {
		ResponseEntity<String> response = api().rest().getForEntity("/actuator/prometheus", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		JsonNode document = api().get("/v3/api-docs");

		assertThat(document.at("/info/title").asText()).isEqualTo("Organisation hub API");
		assertThat(document.get("paths").has("/api/v1/org-units/{uuid}/manager")).isTrue();
		assertThat(document.get("paths").has("/api/v1/org-units/{uuid}/addresses")).isTrue();
		assertThat(document.at("/paths/~1api~1v1~1persons/get/parameters").findValuesAsText("name")).contains("at",
				"registeredAt", "offset", "limit", "includeCpr");
		assertThat(api().rest().getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aBadDateIsAProblemNamingTheParameter() {
		ResponseEntity<JsonNode> response = api().exchange(HttpMethod.GET, "/api/v1/org-units?at={at}", null,
				"1 March");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = response.getBody();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asText()).contains("'at'", "ISO date");
		assertThat(problem.at("/errors/0/parameter").asText()).isEqualTo("at");
	}

	@Test
	void badPagingIsAProblemNamingEachParameter() {
		ResponseEntity<JsonNode> response = api().exchange(HttpMethod.GET, "/api/v1/persons?offset=-1&limit=100000",
				null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsText("parameter")).containsExactlyInAnyOrder("offset",
				"limit");
	}

	@Test
	void anUnknownObjectIsNotFound() {
		ResponseEntity<JsonNode> response = api().exchange(HttpMethod.GET,
				"/api/v1/engagements/00000000-0000-0000-0000-000000000001", null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("detail").asText())
			.isEqualTo("There is no engagement 00000000-0000-0000-0000-000000000001");
	}

	@Test
	void configuredClassesAreAddedBySystemConfiguration() {
		JsonNode sms = api().get("/api/v1/classes?facet=address_type&userKey=SMS");
		JsonNode librarian = api().get("/api/v1/classes?facet={facet}&userKey=Bibliotekar",
				DefaultClasses.facetUuid(DefaultClasses.JOB_FUNCTION));

		assertThat(sms.get("total").asLong()).isEqualTo(1);
		assertThat(sms.at("/items/0/scope").asText()).isEqualTo("PHONE");
		assertThat(sms.at("/items/0/registration/actor").asText()).isEqualTo("system:configuration");
		assertThat(librarian.at("/items/0/title").asText()).isEqualTo("Bibliotekar");
		assertThat(librarian.at("/items/0/scope").isNull()).isTrue();
	}

	@Test
	void withoutAnOidcProviderThereIsNoBearerTokenAndNoProviderLogin() {
		assertThat(this.context.getBeanNamesForType(JwtDecoder.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.");
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));

		ResponseEntity<String> response = this.rest.exchange("/api/v1/org-units", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/login", String.class).getBody()).contains("password");
	}

}
