package dk.orghub.routes;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as a user starts it ({@code hub.demo.local-sts=true}, the demo's default): the
 * local STS Organisation service starts with it and the demo municipality is published to
 * it in full, with nothing quarantined; the consumer profiles check the demo municipality
 * as soon as the start is over.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo-local-sts-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=100", "hub.demo.local-sts=true", "camel.main.name=demo-local-sts-it",
				"spring.quartz.scheduler-name=demo-local-sts-it" })
@ActiveProfiles("demo")
class DemoLocalStsIT {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void theDemoPublishesToTheLocalService() {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		// the first import has loaded (the start waited for it): the profiles check its
		// objects, also while the publish at start may still hold a mapping of the empty
		// store
		JsonNode profiles = reader.get("/api/v1/profiles");
		assertThat(profiles).as(profiles.toString()).hasSize(3);
		profiles.forEach((p) -> assertThat(p.get("checked").asInt()).as(p.toString()).isPositive());
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			JsonNode status = reader.get("/api/v1/targets/sts/status");
			assertThat(status.get("baseUrl").asText()).startsWith("http://127.0.0.1:");
			assertThat(status.at("/lastPublish/result/mapped").asInt()).as(status.toString()).isPositive();
			assertThat(status.get("outboxBacklog").asInt()).isZero();
		});
		JsonNode status = reader.get("/api/v1/targets/sts/status");
		assertThat(status.get("quarantine")).as(status.toString()).isEmpty();
		assertThat(status.get("lastFailure").isNull()).as(status.toString()).isTrue();
		assertThat(reader.get("/api/v1/dashboard").get("profilesAvailable").asBoolean()).isTrue();
	}

}
