package dk.orghub.routes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built hub ({@code target/orghub.jar}) started as a process in a folder of its own,
 * for tests of what a packaged hub does (adapter jars dropped into {@code adapter-jars}
 * of that folder): it waits until the hub reports UP, runs syncs and reads the API as the
 * administrator.
 */
final class PackagedHub implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final String password = "packaged-" + System.nanoTime();

	private final Process process;

	private final Path log;

	private final String base;

	private PackagedHub(Path home, List<String> arguments) throws IOException {
		Path jar = Path.of("target", "orghub.jar").toAbsolutePath();
		assertThat(jar).as("the built hub (mvn package)").exists();
		int port = freePort();
		this.base = "http://127.0.0.1:" + port;
		this.log = home.resolve("hub.log");
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
				"--server.port=" + port, "--server.address=127.0.0.1", "--hub.data-dir=" + home.resolve("data")));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		builder.environment().put("HUB_ADMIN_PASSWORD", this.password);
		this.process = builder.start();
	}

	/**
	 * Starts the hub in {@code home} (its adapters folder is {@code home/adapter-jars})
	 * with these extra arguments, and waits until it reports UP.
	 */
	static PackagedHub start(Path home, String... arguments) throws IOException {
		PackagedHub hub = new PackagedHub(home, List.of(arguments));
		try {
			hub.awaitUp();
		}
		catch (RuntimeException | Error ex) {
			hub.close();
			throw ex;
		}
		return hub;
	}

	private void awaitUp() {
		await("the hub reports UP").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(this.process.isAlive()).as("the hub runs; its log ends:%n%s", tail()).isTrue();
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create(this.base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				return health.statusCode() == 200;
			});
	}

	/** Runs a sync now and returns the status it ended with. */
	String runSync(String sync) throws Exception {
		long run = this.json
			.readTree(send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/syncs/" + sync + "/run"))
				.POST(HttpRequest.BodyPublishers.noBody())))
			.get("id")
			.asLong();
		await("run " + run + " of " + sync + " ends").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !"RUNNING".equals(status(run)));
		return status(run);
	}

	/** A GET of the API ({@code /api/v1/...}) as JSON. */
	JsonNode get(String path) throws Exception {
		return this.json.readTree(send(HttpRequest.newBuilder(URI.create(this.base + path)).GET()));
	}

	/** The hub's log so far. */
	List<String> logLines() throws IOException {
		return Files.exists(this.log) ? Files.readAllLines(this.log) : List.of();
	}

	/** The last lines of the hub's log, for assertion messages. */
	String tail() throws IOException {
		if (!Files.exists(this.log)) {
			return "";
		}
		List<String> lines = Files.readAllLines(this.log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private String status(long run) throws Exception {
		return get("/api/v1/runs/" + run + "?limit=1").get("status").asText();
	}

	private String send(HttpRequest.Builder request) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString(("admin:" + this.password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(request.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s answers", response.uri()).isBetween(200, 299);
		return response.body();
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
