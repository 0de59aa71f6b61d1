package dk.orghub.adapters.sts.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.adapters.sts.StsClassification;
import dk.orghub.adapters.sts.StsEnvironment;
import dk.orghub.adapters.sts.StsSecurity;
import dk.orghub.adapters.sts.StsSettings;
import dk.orghub.core.classes.DefaultClasses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The STS Organisation target ({@code hub.targets.sts.*}). The target is on when
 * {@code base-url} is set or {@code environment} is {@code production} or {@code test};
 * then {@code organisation-uuid} and {@code cvr} are required too
 * ({@link StsSettings#validate()} checks the whole, without the network, at start).
 *
 * @param environment {@code production}, {@code test} (KOMBIT's test environment) or
 * {@code custom} (default): fills {@code base-url}, {@code security.sts-url},
 * {@code security.sts-entity-id} and {@code security.applies-to} with KOMBIT's values
 * ({@link StsEnvironment}); explicit settings override them
 * @param baseUrl where the services are: {@code <base-url>/organisation/<object>/6/}
 * @param organisationUuid the municipality's Organisation in STS
 * @param cvr the municipality's CVR number (8 digits)
 * @param actorUuid BrugerRef/AktoerRef of what the hub writes; empty = the organisation
 * @param connectTimeout connection timeout of a call
 * @param receiveTimeout answer timeout of a call
 * @param concurrency calls in flight at once (1 to 256)
 * @param maxAttempts attempts per object for temporary failures before the quarantine
 * @param initialBackoff first wait between attempts, doubled each time
 * @param maxBackoff longest wait between attempts
 * @param registrationLag how far back the registration time sent is (status 45 otherwise)
 * @param sendCpr whether Person objects carry the CPR number
 * @param exportedVisibilities user keys of the visibility classes whose addresses are
 * sent
 * @param itSystem the IT system class whose accounts become Bruger objects; empty =
 * Active Directory
 * @param classes classification UUIDs; each empty one keeps KOMBIT's value
 * @param security OCES3 certificate, SAML token and WS-Security (off by default)
 * @param stopAfterFailures a run stops after this many objects in a row failed the same
 * way; the rest waits for the next run
 * @param allowPlainHttp accept an {@code http://} base URL towards a host that is not a
 * loopback host (never with security on)
 * @param outbox the drain of the hub's outbox for the adapter: the changes committed in
 * the store
 * @param publish the full publish at start (the schedules of the syncs
 * {@code sts-publish} and {@code sts-reconcile} are set under {@code hub.syncs})
 */
@Validated
@ConfigurationProperties("hub.targets.sts")
public record StsProperties(@NotNull @DefaultValue("custom") StsEnvironment environment, URI baseUrl,
		UUID organisationUuid, @Pattern(regexp = "\\d{8}", message = "a CVR number is 8 digits") String cvr,
		UUID actorUuid, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("30s") Duration receiveTimeout, @Min(1) @Max(256) @DefaultValue("16") int concurrency,
		@Min(1) @Max(100) @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("200ms") Duration initialBackoff,
		@NotNull @DefaultValue("10s") Duration maxBackoff, @NotNull @DefaultValue("3m") Duration registrationLag,
		@DefaultValue("false") boolean sendCpr, @NotNull @DefaultValue( {
				"PUBLIC", "INTERNAL" }) Set<@NotBlank String> exportedVisibilities,
		UUID itSystem, @Valid @NotNull @DefaultValue Classes classes, @Valid @NotNull @DefaultValue Security security,
		@Valid @NotNull @DefaultValue Outbox outbox, @Valid @NotNull @DefaultValue Publish publish,
		@Min(1) @Max(100000) @DefaultValue("10") int stopAfterFailures, @DefaultValue("false") boolean allowPlainHttp){

	/**
	 * Classification UUIDs (FORMATS.md values when empty).
	 *
	 * @param enhedsrolle Funktionstype of engagements
	 * @param lederrolle Funktionstype of managers
	 * @param udbetalendeEnhed Funktionstype of payout units
	 * @param henvendelsessted Funktionstype of contact places
	 * @param kleClasses KOMBIT's KLE class UUID per KLE number
	 * ({@code "27.24.00": uuid}); without one a name-based placeholder is sent
	 */
	public record Classes(UUID enhedsrolle, UUID lederrolle, UUID udbetalendeEnhed, UUID henvendelsessted,
			@NotNull @DefaultValue Map<String, UUID> kleClasses) {

		StsClassification build() {
			StsClassification d = StsClassification.defaults();
			return new StsClassification(or(this.enhedsrolle, d.enhedsrolle()), or(this.lederrolle, d.lederrolle()),
					or(this.udbetalendeEnhed, d.udbetalendeEnhed()), or(this.henvendelsessted, d.henvendelsessted()),
					d.unitTypes(), d.unitAddressType(), d.functionAddressType(), d.userAddressType(),
					d.unitAddressRoles(), d.userAddressRoles(), d.opgaverAnsvarlig(), d.opgaverKlasseType(),
					this.kleClasses.isEmpty() ? d.kleClasses() : this.kleClasses, d.kleNamespace());
		}

	}

	/**
	 * Security towards KOMBIT's services: the organisation's OCES3 certificate, a SAML
	 * token from KOMBIT's token service, signed calls, signed answers (see the STS
	 * adapter's README, "Going to production").
	 *
	 * @param enabled off against the local service
	 * @param keystore PKCS#12 file with the OCES3 organisation certificate (FOCES) and
	 * its key
	 * @param keystorePassword secret; give it from the environment
	 * ({@code HUB_TARGETS_STS_SECURITY_KEYSTORE_PASSWORD})
	 * @param keyAlias the certificate's alias
	 * @param stsUrl KOMBIT's token service; empty = the environment's
	 * @param stsEntityId the token service's entity id (the tokens' Issuer); empty = the
	 * environment's (not checked when neither gives one)
	 * @param appliesTo the service's entity id (the tokens' audience); empty = the
	 * environment's
	 * @param stsCertificateAlias alias of the token service's signing certificate in the
	 * truststore
	 * @param serviceCertificateAlias alias of the service's signing certificate in the
	 * truststore (the answers' signatures)
	 * @param verifyAnswers check the service's signature on every answer
	 * @param truststore PKCS#12 file with KOMBIT's certificates
	 * @param truststorePassword secret
	 * ({@code HUB_TARGETS_STS_SECURITY_TRUSTSTORE_PASSWORD})
	 * @param tokenRefreshMargin a token is fetched again this long before it expires
	 * @param clockSkew difference of clocks tolerated on timestamps
	 */
	public record Security(@DefaultValue("false") boolean enabled, Path keystore, String keystorePassword,
			String keyAlias, URI stsUrl, String stsEntityId, String appliesTo, String stsCertificateAlias,
			String serviceCertificateAlias, @DefaultValue("true") boolean verifyAnswers, Path truststore,
			String truststorePassword, @NotNull @DefaultValue("5m") Duration tokenRefreshMargin,
			@NotNull @DefaultValue("5m") Duration clockSkew) {

		StsSecurity build(StsEnvironment environment) {
			return new StsSecurity(this.enabled, this.keystore, this.keystorePassword, this.keyAlias,
					or(this.stsUrl, environment.stsUrl()), or(this.stsEntityId, environment.stsEntityId()),
					or(this.appliesTo, environment.appliesTo()), this.stsCertificateAlias, this.serviceCertificateAlias,
					this.verifyAnswers, this.truststore, this.truststorePassword, this.tokenRefreshMargin,
					this.clockSkew);
		}

		@Override
		public String toString() {
			return build(StsEnvironment.CUSTOM).toString();
		}

	}

	/**
	 * The drain of the hub's outbox for the adapter, as change runs of
	 * {@code sts-publish}.
	 *
	 * @param enabled whether this instance drains the outbox. Several instances on one
	 * database may all drain it: each drain is a run of the sync {@code sts-publish} and
	 * takes that sync's lock in the database, so drains never overlap, and an instance
	 * taking over from another first reloads its state and compares it all with what was
	 * last sent (the work of a full publish with nothing to send). Turning it off on all
	 * but one instance saves that work; it is not needed for correctness.
	 * @param period how often the outbox is looked at
	 * @param batch at most this many outbox rows a drain sends object by object; a larger
	 * backlog is sent by one comparison of the whole state with what was last sent
	 */
	public record Outbox(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("500ms") Duration period,
			@Min(1) @Max(100000) @DefaultValue("1000") int batch) {

	}

	/**
	 * The full publish at start (everything that differs from what was last sent; its
	 * nightly schedule is {@code hub.syncs.sts-publish.cron}).
	 *
	 * @param onStart whether to publish in full shortly after the start
	 * @param startDelay how long after the start
	 */
	public record Publish(@DefaultValue("true") boolean onStart, @NotNull @DefaultValue("2s") Duration startDelay) {

	}

	/**
	 * The adapter's settings.
	 * @throws IllegalStateException naming the key when a setting is missing or wrong
	 */
	StsSettings settings() {
		StsSettings settings = new StsSettings(effectiveBaseUrl(), this.organisationUuid, this.cvr, this.actorUuid,
				this.connectTimeout, this.receiveTimeout, this.concurrency, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, this.registrationLag, this.sendCpr, this.exportedVisibilities,
				(this.itSystem != null) ? this.itSystem
						: DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "Active Directory"),
				this.classes.build(), this.security.build(this.environment), this.stopAfterFailures,
				this.allowPlainHttp);
		try {
			settings.validate();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		return settings;
	}

	/** The base URL in effect: the explicit one, else the environment's. */
	URI effectiveBaseUrl() {
		return or(this.baseUrl, this.environment.baseUrl());
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public String toString() {
		return "StsProperties[environment=" + this.environment + ", baseUrl=" + effectiveBaseUrl()
				+ ", organisationUuid=" + this.organisationUuid + ", cvr=" + this.cvr + ", security=" + this.security
				+ "]";
	}

}
