package dk.orghub.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo with signed calls ({@code hub.demo.local-sts-security=true}): certificates
 * generated at start, the demo municipality published through the local token service to
 * a local STS service that verifies every call (the full publish at start and the outbox
 * drain of the demo's import, then a reconcile that finds nothing drifted); the status
 * shows the certificates, the metrics their expiry, and the connection test fetches a
 * token and reads the municipality's Organisation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:demo-local-sts-security-it;DB_CLOSE_DELAY=-1",
				"hub.data-dir=target/demo-local-sts-security-it", "hub.demo.employees=100", "hub.demo.local-sts=true",
				"hub.demo.local-sts-security=true", "camel.main.name=demo-local-sts-security-it",
				"spring.quartz.scheduler-name=demo-local-sts-security-it" })
@ActiveProfiles("demo")
@AutoConfigureObservability(tracing = false)
class DemoLocalStsSecurityIT {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void theDemoPublishesWithSignedCalls() {
		Api reader = new Api(this.rest, Api.READER, Api.READER_PASSWORD);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			JsonNode status = reader.get("/api/v1/targets/sts/status");
			assertThat(status.get("signedCalls").asBoolean()).isTrue();
			assertThat(status.at("/lastPublish/result/mapped").asInt()).as(status.toString()).isPositive();
			assertThat(status.get("outboxBacklog").asInt()).isZero();
		});
		JsonNode status = reader.get("/api/v1/targets/sts/status");
		assertThat(status.get("quarantine")).as(status.toString()).isEmpty();
		assertThat(status.get("lastFailure").isNull()).as(status.toString()).isTrue();
		List<String> roles = new ArrayList<>();
		status.get("certificates").forEach((c) -> {
			roles.add(c.get("role").asText());
			assertThat(c.get("state").asText()).isEqualTo("OK");
			assertThat(c.get("daysLeft").asLong()).isGreaterThan(300);
		});
		assertThat(roles).containsExactly("client", "token-service", "service");

		Api operator = new Api(this.rest, Api.OPERATOR, Api.OPERATOR_PASSWORD);
		ResponseEntity<JsonNode> test = operator.exchange(HttpMethod.POST, "/api/v1/syncs/sts-publish/test-connection",
				null);
		assertThat(test.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(test.getBody().get("ok").asBoolean()).as(test.getBody().toString()).isTrue();

		ResponseEntity<JsonNode> reconcile = operator.exchange(HttpMethod.POST, "/api/v1/targets/sts/reconcile", null);
		assertThat(reconcile.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reconcile.getBody().get("held").asInt()).isPositive();
		assertThat(reconcile.getBody().get("drifted")).as(reconcile.getBody().toString()).isEmpty();
		assertThat(reader.get("/api/v1/targets/sts/status").get("lastFailure").isNull()).isTrue();

		Api admin = new Api(this.rest);
		String metrics = admin.rest().getForObject("/actuator/prometheus", String.class);
		assertThat(metrics).contains("orghub_sts_certificate_expiry_days{alias=\"client\",role=\"client\"}");
		assertThat(admin.get("/actuator/health").get("status").asText()).isEqualTo("UP");
	}

}
