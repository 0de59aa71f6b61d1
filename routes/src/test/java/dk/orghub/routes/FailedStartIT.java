package dk.orghub.routes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built hub jar started as the README starts it (demo profile, so with the demo's
 * local STS service and directory running beside it) on a port another process holds: the
 * start fails, and the process must end with a failure code rather than stay up without a
 * web server (a service manager would take such a process for a running hub).
 */
class FailedStartIT {

	private static final Path JAR = Path.of("target", "orghub.jar");

	@TempDir
	Path dir;

	@Test
	void aHubWhoseStartFailsEnds() throws Exception {
		assumeTrue(Files.isRegularFile(JAR), "FailedStartIT needs the built jar " + JAR.toAbsolutePath()
				+ " (the package phase of mvn verify builds it before the integration tests)");
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Path log = this.dir.resolve("hub.log");
			Process hub = start(taken.getLocalPort(), log);
			try {
				boolean ended = hub.waitFor(3, TimeUnit.MINUTES);
				assertThat(ended).as("the hub ended after its failed start; its log:%n%s", tail(log)).isTrue();
				assertThat(hub.exitValue()).as("exit code").isNotZero();
				assertThat(Files.readString(log)).contains("Port " + taken.getLocalPort() + " was already in use");
			}
			finally {
				hub.destroyForcibly();
				hub.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private Process start(int port, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(),
				"--spring.profiles.active=demo", "--server.port=" + port, "--server.address=127.0.0.1",
				"--hub.data-dir=" + this.dir.resolve("data"), "--camel.main.name=failed-start-it",
				"--spring.quartz.scheduler-name=failed-start-it")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("HUB_ADMIN_PASSWORD", "failed-start-it");
		return builder.start();
	}

	private static String tail(Path log) throws IOException {
		var lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
	}

}
