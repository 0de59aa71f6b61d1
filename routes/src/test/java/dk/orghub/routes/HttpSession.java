package dk.orghub.routes;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw HTTP client of the running hub for the security tests: it sends paths exactly as
 * given (no encoding), keeps cookies like a browser (a form login gives it a session and
 * the {@code XSRF-TOKEN} cookie), follows no redirects, and adds the headers a test asks
 * for.
 */
final class HttpSession {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	HttpSession(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Logs in with the login form and reads {@code /api/v1/me}, as the dashboard does (it
	 * sets the {@code XSRF-TOKEN} cookie); fails the test when refused.
	 */
	HttpSession formLogin(String user, String password) throws Exception {
		send("GET", "/login", null);
		HttpResponse<String> response = form(user, password);
		assertThat(response.headers().firstValue("Location")).as("login of " + user).hasValue(this.base + "/");
		assertThat(send("GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
		return this;
	}

	/** Posts the login form, with the CSRF token of the cookie. */
	HttpResponse<String> form(String user, String password) throws Exception {
		String body = Map.of("username", user, "password", password, "_csrf", csrfToken())
			.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("POST", "/login", body, "Content-Type", "application/x-www-form-urlencoded");
	}

	/** The value of the {@code XSRF-TOKEN} cookie, as Hawtio reads it. */
	String csrfToken() {
		return cookie("XSRF-TOKEN").getValue();
	}

	HttpCookie cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + this.cookies.getCookieStore()));
	}

	HttpResponse<String> send(String method, String path, String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The {@code Authorization} header value of HTTP Basic. */
	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
