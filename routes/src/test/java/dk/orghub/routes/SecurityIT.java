package dk.orghub.routes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static dk.orghub.routes.HttpSession.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub probed as an attacker with a low-privilege account would: CPR numbers by every
 * spelling of the flag, Jolokia as operator and reader, cross-site requests with a
 * session, CSRF beside an {@code Authorization} header, repeated wrong passwords, paths
 * the firewall rejects, and the session cookie behind a TLS proxy.
 */
@SecurityIT.Application
class SecurityIT {

	/**
	 * The hub these tests (and {@code HawtioBrowserIT}) probe, one application context
	 * for both: the demo municipality, a TLS proxy's headers honoured, and a user to
	 * lock.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
			"spring.datasource.url=jdbc:h2:mem:security-it;DB_CLOSE_DELAY=-1", "hub.demo.employees=100",
			"hub.demo.seed=3", "server.forward-headers-strategy=native", "hub.security.users[0].name=reader",
			"hub.security.users[0].password={bcrypt}$2a$04$q5hsZcSEe/FC8wZduPPUyOSkCIssIi/dYkTAdIv0kkUoFfTzWhE02",
			"hub.security.users[0].roles=READ", "hub.security.users[1].name=operator",
			"hub.security.users[1].password={bcrypt}$2a$04$lAgjz6nKuJZQ/B.wUt8OoODGT6O1Ptly.LmM1Sdu18x4syq4QoTf6",
			"hub.security.users[1].roles=OPERATE", "hub.security.users[2].name=victim",
			// bcrypt of reader-password, for a user this test locks
			"hub.security.users[2].password={bcrypt}$2a$04$q5hsZcSEe/FC8wZduPPUyOSkCIssIi/dYkTAdIv0kkUoFfTzWhE02",
			"hub.security.users[2].roles=READ" })
	@ActiveProfiles("demo")
	@interface Application {

	}

	/** Spellings Spring's binder reads as {@code true}. */
	static final List<String> TRUE_SPELLINGS = List.of("true", "1", "yes", "on", "TRUE", "%20true", "true%20");

	static final String CONTEXT = "org.apache.camel:context=orghub,type=context,name=%22orghub%22";

	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private CamelContext camel;

	@LocalServerPort
	private int port;

	private String base;

	@BeforeEach
	void base() {
		this.base = "http://localhost:" + this.port;
	}

	@Test
	void aReaderOrOperatorGetsNoCprNumberByAnySpellingOfTheFlag() throws Exception {
		String person = new Api(this.rest).get("/api/v1/persons?limit=1").at("/items/0/uuid").asText();
		String[] paths = { "/api/v1/persons?limit=5&includeCpr=", "/api/v1/persons/" + person + "?includeCpr=",
				"/api/v1/persons/" + person + "/history?includeCpr=", "/api/v1/exports/survey?format=csv&ageBand=",
				"/api/v1/exports/survey?format=csv&sex=" };
		for (String spelling : TRUE_SPELLINGS) {
			for (String path : paths) {
				assertThat(get(path + spelling, Api.READER, Api.READER_PASSWORD).statusCode()).as(path + spelling)
					.isEqualTo(403);
				assertThat(get(path + spelling, Api.OPERATOR, Api.OPERATOR_PASSWORD).statusCode()).as(path + spelling)
					.isEqualTo(403);
			}
		}
		HttpResponse<String> survey = get("/api/v1/exports/survey?format=csv&table=respondents&ageBand=1&sex=on",
				Api.READER, Api.READER_PASSWORD);
		assertThat(survey.statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/persons?limit=5&includeCpr=no", Api.READER, Api.READER_PASSWORD).body())
			.doesNotContain("\"cpr\"");

		HttpResponse<String> admin = get("/api/v1/persons?limit=5&includeCpr=yes", Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(admin.body()).at("/items/0/cpr").asText()).matches("[0-9]{10}");
	}

	@Test
	void everyAnswerWithCprNumbersIsAuditedWithWhoWhatAndHowMany() throws Exception {
		Api admin = new Api(this.rest);
		admin.get("/api/v1/persons?limit=7&includeCpr=on");
		String person = admin.get("/api/v1/persons?limit=1").at("/items/0/uuid").asText();
		admin.get("/api/v1/persons/{uuid}?includeCpr=true", person);

		List<JsonNode> audit = items(admin.get("/api/v1/audit?actor=admin&limit=1000"));
		assertThat(audit).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).startsWith("READ GET /api/v1/persons?includeCpr").contains("limit=7");
			assertThat(e.get("outcome").asText()).isEqualTo("7 shown");
			assertThat(e.get("at").asText()).isNotBlank();
		});
		assertThat(audit).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).isEqualTo("READ GET /api/v1/persons/" + person + "?includeCpr");
			assertThat(e.get("outcome").asText()).isEqualTo("1 shown");
		});
		admin.get("/api/v1/persons?limit=3");
		assertThat(items(admin.get("/api/v1/audit?actor=admin&limit=1000")))
			.noneSatisfy((e) -> assertThat(e.get("action").asText()).contains("limit=3"));
	}

	@Test
	void jolokiaAndHawtioAreForTheAdministerRoleOnly() throws Exception {
		String read = "{\"type\":\"read\",\"mbean\":\"" + CONTEXT.replace("%22", "\\\"")
				+ "\",\"attribute\":\"State\"}";
		for (String[] user : new String[][] { { Api.READER, Api.READER_PASSWORD },
				{ Api.OPERATOR, Api.OPERATOR_PASSWORD } }) {
			assertThat(post("/actuator/jolokia", read, user[0], user[1]).statusCode()).as(user[0]).isEqualTo(403);
			assertThat(get("/actuator/hawtio/", user[0], user[1]).statusCode()).as(user[0]).isEqualTo(403);
		}
		HttpResponse<String> admin = post("/actuator/jolokia", read, Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(this.json.readTree(admin.body()).get("value").asText()).isEqualTo("Started");
		assertThat(get("/actuator/hawtio/", Api.ADMIN, Api.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorCannotRunSqlDumpTheHeapNorReadTheCommandLine() throws Exception {
		String sql = jolokia("exec", CONTEXT, "\"operation\":\"sendBody(java.lang.String,java.lang.Object)\","
				+ "\"arguments\":[\"bean:jdbcTemplate?method=queryForList(SELECT * FROM ops_user)\",\"x\"]");
		String heap = jolokia("exec", "com.sun.management:type=HotSpotDiagnostic",
				"\"operation\":\"dumpHeap\",\"arguments\":[\"/tmp/orghub-heap.hprof\",true]");
		String commandLine = jolokia("read", "java.lang:type=Runtime", "\"attribute\":\"InputArguments\"");
		String properties = jolokia("read", "java.lang:type=Runtime", "\"attribute\":\"SystemProperties\"");
		String agent = jolokia("exec", "com.sun.management:type=DiagnosticCommand",
				"\"operation\":\"jvmtiAgentLoad\",\"arguments\":[\"/tmp/agent.so\"]");
		String write = "{\"type\":\"write\",\"mbean\":\"" + route("ops-retention").replace("%22", "\\\"")
				+ "\",\"attribute\":\"Tracing\",\"value\":true}";
		for (String request : List.of(sql, heap, commandLine, properties, agent, write)) {
			JsonNode answer = this.json
				.readTree(post("/actuator/jolokia", request, Api.ADMIN, Api.ADMIN_PASSWORD).body());
			assertThat(answer.get("status").asInt()).as(request).isIn(403, 404);
			assertThat(answer.has("value")).as(request).isFalse();
		}
		assertThat(post("/actuator/jolokia", jolokia("read", "java.lang:type=Runtime", "\"attribute\":\"Uptime\""),
				Api.ADMIN, Api.ADMIN_PASSWORD)
			.body()).contains("\"status\":200");

		List<JsonNode> audit = items(new Api(this.rest).get("/api/v1/audit?actor=admin&limit=1000"));
		assertThat(audit).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).startsWith("JOLOKIA exec org.apache.camel:").contains("sendBody");
			assertThat(e.get("outcome").asText()).isEqualTo("refused");
		});
		assertThat(audit).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).startsWith("JOLOKIA write ").contains("Tracing");
			assertThat(e.get("outcome").asText()).isEqualTo("refused");
		});
	}

	@Test
	void routesCannotBeStoppedThroughJolokiaUnlessTheSettingAllowsIt() throws Exception {
		String stop = jolokia("exec", route("ops-retention"), "\"operation\":\"stop()\"");
		JsonNode answer = this.json.readTree(post("/actuator/jolokia", stop, Api.ADMIN, Api.ADMIN_PASSWORD).body());

		assertThat(answer.get("status").asInt()).isEqualTo(403);
		assertThat(this.camel.getRouteController().getRouteStatus("ops-retention")).isEqualTo(ServiceStatus.Started);
		assertThat(items(new Api(this.rest).get("/api/v1/audit?actor=admin&limit=1000"))).anySatisfy((e) -> {
			assertThat(e.get("action").asText()).startsWith("JOLOKIA exec org.apache.camel:").contains("stop()");
			assertThat(e.get("outcome").asText()).isEqualTo("refused");
		});
	}

	@Test
	void aCrossSiteRequestWithTheSessionChangesNothing() throws Exception {
		HttpSession browser = new HttpSession(this.base).formLogin(Api.ADMIN, Api.ADMIN_PASSWORD);
		String stop = "/actuator/jolokia/exec/" + route("ops-retention") + "/stop()";

		// a link on another site: a top-level GET with the session cookie
		HttpResponse<String> link = browser.send("GET", stop, null, "Sec-Fetch-Site", "cross-site");
		assertThat(link.statusCode()).isEqualTo(403);
		// the same GET from the hub's own page: Jolokia runs nothing on GET
		assertThat(browser.send("GET", stop, null).body()).doesNotContain("\"status\":200");
		assertThat(this.camel.getRouteController().getRouteStatus("ops-retention")).isEqualTo(ServiceStatus.Started);

		// a form on another site, even with the token: refused by Sec-Fetch-Site or
		// Origin
		String pause = "/api/v1/syncs/samples-next-month/pause";
		assertThat(
				browser.send("POST", pause, null, "X-XSRF-TOKEN", browser.csrfToken(), "Sec-Fetch-Site", "cross-site")
					.statusCode())
			.isEqualTo(403);
		assertThat(
				browser.send("POST", pause, null, "X-XSRF-TOKEN", browser.csrfToken(), "Origin", "https://evil.example")
					.statusCode())
			.isEqualTo(403);
		assertThat(new Api(this.rest).get("/api/v1/syncs/samples-next-month").get("paused").asBoolean()).isFalse();

		// the hub's own page may
		assertThat(browser
			.send("POST", pause, null, "X-XSRF-TOKEN", browser.csrfToken(), "Origin", this.base, "Sec-Fetch-Site",
					"same-origin")
			.statusCode()).isEqualTo(200);
		assertThat(browser
			.send("POST", "/api/v1/syncs/samples-next-month/resume", null, "X-XSRF-TOKEN", browser.csrfToken())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void anAuthorizationHeaderBesideASessionDoesNotSkipCsrf() throws Exception {
		HttpSession browser = new HttpSession(this.base).formLogin(Api.ADMIN, Api.ADMIN_PASSWORD);
		String pause = "/api/v1/syncs/samples-next-month/pause";

		assertThat(browser.send("POST", pause, null, "Authorization", "Foo bar").statusCode()).isEqualTo(403);
		assertThat(
				browser.send("POST", pause, null, "Authorization", basic(Api.ADMIN, Api.ADMIN_PASSWORD)).statusCode())
			.isEqualTo(403);
		assertThat(new Api(this.rest).get("/api/v1/syncs/samples-next-month").get("paused").asBoolean()).isFalse();

		// HTTP Basic without a session needs no token
		HttpSession client = new HttpSession(this.base);
		assertThat(client.send("POST", pause, null, "Authorization", basic(Api.OPERATOR, Api.OPERATOR_PASSWORD))
			.statusCode()).isEqualTo(200);
		assertThat(client
			.send("POST", "/api/v1/syncs/samples-next-month/resume", null, "Authorization",
					basic(Api.OPERATOR, Api.OPERATOR_PASSWORD))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedWrongPasswordsLockTheUserNameAndAreAudited() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/v1/me", "victim", "wrong-" + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> locked = get("/api/v1/me", "VICTIM", Api.READER_PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 300L));
		HttpSession browser = new HttpSession(this.base);
		browser.send("GET", "/login", null);
		assertThat(browser.form("victim", Api.READER_PASSWORD).headers().firstValue("Location"))
			.hasValue(this.base + "/login?error");
		assertThat(get("/api/v1/me", Api.READER, Api.READER_PASSWORD).statusCode()).isEqualTo(200);

		assertThat(items(new Api(this.rest).get("/api/v1/audit?actor=victim&limit=100")))
			.filteredOn((e) -> e.get("action").asText().equals("LOGIN failed"))
			.hasSize(10);
	}

	@Test
	void aPathTheFirewallRejectsIsABadRequest() throws Exception {
		assertThat(get("/api//v1/syncs", Api.READER, Api.READER_PASSWORD).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/syncs;x=y", Api.READER, Api.READER_PASSWORD).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/syncs/%2e%2e/persons", Api.READER, Api.READER_PASSWORD).statusCode()).isEqualTo(400);
	}

	@Test
	void theSessionCookieIsSecureWhenTheRequestCameOverTls() throws Exception {
		// behind a TLS proxy (server.forward-headers-strategy): a client keeps Secure
		// cookies off plain HTTP,
		// so the test hands them on itself
		HttpSession proxied = new HttpSession(this.base);
		HttpResponse<String> page = proxied.send("GET", "/login", null, "X-Forwarded-Proto", "https");
		String csrf = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("; Secure"))
			.map((cookie) -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Secure XSRF-TOKEN cookie in " + page.headers().map()));
		HttpResponse<String> login = proxied.send("POST", "/login",
				"username=" + Api.READER + "&password=" + Api.READER_PASSWORD + "&_csrf=" + csrf, "Content-Type",
				"application/x-www-form-urlencoded", "X-Forwarded-Proto", "https", "Cookie", "XSRF-TOKEN=" + csrf);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("https://localhost").doesNotContain("error"));
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("HttpOnly"));

		HttpSession plain = new HttpSession(this.base);
		plain.send("GET", "/login", null);
		HttpResponse<String> direct = plain.form(Api.READER, Api.READER_PASSWORD);
		assertThat(direct.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
	}

	private HttpResponse<String> get(String path, String user, String password) throws Exception {
		return new HttpSession(this.base).send("GET", path, null, "Authorization", basic(user, password), "Accept",
				"application/json");
	}

	private HttpResponse<String> post(String path, String body, String user, String password) throws Exception {
		return new HttpSession(this.base).send("POST", path, body, "Authorization", basic(user, password),
				"Content-Type", "application/json");
	}

	private static String jolokia(String type, String mbean, String rest) {
		return "{\"type\":\"" + type + "\",\"mbean\":\"" + mbean.replace("%22", "\\\"") + "\"," + rest + "}";
	}

	private static String route(String id) {
		return "org.apache.camel:context=orghub,type=routes,name=%22" + id + "%22";
	}

}
