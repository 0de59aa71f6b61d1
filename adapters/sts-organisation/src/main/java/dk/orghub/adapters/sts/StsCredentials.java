package dk.orghub.adapters.sts;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.orghub.kombit.security.Credential;
import dk.orghub.kombit.security.KombitSecurityException;
import dk.orghub.kombit.security.KombitSecurityException.Reason;
import dk.orghub.kombit.security.TokenCache;
import dk.orghub.kombit.security.TokenClient;

/**
 * What the security settings name, loaded: the organisation's key and certificate,
 * KOMBIT's certificates, and the token cache. Thread-safe.
 */
public final class StsCredentials {

	/**
	 * A certificate the target depends on, for the dashboard and the metrics.
	 *
	 * @param role {@code client} (ours), {@code token-service} or {@code service}
	 * (KOMBIT's)
	 * @param alias its alias in the keystore or truststore
	 * @param subject its subject
	 * @param notAfter when it expires
	 */
	public record CertificateInfo(String role, String alias, String subject, Instant notAfter) {

		/** Days left at {@code now} (negative once expired). */
		public long daysLeft(Instant now) {
			return Duration.between(now, this.notAfter).toDays();
		}

	}

	private final StsSecurity settings;

	private final Credential client;

	private final X509Certificate tokenService;

	private final X509Certificate service;

	private StsCredentials(StsSecurity settings, Credential client, X509Certificate tokenService,
			X509Certificate service) {
		this.settings = settings;
		this.client = client;
		this.tokenService = tokenService;
		this.service = service;
	}

	/**
	 * Reads the keystore and truststore (no network).
	 * @throws KombitSecurityException CONFIGURATION naming the file or alias
	 */
	public static StsCredentials load(StsSecurity settings) {
		Credential client = Credential.load(settings.keystore(), settings.keystorePasswordChars(), settings.keyAlias());
		Map<String, X509Certificate> trusted = Credential.trusted(settings.truststore(),
				settings.truststorePasswordChars());
		X509Certificate tokenService = trusted(trusted, settings.stsCertificateAlias(), settings);
		X509Certificate service = (settings.serviceCertificateAlias() != null)
				? trusted(trusted, settings.serviceCertificateAlias(), settings) : null;
		return new StsCredentials(settings, client, tokenService, service);
	}

	private static X509Certificate trusted(Map<String, X509Certificate> trusted, String alias, StsSecurity settings) {
		X509Certificate c = trusted.get(alias);
		if (c == null) {
			throw new KombitSecurityException(Reason.CONFIGURATION, "no certificate '" + alias + "' in "
					+ settings.truststore() + " (entries: " + trusted.keySet() + ")");
		}
		return c;
	}

	/** A token cache asking the configured token service for {@code cvr}. */
	TokenCache tokens(String cvr, Clock clock, Duration timeout) {
		TokenClient client = new TokenClient(
				new TokenClient.Settings(this.settings.stsUrl(), this.settings.stsEntityId(), this.settings.appliesTo(),
						cvr, this.tokenService, timeout, this.settings.clockSkew()),
				this.client, clock);
		return new TokenCache(client, clock, this.settings.tokenRefreshMargin());
	}

	public Credential client() {
		return this.client;
	}

	/** The service's signing certificate, or null when answers are not checked. */
	X509Certificate service() {
		return this.service;
	}

	StsSecurity settings() {
		return this.settings;
	}

	/** The client certificate and KOMBIT's certificates with their expiry. */
	public List<CertificateInfo> certificates() {
		List<CertificateInfo> result = new ArrayList<>();
		result.add(info("client", this.settings.keyAlias(), this.client.certificate()));
		result.add(info("token-service", this.settings.stsCertificateAlias(), this.tokenService));
		if (this.service != null) {
			result.add(info("service", this.settings.serviceCertificateAlias(), this.service));
		}
		return result;
	}

	private static CertificateInfo info(String role, String alias, X509Certificate c) {
		return new CertificateInfo(role, alias, c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant());
	}

	@Override
	public String toString() {
		return "StsCredentials[" + Credential.describe(this.client.certificate()) + "]";
	}

}
