package dk.orghub.routes;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login through an OIDC provider, and bearer tokens, against a fake provider on a
 * loopback port ({@link FakeOidcProvider}): the browser's authorization code flow
 * followed redirect by redirect with cookies, the roles from the token's roles claim, and
 * the checks on bearer tokens (signature, time, issuer, audience) with roles and audit.
 * Local users with HTTP Basic still work beside them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:oidc-login-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=100",
				"hub.demo.local-sts=false" })
@ActiveProfiles("demo")
class OidcLoginIT {

	private static final String REGISTRATION = "hub-idp";

	private static final FakeOidcProvider PROVIDER = FakeOidcProvider.start();

	private static final ObjectMapper JSON = new ObjectMapper();

	/** An API client: no cookies, no redirects followed. */
	private static final HttpClient API_CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		String client = "spring.security.oauth2.client.";
		registry.add(client + "registration." + REGISTRATION + ".client-id", () -> FakeOidcProvider.CLIENT_ID);
		registry.add(client + "registration." + REGISTRATION + ".client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
		registry.add(client + "registration." + REGISTRATION + ".scope", () -> "openid,profile");
		registry.add(client + "provider." + REGISTRATION + ".issuer-uri", PROVIDER::issuer);
		registry.add(client + "provider." + REGISTRATION + ".user-name-attribute", () -> "preferred_username");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> FakeOidcProvider.AUDIENCE);
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.close();
	}

	// --- the browser

	@Test
	void theBrowserLogsInAtTheProviderAndAReaderMayNotPause() throws IOException, InterruptedException {
		PROVIDER.signIn("rita", List.of("read"));
		Browser browser = new Browser();
		int served = PROVIDER.requests().size();

		HttpResponse<String> start = browser.open(hub("/"));

		assertThat(start.statusCode()).as("the dashboard after the login").isEqualTo(200);
		assertThat(start.body()).contains("<html");
		assertThat(browser.visited).as("every address the browser was sent to")
			.anyMatch((uri) -> uri.toString().startsWith(PROVIDER.issuer() + "/auth?"))
			.anyMatch((uri) -> uri.getPath().equals("/login/oauth2/code/" + REGISTRATION));
		assertThat(browser.visited.get(browser.visited.size() - 1).getPath()).isEqualTo("/");
		assertThat(PROVIDER.requests().subList(served, PROVIDER.requests().size()))
			.as("the hub exchanged the code and read the user info")
			.contains("GET /realms/hub/auth", "POST /realms/hub/token", "GET /realms/hub/userinfo");

		JsonNode me = browser.json("/api/v1/me");
		assertThat(me.get("name").asText()).isEqualTo("rita");
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("READ");
		assertThat(browser.json("/api/v1/syncs/samples-next-month").get("paused").asBoolean()).isFalse();

		HttpResponse<String> pause = browser.post("/api/v1/syncs/samples-next-month/pause", me);
		assertThat(pause.statusCode()).as("a reader may not pause: %s", pause.body()).isEqualTo(403);
		assertThat(browser.json("/api/v1/syncs/samples-next-month").get("paused").asBoolean()).isFalse();
	}

	@Test
	void anOperatorLoggedInAtTheProviderPausesAndResumesAndIsAudited() throws IOException, InterruptedException {
		PROVIDER.signIn("otto", List.of("operate"));
		Browser browser = new Browser();

		assertThat(browser.open(hub("/")).statusCode()).isEqualTo(200);
		JsonNode me = browser.json("/api/v1/me");
		assertThat(me.get("name").asText()).isEqualTo("otto");
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("OPERATE", "READ");

		HttpResponse<String> withoutCsrf = browser.post("/api/v1/syncs/samples-next-month/pause", null);
		assertThat(withoutCsrf.statusCode()).as("a session's change needs the CSRF token").isEqualTo(403);

		HttpResponse<String> pause = browser.post("/api/v1/syncs/samples-next-month/pause", me);
		assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);
		assertThat(JSON.readTree(pause.body()).get("paused").asBoolean()).isTrue();
		HttpResponse<String> resume = browser.post("/api/v1/syncs/samples-next-month/resume", me);
		assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
		assertThat(JSON.readTree(resume.body()).get("paused").asBoolean()).isFalse();

		JsonNode audit = browser.json("/api/v1/audit?actor=otto");
		assertThat(audit.get("items")).extracting((entry) -> entry.get("action").asText())
			.contains("POST /api/v1/syncs/samples-next-month/pause", "POST /api/v1/syncs/samples-next-month/resume");
	}

	// --- bearer tokens

	@Test
	void aValidReadTokenReads() throws IOException, InterruptedException {
		HttpResponse<String> response = bearer("GET", "/api/v1/org-units",
				PROVIDER.accessToken("rasmus", List.of("read")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode units = JSON.readTree(response.body());
		assertThat(units.get("total").asInt()).isPositive();
		assertThat(units.get("items")).isNotEmpty();
		assertThat(response.headers().firstValue("Set-Cookie")).as("a bearer token makes no session").isEmpty();
	}

	@Test
	void theTokensUserAndRolesAreTheLogin() throws IOException, InterruptedException {
		JsonNode me = JSON
			.readTree(bearer("GET", "/api/v1/me", PROVIDER.accessToken("olga", List.of("OPERATE", "unknown"))).body());
		assertThat(me.get("name").asText()).isEqualTo("olga");
		assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("OPERATE", "READ");

		String withoutUsername = PROVIDER
			.sign(new JWTClaimsSet.Builder(PROVIDER.accessTokenClaims("nobody", List.of("administer")).build())
				.claim("preferred_username", null)
				.subject("service-account-7")
				.build());
		JsonNode service = JSON.readTree(bearer("GET", "/api/v1/me", withoutUsername).body());
		assertThat(service.get("name").asText()).as("the subject when there is no preferred_username")
			.isEqualTo("service-account-7");
		assertThat(service.get("roles")).extracting(JsonNode::asText)
			.containsExactly("ADMINISTER", "EDIT", "OPERATE", "READ");
		String editor = PROVIDER.sign(PROVIDER.accessTokenClaims("school", List.of("edit")).build());
		assertThat(JSON.readTree(bearer("GET", "/api/v1/me", editor).body()).get("roles")).extracting(JsonNode::asText)
			.as("edit includes read, not operate")
			.containsExactly("EDIT", "READ");

		String withoutRoles = PROVIDER
			.sign(new JWTClaimsSet.Builder(PROVIDER.accessTokenClaims("rolf", List.of()).build()).claim("roles", null)
				.build());
		assertThat(bearer("GET", "/api/v1/org-units", withoutRoles).statusCode())
			.as("a token without roles may see nothing")
			.isEqualTo(403);
	}

	@Test
	void withoutAValidTokenTheApiAnswers401() throws IOException, InterruptedException, JOSEException {
		assertThat(request("GET", "/api/v1/org-units", null).statusCode()).as("no token").isEqualTo(401);

		HttpResponse<String> otherKey = bearer("GET", "/api/v1/org-units", FakeOidcProvider
			.sign(PROVIDER.accessTokenClaims("rasmus", List.of("read")).build(), FakeOidcProvider.rsaKey()));
		assertThat(otherKey.statusCode()).as("signed by another key with the same key id").isEqualTo(401);
		assertThat(otherKey.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));

		Instant past = Instant.now().minus(Duration.ofHours(1));
		String expired = PROVIDER
			.sign(new JWTClaimsSet.Builder(PROVIDER.accessTokenClaims("rasmus", List.of("read")).build())
				.issueTime(Date.from(past))
				.expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))
				.build());
		assertThat(bearer("GET", "/api/v1/org-units", expired).statusCode()).as("expired").isEqualTo(401);

		String otherIssuer = PROVIDER
			.sign(new JWTClaimsSet.Builder(PROVIDER.accessTokenClaims("rasmus", List.of("read")).build())
				.issuer("http://127.0.0.1:1/realms/other")
				.build());
		assertThat(bearer("GET", "/api/v1/org-units", otherIssuer).statusCode()).as("another issuer").isEqualTo(401);

		String otherAudience = PROVIDER
			.sign(new JWTClaimsSet.Builder(PROVIDER.accessTokenClaims("rasmus", List.of("read")).build())
				.audience("another-api")
				.build());
		assertThat(bearer("GET", "/api/v1/org-units", otherAudience).statusCode()).as("another audience")
			.isEqualTo(401);

		assertThat(bearer("GET", "/api/v1/org-units", "not-a-jwt").statusCode()).as("garbage").isEqualTo(401);
	}

	@Test
	void aReadTokenMayNotPauseAnOperateTokenMayAndIsAudited() throws IOException, InterruptedException {
		String reader = PROVIDER.accessToken("rasmus", List.of("read"));
		HttpResponse<String> refused = bearer("POST", "/api/v1/syncs/samples-import/pause", reader);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(
				JSON.readTree(bearer("GET", "/api/v1/syncs/samples-import", reader).body()).get("paused").asBoolean())
			.isFalse();

		String operator = PROVIDER.accessToken("oskar", List.of("operate"));
		HttpResponse<String> pause = bearer("POST", "/api/v1/syncs/samples-import/pause", operator);
		assertThat(pause.statusCode()).as("no CSRF token needed with a bearer token: %s", pause.body()).isEqualTo(200);
		assertThat(JSON.readTree(pause.body()).get("paused").asBoolean()).isTrue();
		HttpResponse<String> resume = bearer("POST", "/api/v1/syncs/samples-import/resume", operator);
		assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
		assertThat(JSON.readTree(resume.body()).get("paused").asBoolean()).isFalse();

		JsonNode audit = JSON.readTree(bearer("GET", "/api/v1/audit?actor=oskar", operator).body());
		assertThat(audit.get("items"))
			.extracting((entry) -> entry.get("action").asText() + " " + entry.get("outcome").asText())
			.contains("POST /api/v1/syncs/samples-import/pause 200", "POST /api/v1/syncs/samples-import/resume 200");
	}

	@Test
	void localUsersStillLogInWithHttpBasic() throws IOException, InterruptedException {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((Api.READER + ":" + Api.READER_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> me = request("GET", "/api/v1/me", basic);

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).get("name").asText()).isEqualTo(Api.READER);
		String wrong = "Basic "
				+ Base64.getEncoder().encodeToString((Api.READER + ":wrong").getBytes(StandardCharsets.UTF_8));
		assertThat(request("GET", "/api/v1/me", wrong).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> bearer(String method, String path, String token)
			throws IOException, InterruptedException {
		return request(method, path, "Bearer " + token);
	}

	private HttpResponse<String> request(String method, String path, String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(hub(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return API_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI hub(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * A browser: keeps cookies, follows redirects one by one (remembering each address),
	 * asks for HTML when it navigates and for JSON when the dashboard calls the API.
	 */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private final List<URI> visited = new ArrayList<>();

		HttpResponse<String> open(URI uri) throws IOException, InterruptedException {
			URI next = uri;
			for (int hops = 0; hops < 10; hops++) {
				this.visited.add(next);
				HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(next)
					.timeout(Duration.ofSeconds(30))
					.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 3) {
					return response;
				}
				String location = response.headers()
					.firstValue("Location")
					.orElseThrow(() -> new AssertionError(
							response.statusCode() + " without Location from " + response.uri()));
				next = response.uri().resolve(location);
			}
			throw new AssertionError("too many redirects: " + this.visited);
		}

		JsonNode json(String path) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(hub(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}

		/**
		 * POST as the dashboard does, with the CSRF header from {@code /api/v1/me} if
		 * given.
		 */
		HttpResponse<String> post(String path, JsonNode me) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(hub(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.noBody());
			if (me != null) {
				request.header(me.get("csrfHeader").asText(), me.get("csrfToken").asText());
			}
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
