package dk.orghub.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OIDC provider for the tests, on a free loopback port: discovery, the JWK set,
 * an authorization endpoint that logs in the user the test chose without asking (and
 * sends the browser straight back with a code), a token endpoint for that code (client
 * secret by HTTP Basic) and user info. It signs with an RSA key of its own; the tests
 * also make bearer tokens with it, valid ones and broken ones. Test code only.
 */
final class FakeOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "orghub";

	static final String CLIENT_SECRET = "orghub-test-secret";

	/** The audience of the access tokens, which the hub is configured to require. */
	static final String AUDIENCE = "orghub-api";

	private static final String REALM = "/realms/hub";

	private static final String KEY_ID = "fake-provider-key";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final RSAKey key;

	private final Map<String, Login> codes = new ConcurrentHashMap<>();

	private final Map<String, Login> accessTokens = new ConcurrentHashMap<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private volatile Login signedIn;

	private FakeOidcProvider() throws IOException, JOSEException {
		this.key = rsaKey();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static FakeOidcProvider start() {
		try {
			return new FakeOidcProvider();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh RSA key with this provider's key id, for tokens the hub must refuse. */
	static RSAKey rsaKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(KEY_ID)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
	}

	String issuer() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":"
				+ this.server.getAddress().getPort() + REALM;
	}

	/**
	 * The user the authorization endpoint logs in from now on, with the values of its
	 * roles claim.
	 */
	void signIn(String username, List<String> roles) {
		this.signedIn = new Login(username, roles, null, null);
	}

	/**
	 * The paths of the requests served so far, with the method, e.g. {@code POST /token}.
	 */
	List<String> requests() {
		return List.copyOf(this.requests);
	}

	/** The claims of a valid access token for the user, to change before signing. */
	JWTClaimsSet.Builder accessTokenClaims(String username, List<String> roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer())
			.subject(subject(username))
			.audience(AUDIENCE)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("azp", CLIENT_ID)
			.claim("preferred_username", username)
			.claim("roles", roles);
	}

	/** A valid access token for the user. */
	String accessToken(String username, List<String> roles) {
		return sign(accessTokenClaims(username, roles).build());
	}

	/** The claims signed with this provider's key. */
	String sign(JWTClaimsSet claims) {
		return sign(claims, this.key);
	}

	/** The claims signed with the key (the provider's, or another). */
	static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The subject (the provider's stable id) of a user. */
	static String subject(String username) {
		return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			this.requests.add(exchange.getRequestMethod() + " " + path);
			switch (path) {
				case REALM + "/.well-known/openid-configuration" -> discovery(exchange);
				case REALM + "/certs" -> json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toJSONObject(true));
				case REALM + "/auth" -> authorize(exchange);
				case REALM + "/token" -> token(exchange);
				case REALM + "/userinfo" -> userInfo(exchange);
				default -> json(exchange, 404, Map.of("error", "not_found"));
			}
		}
		catch (RuntimeException ex) {
			json(exchange, 500, Map.of("error", "server_error", "error_description", String.valueOf(ex)));
		}
	}

	private void discovery(HttpExchange exchange) throws IOException {
		String issuer = issuer();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer);
		metadata.put("authorization_endpoint", issuer + "/auth");
		metadata.put("token_endpoint", issuer + "/token");
		metadata.put("userinfo_endpoint", issuer + "/userinfo");
		metadata.put("jwks_uri", issuer + "/certs");
		metadata.put("response_types_supported", List.of("code"));
		metadata.put("grant_types_supported", List.of("authorization_code"));
		metadata.put("subject_types_supported", List.of("public"));
		metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
		metadata.put("scopes_supported", List.of("openid", "profile"));
		metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
		metadata.put("claims_supported", List.of("sub", "preferred_username", "roles"));
		json(exchange, 200, metadata);
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
		Login user = this.signedIn;
		if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
				|| query.get("redirect_uri") == null
				|| !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
			json(exchange, 400, Map.of("error", "invalid_request", "error_description", "query " + query));
			return;
		}
		if (user == null) {
			json(exchange, 403, Map.of("error", "access_denied", "error_description", "nobody signed in"));
			return;
		}
		String code = UUID.randomUUID().toString();
		this.codes.put(code, new Login(user.username(), user.roles(), query.get("nonce"), query.get("redirect_uri")));
		String location = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code="
				+ encode(code) + ((query.get("state") != null) ? "&state=" + encode(query.get("state")) : "");
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

	private void token(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((encode(CLIENT_ID) + ":" + encode(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
		if (!"POST".equals(exchange.getRequestMethod())
				|| !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			json(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		Map<String, String> form = form(body(exchange));
		Login login = this.codes.remove(form.getOrDefault("code", ""));
		if (!"authorization_code".equals(form.get("grant_type")) || login == null
				|| !login.redirectUri().equals(form.get("redirect_uri"))) {
			json(exchange, 400, Map.of("error", "invalid_grant"));
			return;
		}
		Instant now = Instant.now();
		JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder().issuer(issuer())
			.subject(subject(login.username()))
			.audience(CLIENT_ID)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.claim("auth_time", now.getEpochSecond())
			.claim("azp", CLIENT_ID)
			.claim("preferred_username", login.username())
			.claim("roles", login.roles());
		if (login.nonce() != null) {
			idToken.claim("nonce", login.nonce());
		}
		String accessToken = accessToken(login.username(), login.roles());
		this.accessTokens.put(accessToken, login);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("access_token", accessToken);
		response.put("token_type", "Bearer");
		response.put("expires_in", 300);
		response.put("scope", "openid profile");
		response.put("id_token", sign(idToken.build()));
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		json(exchange, 200, response);
	}

	private void userInfo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Login login = (authorization != null && authorization.startsWith("Bearer "))
				? this.accessTokens.get(authorization.substring(7)) : null;
		if (login == null) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			json(exchange, 401, Map.of("error", "invalid_token"));
			return;
		}
		json(exchange, 200, Map.of("sub", subject(login.username()), "preferred_username", login.username(), "roles",
				login.roles()));
	}

	private static void json(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes;
		try {
			bytes = JSON.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static String body(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Map<String, String> form(String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A user's login: at the authorization endpoint, for a code, or for an access token.
	 */
	private record Login(String username, List<String> roles, String nonce, String redirectUri) {

	}

}
