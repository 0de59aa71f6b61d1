package dk.orghub.adapters.opus.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusDumpReader;
import dk.orghub.core.rules.ManagerRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The KMD OPUS source ({@code hub.sources.opus.*}). The source is on when
 * {@code municipality-key} is set (and {@code enabled} is not false); with an
 * {@code inbox} dumps dropped there are imported by the route {@code opus-inbox}, polling
 * on {@code poll-cron}; with a {@code dump-file} the bean {@code opusAdapter} is a
 * snapshot source a {@code hub.syncs} entry can run. See {@link OpusConfig} for the
 * meaning and defaults of the payroll settings.
 *
 * @param enabled false turns the source off although it is configured
 * @param sourceName the name in registrations, identity bindings, and of the sync
 * @param municipalityKey the municipality's CVR number or another stable key (unit UUIDs
 * derive from it: never change it)
 * @param inbox the folder dumps are dropped in; {@code done/} and {@code error/} beside
 * @param dumpFile the dump the snapshot adapter reads
 * @param pollCron how often the inbox is looked at (Quartz, seconds first)
 * @param pollTimeZone the zone of {@code poll-cron}
 * @param retention how long dumps (with their reports) stay in the inbox's {@code done/}
 * and {@code error/} after they were processed; they hold full CPR numbers. The last
 * imported dump is kept whatever its age: the next import compares with it
 * @param sftp where to fetch dumps over SFTP into the inbox (off unless {@code host} is
 * set)
 * @param primaryRule {@code engagement-type-order} (default) or {@code highest-fraction}
 * @param contacts which contact data of the employee records are imported
 */
@Validated
@ConfigurationProperties("hub.sources.opus")
public record OpusProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue(OpusConfig.DEFAULT_SOURCE_NAME) @Pattern(regexp = "[a-z0-9-]+",
				message = "lower-case letters, digits and dashes") String sourceName,
		@Size(max = 100) String municipalityKey, Path inbox, Path dumpFile, List<@NotBlank String> engagementTypeOrder,
		Map<String, String> unitLevels, String defaultUnitType, String managerType,
		ManagerRule.WhenEmploymentEnds managerEnds, Set<String> excludedUnits,
		@NotBlank @Size(max = 120) @DefaultValue("0 * * * * ?") String pollCron,
		@NotNull @DefaultValue("Europe/Copenhagen") ZoneId pollTimeZone,
		@NotNull @DefaultValue("90d") Duration retention, @Valid @NotNull @DefaultValue Sftp sftp,
		@NotNull @DefaultValue("engagement-type-order") OpusConfig.PrimaryRule primaryRule,
		@Valid @NotNull @DefaultValue Contacts contacts) {

	/** The adapter's configuration; validated (a missing or bad value names its key). */
	public OpusConfig toConfig() {
		OpusConfig config = new OpusConfig(this.sourceName, this.municipalityKey, this.inbox, this.dumpFile,
				this.engagementTypeOrder, this.unitLevels, this.defaultUnitType, this.managerType, this.managerEnds,
				this.excludedUnits, this.primaryRule,
				new OpusConfig.Contacts(this.contacts.email(), this.contacts.workPhone(), this.contacts.userId(),
						this.contacts.homeAddress(), this.contacts.itSystem()));
		config.validate();
		return config;
	}

	/**
	 * Contact data of the employee records ({@code hub.sources.opus.contacts.*}), each
	 * owned by the source (so {@code hub.field-policy} applies to their fields).
	 *
	 * @param email {@code <email>} as the person's e-mail address
	 * @param workPhone {@code <workPhone>} as the person's phone
	 * @param userId {@code <userId>} as an IT user of {@code it-system}
	 * @param homeAddress the home address ({@code <address>}, {@code <postalCode>},
	 * {@code <city>}) as the person's secret postal address; personal data, so off unless
	 * asked for, and never imported when OPUS marks it protected
	 * @param itSystem the IT system (class user key) of the IT users from {@code userId}
	 */
	public record Contacts(@DefaultValue("true") boolean email, @DefaultValue("true") boolean workPhone,
			@DefaultValue("true") boolean userId, @DefaultValue("false") boolean homeAddress,
			@NotBlank @Size(max = 200) @DefaultValue("OPUS") String itSystem) {

	}

	/**
	 * Fetching dumps over SFTP (e.g. from KMD's server) into the inbox, by the route
	 * {@code opus-sftp}. A file is downloaded under a temporary name and renamed when
	 * complete, so the inbox never sees half a dump; on the server it is then moved to
	 * {@code move} (nothing is deleted there). The server's host key must be in
	 * {@code known-hosts} unless {@code strict-host-key-checking} is false.
	 *
	 * @param host the server; setting it turns the pickup on (it needs an {@code inbox})
	 * @param port the server's port
	 * @param user the user name
	 * @param password the password (secret: {@code HUB_SOURCES_OPUS_SFTP_PASSWORD}), or
	 * @param privateKey a private key file (OpenSSH or PEM) instead
	 * @param privateKeyPassphrase the private key's passphrase, if any (secret)
	 * @param directory the folder on the server the dumps are in; empty for the user's
	 * home
	 * @param move the folder, relative to {@code directory}, fetched dumps are moved to
	 * on the server
	 * @param knownHosts an OpenSSH known_hosts file with the server's host key
	 * @param strictHostKeyChecking whether an unknown host key is refused (only turn this
	 * off for a test server)
	 * @param delay how long between two looks at the server
	 * @param connectTimeout how long to wait for the server
	 */
	public record Sftp(String host, @Min(1) @Max(65535) @DefaultValue("22") int port, String user, String password,
			Path privateKey, String privateKeyPassphrase, String directory,
			@NotBlank @DefaultValue(".done") String move, Path knownHosts,
			@DefaultValue("true") boolean strictHostKeyChecking, @NotNull @DefaultValue("5m") Duration delay,
			@NotNull @DefaultValue("30s") Duration connectTimeout) {

		/** Whether the pickup is configured. */
		public boolean enabled() {
			return this.host != null && !this.host.isBlank();
		}

		/**
		 * The Camel endpoint that fetches the dumps.
		 * @throws IllegalStateException naming the key when a setting is missing or wrong
		 */
		String endpoint() {
			String key = "hub.sources.opus.sftp.";
			require(this.user != null && !this.user.isBlank(), key + "user is required with " + key + "host");
			require((this.password != null && !this.password.isEmpty()) || this.privateKey != null,
					key + "password (HUB_SOURCES_OPUS_SFTP_PASSWORD) or " + key + "private-key is required");
			require(this.privateKey == null || Files.isReadable(this.privateKey),
					key + "private-key " + this.privateKey + " cannot be read");
			require(!this.strictHostKeyChecking || this.knownHosts != null,
					key + "known-hosts is required (the server's host key), unless strict-host-key-checking is false");
			require(this.knownHosts == null || Files.isReadable(this.knownHosts),
					key + "known-hosts " + this.knownHosts + " cannot be read");
			require(!this.delay.isNegative() && !this.delay.isZero(), key + "delay must be positive");
			StringBuilder uri = new StringBuilder("sftp://").append(this.host)
				.append(':')
				.append(this.port)
				.append('/')
				.append(folder())
				.append("?username=")
				.append(raw(this.user))
				.append("&include=")
				.append(raw(OpusDumpReader.FILE_NAME.pattern().replace("^", "").replace("$", "")))
				.append("&move=")
				.append(raw(this.move + "/${file:name}"))
				.append("&readLock=changed&binary=true&stepwise=false&useUserKnownHostsFile=false")
				.append("&delay=")
				.append(this.delay.toMillis())
				.append("&connectTimeout=")
				.append(this.connectTimeout.toMillis())
				.append("&strictHostKeyChecking=")
				.append(this.strictHostKeyChecking ? "yes" : "no");
			if (this.password != null && !this.password.isEmpty()) {
				uri.append("&password=").append(raw(this.password));
			}
			if (this.privateKey != null) {
				uri.append("&privateKeyFile=").append(raw(this.privateKey.toString()));
				if (this.privateKeyPassphrase != null && !this.privateKeyPassphrase.isEmpty()) {
					uri.append("&privateKeyPassphrase=").append(raw(this.privateKeyPassphrase));
				}
			}
			if (this.knownHosts != null) {
				uri.append("&knownHostsFile=").append(raw(this.knownHosts.toString()));
			}
			return uri.toString();
		}

		/** Where the dumps are, for messages (no secrets). */
		String describe() {
			return "sftp://" + this.user + "@" + this.host + ":" + this.port + "/" + folder();
		}

		private String folder() {
			String folder = (this.directory != null) ? this.directory.trim() : "";
			return folder.startsWith("/") ? folder.substring(1) : folder;
		}

		private static String raw(String value) {
			return "RAW(" + value + ")";
		}

		private static void require(boolean condition, String message) {
			if (!condition) {
				throw new IllegalStateException(message);
			}
		}

		@Override
		public String toString() {
			return "Sftp[" + (enabled() ? describe() : "off") + ", password="
					+ ((this.password != null) ? "******" : "none") + ", privateKey=" + this.privateKey
					+ ", knownHosts=" + this.knownHosts + "]";
		}

	}

}
