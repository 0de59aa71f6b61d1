package dk.orghub.routes;

import java.io.File;
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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A vendor's adapter, compiled here against the SPI only (outside the reactor), dropped
 * as a jar into the {@code adapters} folder beside the data folder of the built hub
 * ({@code target/orghub.jar}); the hub finds it through the jar's own auto-configuration,
 * runs it as the sync {@code hub.syncs.dropped-import} and the unit it delivers is in the
 * store.
 */
class DropInAdapterIT {

	private static final String PACKAGE = "com.example.dropin";

	private static final String SOURCE = """
			package com.example.dropin;

			import java.time.LocalDate;
			import java.util.List;
			import java.util.Map;
			import java.util.Set;
			import java.util.UUID;

			import dk.orghub.core.classes.DefaultClasses;
			import dk.orghub.core.model.ObjectType;
			import dk.orghub.core.model.OrgUnit;
			import dk.orghub.core.model.Timeline;
			import dk.orghub.core.model.Validity;
			import dk.orghub.core.spi.DesiredObject;
			import dk.orghub.core.spi.Snapshot;
			import dk.orghub.core.spi.SnapshotSource;
			import dk.orghub.core.spi.SourceContext;
			import dk.orghub.core.spi.SourceOwnership;

			public final class DroppedSource implements SnapshotSource {

				public String name() {
					return "dropped";
				}

				public SourceOwnership ownership() {
					return new SourceOwnership(Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType")));
				}

				public Snapshot snapshot(SourceContext context) {
					UUID uuid = context.knownIdentity(ObjectType.ORG_UNIT, "D1").orElseGet(UUID::randomUUID);
					OrgUnit unit = new OrgUnit(uuid, "D1", "Enhed fra indsat adapter", null,
							DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null);
					DesiredObject<OrgUnit> object = new DesiredObject<>(ObjectType.ORG_UNIT, "D1",
							Timeline.of(Validity.from(LocalDate.of(2020, 1, 1)), unit));
					return new Snapshot(Set.of(ObjectType.ORG_UNIT), null, List.of(object), null);
				}

			}
			""";

	private static final String AUTO_CONFIGURATION = """
			package com.example.dropin;

			import org.springframework.boot.autoconfigure.AutoConfiguration;
			import org.springframework.context.annotation.Bean;

			@AutoConfiguration
			public class DroppedAutoConfiguration {

				@Bean
				DroppedSource droppedSource() {
					return new DroppedSource();
				}

			}
			""";

	private static final String PASSWORD = "drop-in-" + System.nanoTime();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	@TempDir
	Path home;

	private volatile String lastHealth;

	@Test
	void aDroppedInAdapterJarRunsAsASyncAndWritesToTheStore() throws Exception {
		Path hubJar = Path.of("target", "orghub.jar").toAbsolutePath();
		assertThat(hubJar).as("the built hub (mvn package)").exists();
		Path adapters = Files.createDirectories(this.home.resolve("adapters"));
		buildAdapterJar(adapters.resolve("dropped-adapter.jar"));

		int port = freePort();
		Path log = this.home.resolve("hub.log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", hubJar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--hub.data-dir=" + this.home.resolve("data"), "--hub.syncs.dropped-import.adapter=dropped")
			.directory(this.home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("HUB_ADMIN_PASSWORD", PASSWORD);
		Process hub = builder.start();
		try {
			String base = "http://127.0.0.1:" + port;
			await("the hub reports UP").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> {
					assertThat(hub.isAlive()).as("the hub runs; its log ends:%n%s", tail(log)).isTrue();
					HttpResponse<String> health = this.http.send(
							HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
							HttpResponse.BodyHandlers.ofString());
					this.lastHealth = health.statusCode() + " " + health.body();
					return health.statusCode() == 200;
				});

			long run = this.json
				.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/syncs/dropped-import/run"))
					.POST(HttpRequest.BodyPublishers.noBody())))
				.get("id")
				.asLong();
			await("run " + run + " ends").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> !"RUNNING".equals(status(base, run)));
			assertThat(status(base, run)).isEqualTo("SUCCEEDED");

			JsonNode units = this.json.readTree(get(base + "/api/v1/org-units?limit=10"));
			assertThat(units.findValuesAsText("name")).contains("Enhed fra indsat adapter");
		}
		finally {
			hub.destroy();
			if (!hub.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				hub.destroyForcibly();
			}
		}
	}

	/**
	 * Compiles the adapter against the test's class path and packs it with its imports.
	 */
	private void buildAdapterJar(Path jar) throws IOException {
		Path src = Files.createDirectories(this.home.resolve("src/" + PACKAGE.replace('.', '/')));
		Path classes = Files.createDirectories(this.home.resolve("classes"));
		Files.writeString(src.resolve("DroppedSource.java"), SOURCE);
		Files.writeString(src.resolve("DroppedAutoConfiguration.java"), AUTO_CONFIGURATION);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				classes.toString(), src.resolve("DroppedSource.java").toString(),
				src.resolve("DroppedAutoConfiguration.java").toString());
		assertThat(result).as("the adapter compiles").isZero();
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				entry(out, classes.relativize(file).toString().replace(File.separatorChar, '/'),
						Files.readAllBytes(file));
			}
			entry(out, "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
					(PACKAGE + ".DroppedAutoConfiguration\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

	private String status(String base, long run) throws Exception {
		return this.json.readTree(get(base + "/api/v1/runs/" + run + "?limit=1")).get("status").asText();
	}

	private String get(String url) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private String send(HttpRequest.Builder request) throws Exception {
		String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(request.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s answers", response.uri()).isBetween(200, 299);
		return response.body();
	}

	private static String tail(Path log) throws IOException {
		if (!Files.exists(log)) {
			return "";
		}
		List<String> lines = new ArrayList<>(Files.readAllLines(log));
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
