package dk.orghub.adapters.sts;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.PlainConnections;

/**
 * The configuration of the STS Organisation target ({@code hub.targets.sts.*}). Checked
 * by {@link #validate()} without the network.
 *
 * @param baseUrl {@code hub.targets.sts.base-url}; each service is at
 * {@code <base-url>/organisation/<object>/6/}
 * @param organisationUuid {@code organisation-uuid}: the municipality's Organisation in
 * STS
 * @param cvr {@code cvr}: the municipality's CVR number (8 digits; the SAML claim)
 * @param actorUuid {@code actor-uuid}: BrugerRef and AktoerRef of what the hub writes;
 * {@code null} = the organisation
 * @param connectTimeout {@code connect-timeout} (default 5 s)
 * @param receiveTimeout {@code receive-timeout} (default 30 s)
 * @param concurrency {@code concurrency}: calls in flight at once (default 16)
 * @param maxAttempts {@code max-attempts} per object for temporary failures before it
 * goes to quarantine (default 8)
 * @param initialBackoff {@code initial-backoff} (default 200 ms), doubled per attempt
 * @param maxBackoff {@code max-backoff} (default 10 s)
 * @param registrationLag {@code registration-lag}: how far back the registration time
 * sent is (default 3 minutes; a time ahead of the server's clock is refused with status
 * 45)
 * @param sendCpr {@code send-cpr}: whether Person objects carry the CPR number (default
 * false)
 * @param exportedVisibilities {@code exported-visibilities}: user keys of the visibility
 * classes whose addresses are sent (default PUBLIC, INTERNAL; an address without
 * visibility is sent)
 * @param itSystem {@code it-system}: the IT system class whose accounts become Bruger
 * objects (default Active Directory)
 * @param classes {@code classes.*}: classification UUIDs
 * @param security {@code security.*}: OCES3, SAML token and WS-Security (off by default)
 * @param stopAfterFailures {@code stop-after-failures}: a run stops after this many
 * objects in a row failed the same way (default 10); the rest waits for the next run
 * @param allowPlainHttp {@code allow-plain-http}: accept an {@code http://} base URL
 * towards a host that is not a loopback host (default false: passwords and CPR numbers
 * would travel in clear); never with security on
 */
public record StsSettings(URI baseUrl, UUID organisationUuid, String cvr, UUID actorUuid, Duration connectTimeout,
		Duration receiveTimeout, int concurrency, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		Duration registrationLag, boolean sendCpr, Set<String> exportedVisibilities, UUID itSystem,
		StsClassification classes, StsSecurity security, int stopAfterFailures, boolean allowPlainHttp) {

	public StsSettings {
		exportedVisibilities = Set.copyOf(exportedVisibilities);
	}

	/** Settings with every default, for the given endpoint and organisation. */
	public static StsSettings defaults(URI baseUrl, UUID organisationUuid, String cvr) {
		return new StsSettings(baseUrl, organisationUuid, cvr, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 16,
				8, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(3), false,
				Set.of("PUBLIC", "INTERNAL"), DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "Active Directory"),
				StsClassification.defaults(), StsSecurity.off(), 10, false);
	}

	public StsSettings withConcurrency(int concurrency) {
		return new StsSettings(this.baseUrl, this.organisationUuid, this.cvr, this.actorUuid, this.connectTimeout,
				this.receiveTimeout, concurrency, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.registrationLag, this.sendCpr, this.exportedVisibilities, this.itSystem, this.classes,
				this.security, this.stopAfterFailures, this.allowPlainHttp);
	}

	public StsSettings withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		return new StsSettings(this.baseUrl, this.organisationUuid, this.cvr, this.actorUuid, this.connectTimeout,
				this.receiveTimeout, this.concurrency, maxAttempts, initialBackoff, maxBackoff, this.registrationLag,
				this.sendCpr, this.exportedVisibilities, this.itSystem, this.classes, this.security,
				this.stopAfterFailures, this.allowPlainHttp);
	}

	public StsSettings withTimeouts(Duration connect, Duration receive) {
		return new StsSettings(this.baseUrl, this.organisationUuid, this.cvr, this.actorUuid, connect, receive,
				this.concurrency, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.registrationLag,
				this.sendCpr, this.exportedVisibilities, this.itSystem, this.classes, this.security,
				this.stopAfterFailures, this.allowPlainHttp);
	}

	/** The same settings with this security. */
	public StsSettings withSecurity(StsSecurity security) {
		return new StsSettings(this.baseUrl, this.organisationUuid, this.cvr, this.actorUuid, this.connectTimeout,
				this.receiveTimeout, this.concurrency, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.registrationLag, this.sendCpr, this.exportedVisibilities, this.itSystem, this.classes, security,
				this.stopAfterFailures, this.allowPlainHttp);
	}

	/** The same settings stopping a run after this many failures in a row. */
	public StsSettings withStopAfterFailures(int failures) {
		return new StsSettings(this.baseUrl, this.organisationUuid, this.cvr, this.actorUuid, this.connectTimeout,
				this.receiveTimeout, this.concurrency, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.registrationLag, this.sendCpr, this.exportedVisibilities, this.itSystem, this.classes,
				this.security, failures, this.allowPlainHttp);
	}

	/** The actor written as BrugerRef and AktoerRef. */
	public UUID actor() {
		return (this.actorUuid != null) ? this.actorUuid : this.organisationUuid;
	}

	/** The address of one service, e.g. {@code <base-url>/organisation/bruger/6/}. */
	public String serviceUrl(String service) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base : base + "/") + "organisation/" + service + "/6/";
	}

	/**
	 * Checks the settings without the network.
	 * @throws AdapterConfigurationException naming the setting
	 */
	public void validate() {
		if (this.baseUrl == null || this.baseUrl.getScheme() == null
				|| !(this.baseUrl.getScheme().equals("http") || this.baseUrl.getScheme().equals("https"))) {
			throw new AdapterConfigurationException(
					"hub.targets.sts.base-url must be an http(s) URL, was " + this.baseUrl);
		}
		if (this.baseUrl.getScheme().equals("http") && !PlainConnections.loopback(this.baseUrl)
				&& !this.allowPlainHttp) {
			throw new AdapterConfigurationException("hub.targets.sts.base-url must be https (plain http sends CPR "
					+ "numbers in clear; allowed towards a loopback host, or with hub.targets.sts.allow-plain-http=true), was "
					+ this.baseUrl);
		}
		if (this.stopAfterFailures < 1) {
			throw new AdapterConfigurationException("hub.targets.sts.stop-after-failures must be at least 1");
		}
		if (this.organisationUuid == null) {
			throw new AdapterConfigurationException("hub.targets.sts.organisation-uuid is required");
		}
		if (this.cvr == null || !this.cvr.matches("[0-9]{8}")) {
			throw new AdapterConfigurationException("hub.targets.sts.cvr must be 8 digits");
		}
		positive(this.connectTimeout, "connect-timeout");
		positive(this.receiveTimeout, "receive-timeout");
		positive(this.initialBackoff, "initial-backoff");
		positive(this.maxBackoff, "max-backoff");
		if (this.registrationLag == null || this.registrationLag.isNegative()) {
			throw new AdapterConfigurationException("hub.targets.sts.registration-lag must not be negative");
		}
		if (this.concurrency < 1 || this.concurrency > 256) {
			throw new AdapterConfigurationException("hub.targets.sts.concurrency must be between 1 and 256");
		}
		if (this.maxAttempts < 1) {
			throw new AdapterConfigurationException("hub.targets.sts.max-attempts must be at least 1");
		}
		Objects.requireNonNull(this.classes, "classes");
		if (this.security == null) {
			throw new AdapterConfigurationException("hub.targets.sts.security is required (use enabled=false)");
		}
		this.security.validate(this.baseUrl);
	}

	private static void positive(Duration value, String name) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new AdapterConfigurationException("hub.targets.sts." + name + " must be positive");
		}
	}

}
