package dk.orghub.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JSON client of the running hub for the integration tests, logged in with HTTP Basic
 * (as the administrator unless told otherwise; the users are in
 * {@code src/test/resources/config/application.yml}).
 */
final class Api {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "test-admin-password";

	static final String READER = "reader";

	static final String READER_PASSWORD = "reader-password";

	static final String OPERATOR = "operator";

	static final String OPERATOR_PASSWORD = "operator-password";

	private final TestRestTemplate rest;

	Api(TestRestTemplate rest) {
		this(rest, ADMIN, ADMIN_PASSWORD);
	}

	Api(TestRestTemplate rest, String user, String password) {
		this.rest = rest.withBasicAuth(user, password);
	}

	/** The authenticated template, for requests that are not JSON. */
	TestRestTemplate rest() {
		return this.rest;
	}

	/** GET that must answer 200; the URI is a template expanded with the variables. */
	JsonNode get(String uri, Object... variables) {
		ResponseEntity<JsonNode> response = exchange(HttpMethod.GET, uri, null, variables);
		assertThat(response.getStatusCode()).as("GET " + uri + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	ResponseEntity<JsonNode> exchange(HttpMethod method, String uri, Object body, Object... variables) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.rest.exchange(uri, method, new HttpEntity<>(body, headers), JsonNode.class, variables);
	}

	/** The sync's runs, newest first (at most the API's default page). */
	List<JsonNode> runs(String sync) {
		return items(get("/api/v1/runs?sync={sync}", sync));
	}

	/**
	 * The sync's runs, newest first, once there are at least {@code count} and the newest
	 * has ended (waits up to 90 s).
	 */
	List<JsonNode> awaitRuns(String sync, int count) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			List<JsonNode> runs = runs(sync);
			return runs.size() >= count && !"RUNNING".equals(runs.get(0).get("status").asText());
		});
		return runs(sync);
	}

	/** As {@link #awaitRuns}, and there must be exactly {@code count} runs. */
	List<JsonNode> awaitExactlyRuns(String sync, int count) {
		List<JsonNode> runs = awaitRuns(sync, count);
		assertThat(runs).as("runs of %s", sync).hasSize(count);
		return runs;
	}

	/** The newest of the sync's runs once it is the {@code count}th and has ended. */
	JsonNode awaitRun(String sync, int count) {
		return awaitRuns(sync, count).get(0);
	}

	/** The items of a page, as a list. */
	static List<JsonNode> items(JsonNode page) {
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(items::add);
		return items;
	}

}
