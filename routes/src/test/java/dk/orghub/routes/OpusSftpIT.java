package dk.orghub.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OPUS dumps fetched over SFTP: an SFTP server of the test's own (Apache MINA SSHD, on a
 * loopback port, password login, its host key in a known_hosts file the hub checks) holds
 * a dump; the route {@code opus-sftp} downloads it into the inbox, the route
 * {@code opus-inbox} imports it as a run of the sync {@code opus}, and on the server the
 * dump is moved to {@code .done}. A file that is not a dump is left where it is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:opus-sftp-it;DB_CLOSE_DELAY=-1",
				"hub.sources.opus.poll-cron=* * * * * ?", "hub.sources.opus.sftp.user=opus",
				"hub.sources.opus.sftp.password=sftp-secret", "hub.sources.opus.sftp.directory=outgoing",
				"hub.sources.opus.sftp.delay=500ms", "camel.main.name=opus-sftp-it",
				"spring.quartz.scheduler-name=opus-sftp-it" })
class OpusSftpIT {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20070101L, 100);

	private static final String CVR = MUNICIPALITY.organisation().latest().orElseThrow().cvr();

	private static final Path WORK = work();

	private static final Path REMOTE = WORK.resolve("server");

	private static final Path INBOX = WORK.resolve("inbox");

	private static final SshServer SERVER = start();

	@Autowired
	private TestRestTemplate rest;

	@DynamicPropertySource
	static void opus(DynamicPropertyRegistry registry) {
		registry.add("hub.sources.opus.municipality-key", () -> CVR);
		registry.add("hub.sources.opus.inbox", INBOX::toString);
		registry.add("hub.sources.opus.sftp.host", () -> "127.0.0.1");
		registry.add("hub.sources.opus.sftp.port", SERVER::getPort);
		registry.add("hub.sources.opus.sftp.known-hosts", () -> WORK.resolve("known_hosts").toString());
	}

	@AfterAll
	static void stop() throws IOException {
		SERVER.stop(true);
		FileSystemUtils.deleteRecursively(WORK);
	}

	@Test
	void aDumpOnTheServerIsFetchedIntoTheInboxImportedAndMovedAsideThere() throws IOException {
		Api api = new Api(this.rest);
		Path outgoing = Files.createDirectories(REMOTE.resolve("outgoing"));
		Files.writeString(outgoing.resolve("readme.txt"), "not a dump");
		OpusDump dump = OpusSampleDumps.first(MUNICIPALITY);
		Path written = OpusDumpWriter.write(dump, Files.createDirectories(WORK.resolve("staging")));
		// put on the server whole (a rename), as a sender's upload ends
		Files.copy(written, outgoing.resolve("." + dump.fileName() + ".upload"));
		Files.move(outgoing.resolve("." + dump.fileName() + ".upload"), outgoing.resolve(dump.fileName()));

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			List<JsonNode> runs = items(api.get("/api/v1/runs?sync=opus"));
			return !runs.isEmpty() && !"RUNNING".equals(runs.get(0).get("status").asText());
		});
		JsonNode run = items(api.get("/api/v1/runs?sync=opus")).get(0);
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("message").asText()).contains(dump.fileName());
		assertThat(run.at("/counts/created").asInt()).isPositive();
		assertThat(api.get("/api/v1/org-units?limit=1").get("total").asLong()).isEqualTo(dump.units().size());
		assertThat(INBOX.resolve("done").resolve(dump.fileName())).hasSameBinaryContentAs(written);

		// on the server the dump is moved aside, and what is not a dump stays
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Files.exists(outgoing.resolve(".done").resolve(dump.fileName())));
		assertThat(outgoing.resolve(dump.fileName())).doesNotExist();
		assertThat(outgoing.resolve("readme.txt")).exists();
		try (var left = Files.list(INBOX)) {
			assertThat(left.map((f) -> f.getFileName().toString())).as("no temporary file left in the inbox")
				.noneMatch((name) -> name.endsWith(".part"));
		}
	}

	private static Path work() {
		try {
			Path work = Files.createTempDirectory("opus-sftp-it");
			Files.createDirectories(work.resolve("server"));
			Files.createDirectories(work.resolve("inbox"));
			return work;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SshServer start() {
		try {
			SshServer server = SshServer.setUpDefaultServer();
			server.setHost("127.0.0.1");
			server.setPort(0);
			SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(WORK.resolve("host.key"));
			server.setKeyPairProvider(keys);
			server.setPasswordAuthenticator(
					(user, password, session) -> "opus".equals(user) && "sftp-secret".equals(password));
			server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
			server.setFileSystemFactory(new VirtualFileSystemFactory(REMOTE));
			server.start();
			KeyPair host = keys.loadKeys(null).iterator().next();
			Files.writeString(WORK.resolve("known_hosts"),
					"[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host.getPublic()) + "\n");
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start the test's SFTP server: " + ex.getMessage(), ex);
		}
	}

}
