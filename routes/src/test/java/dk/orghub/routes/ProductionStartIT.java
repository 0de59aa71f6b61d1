package dk.orghub.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start (no demo profile) listens on the hub's own port and no other: the
 * demo's in-process LDAP and STS services stay off. The listening sockets of this JVM are
 * read from Linux's {@code /proc} before and after the start (elsewhere the test is
 * skipped with a message).
 */
class ProductionStartIT {

	@TempDir
	Path data;

	@Test
	void aStartWithoutTheDemoProfileOpensOnlyTheHubsPort() throws IOException {
		Assumptions.assumeTrue(
				Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd")),
				"skipped: needs Linux's /proc to list the JVM's listening sockets");
		Set<Integer> before = listeningPorts();
		try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(
				"--server.port=0", "--hub.data-dir=" + this.data, "--camel.main.name=production-start",
				"--spring.quartz.scheduler-name=production-start")) {
			int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
			assertThat(hub.getEnvironment().getActiveProfiles()).isEmpty();

			Set<Integer> opened = listeningPorts();
			opened.removeAll(before);

			assertThat(opened).containsExactly(port);
		}
	}

	/** The ports this JVM listens on (TCP, IPv4 and IPv6). */
	private static Set<Integer> listeningPorts() throws IOException {
		Set<String> sockets = new HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			for (Path fd : fds.toList()) {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						sockets.add(target.substring(8, target.length() - 1));
					}
				}
				catch (IOException ex) {
					// a descriptor closed meanwhile
				}
			}
		}
		Set<Integer> ports = new HashSet<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			Path file = Path.of(table);
			if (!Files.isReadable(file)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				boolean listening = "0A".equals(fields[3]);
				if (listening && sockets.contains(fields[9])) {
					String local = fields[1];
					ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
				}
			}
		}
		return ports;
	}

}
