package dk.orghub.routes;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built hub jar as a process of its own (demo profile, H2 in a file), killed with
 * SIGKILL while its first import writes its change log, that is after the import's change
 * set was committed; then started again on the same data directory. The new process ends
 * the run the dead one left running (failed, saying the changes were committed, with the
 * registration), releases its lock at once, and the sync runs again. Killed again the
 * moment it answers a new run, the hub still has that run when it starts a third time
 * (the embedded database writes each commit at once).
 */
class CrashRecoveryIT {

	private static final Path JAR = Path.of("target", "orghub.jar");

	private static final String PASSWORD = "crash-recovery-it";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Process> processes = new ArrayList<>();

	@TempDir
	Path dir;

	private int port;

	@AfterEach
	void stopHubs() throws InterruptedException {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		FileSystemUtils.deleteRecursively(this.dir.toFile());
	}

	@Test
	void aHubKilledMidRunEndsThatRunWhenItStartsAgain() throws Exception {
		assumeTrue(Files.isRegularFile(JAR), "CrashRecoveryIT needs the built jar " + JAR.toAbsolutePath()
				+ " (the package phase of mvn verify builds it before the integration tests)");
		this.port = freePort();
		Process first = start("first.log");

		// the first import: kill the process once its change set is in and it logs
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		await("the first import writing its change log (log: first.log)").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(40))
			.ignoreExceptions()
			.until(() -> {
				JsonNode run = firstRun();
				seen.set(run);
				assertThat(run.get("status").asText()).as("the first import ended before it could be killed: %s", run)
					.isEqualTo("RUNNING");
				return "logging".equals(run.path("phase").asText());
			});
		first.destroyForcibly();
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long id = seen.get().get("id").asLong();

		// started again: the dead run is ended, its lock released
		start("second.log");
		await("the restarted hub (log: second.log)").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> get("/actuator/health").path("status").asText().equals("UP"));
		JsonNode dead = get("/api/v1/runs/" + id);
		assertThat(dead.get("status").asText()).as(dead.toString()).isEqualTo("FAILED");
		assertThat(dead.get("endedAt").isNull()).isFalse();
		assertThat(dead.get("message").asText()).contains("Interrupted")
			.contains("process " + first.pid())
			.contains("committed to the store (registration " + dead.get("registration").asLong());
		assertThat(get("/api/v1/org-units?limit=1").get("total").asInt()).as("what the dead run committed")
			.isPositive();
		assertThat(get("/api/v1/syncs/samples-import").path("running").isObject()).as("a run going on").isFalse();

		// the sync runs at once, not after the lock timeout; a run the hub answered for
		// is
		// on disk, even when the process is killed the moment it answers
		long again = runNow();
		Process second = this.processes.get(this.processes.size() - 1);
		second.destroyForcibly();
		assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
		start("third.log");
		await("the hub started a third time (log: third.log)").atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> get("/api/v1/runs/" + again).get("status").asText(), (status) -> !"RUNNING".equals(status));
		JsonNode killed = get("/api/v1/runs/" + again);
		assertThat(killed.get("message").asText()).as("the run killed as it was answered: %s", killed)
			.contains("process " + second.pid());

		long last = runNow();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> get("/api/v1/runs/" + last).get("status").asText(), (status) -> !"RUNNING".equals(status));
		JsonNode ran = get("/api/v1/runs/" + last);
		assertThat(ran.get("status").asText()).as(ran.toString()).isEqualTo("SUCCEEDED");
	}

	/**
	 * Asks for a run of the import; a hub whose routes have not started yet answers 503
	 * with Retry-After (nothing recorded), and is asked again.
	 */
	private long runNow() throws IOException {
		AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
		await("a run of samples-import accepted").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/v1/syncs/samples-import/run"))
					.POST(HttpRequest.BodyPublishers.noBody()));
				answer.set(started);
				if (started.statusCode() == 503) {
					assertThat(started.headers().firstValue("Retry-After")).isPresent();
					return false;
				}
				assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
				return true;
			});
		return JSON.readTree(answer.get().body()).get("id").asLong();
	}

	private JsonNode firstRun() throws IOException, InterruptedException {
		JsonNode items = get("/api/v1/runs?sync=samples-import").get("items");
		assertThat(items.size()).isPositive();
		return items.get(items.size() - 1);
	}

	private Process start(String logName) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", JAR.toAbsolutePath().toString(),
				"--spring.profiles.active=demo", "--server.port=" + this.port,
				"--hub.data-dir=" + this.dir.resolve("data"), "--hub.demo.employees=5000", "--hub.demo.local-sts=false",
				"--camel.main.name=crash-recovery-it", "--spring.quartz.scheduler-name=crash-recovery-it")
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(logName).toFile());
		builder.environment().put("HUB_ADMIN_PASSWORD", PASSWORD);
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return this.http.send(request.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
