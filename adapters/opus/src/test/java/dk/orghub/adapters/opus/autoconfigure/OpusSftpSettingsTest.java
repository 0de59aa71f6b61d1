package dk.orghub.adapters.opus.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The SFTP pickup's settings: what a start refuses, naming the key, and the endpoint. */
class OpusSftpSettingsTest {

	@TempDir
	Path folder;

	@Test
	void aMissingLoginOrHostKeyStopsTheStartNamingTheKey() throws IOException {
		Path knownHosts = Files.writeString(this.folder.resolve("known_hosts"), "sftp.kmd.example ssh-ed25519 AAAA\n");
		assertThatIllegalStateException().isThrownBy(() -> sftp(null, "secret", null, knownHosts, true).endpoint())
			.withMessageContaining("hub.sources.opus.sftp.user");
		assertThatIllegalStateException().isThrownBy(() -> sftp("opus", null, null, knownHosts, true).endpoint())
			.withMessageContaining("hub.sources.opus.sftp.password")
			.withMessageContaining("private-key");
		assertThatIllegalStateException().isThrownBy(() -> sftp("opus", "secret", null, null, true).endpoint())
			.withMessageContaining("hub.sources.opus.sftp.known-hosts");
		assertThatIllegalStateException()
			.isThrownBy(() -> sftp("opus", null, this.folder.resolve("missing.key"), knownHosts, true).endpoint())
			.withMessageContaining("hub.sources.opus.sftp.private-key");
	}

	@Test
	void theEndpointChecksTheHostKeyAndTakesOnlyDumps() throws IOException {
		Path knownHosts = Files.writeString(this.folder.resolve("known_hosts"), "sftp.kmd.example ssh-ed25519 AAAA\n");
		OpusProperties.Sftp sftp = sftp("opus", "p&ss word", null, knownHosts, true);

		String endpoint = sftp.endpoint();

		assertThat(endpoint).startsWith("sftp://sftp.kmd.example:2222/outgoing?")
			.contains("strictHostKeyChecking=yes")
			.contains("knownHostsFile=RAW(" + knownHosts + ")")
			.contains("password=RAW(p&ss word)")
			.contains("include=RAW(ZLPE(\\d{14}).*\\.xml)")
			.contains("move=RAW(.done/${file:name})");
		assertThat(sftp.toString()).doesNotContain("p&ss word");
		assertThat(sftp("opus", "secret", null, null, false).endpoint()).contains("strictHostKeyChecking=no");
	}

	private static OpusProperties.Sftp sftp(String user, String password, Path key, Path knownHosts, boolean strict) {
		return new OpusProperties.Sftp("sftp.kmd.example", 2222, user, password, key, null, "/outgoing", ".done",
				knownHosts, strict, Duration.ofMinutes(5), Duration.ofSeconds(30));
	}

}
