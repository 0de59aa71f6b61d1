package dk.orghub.adapters.sts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.PlainConnections;
import dk.orghub.kombit.security.KombitSecurityException;

/**
 * Security towards KOMBIT's services ({@code hub.targets.sts.security.*}): the
 * organisation's OCES3 certificate (FOCES, a PKCS#12 file), a SAML 2.0 holder-of-key
 * token from KOMBIT's token service (WS-Trust 1.3) with the municipality's CVR number as
 * claim, every call signed per the OIOIDWS profile, and the answers' signatures checked.
 *
 * @param enabled {@code enabled} (default false)
 * @param keystore {@code keystore}: PKCS#12 file with the organisation certificate and
 * its key
 * @param keystorePassword {@code keystore-password} (secret: from the environment, never
 * logged)
 * @param keyAlias {@code key-alias}
 * @param stsUrl {@code sts-url}: KOMBIT's token service
 * @param stsEntityId {@code sts-entity-id}: the token service's entity id (the tokens'
 * Issuer); null = not checked
 * @param appliesTo {@code applies-to}: the service's entity id (the tokens' audience)
 * @param stsCertificateAlias {@code sts-certificate-alias}: the token service's signing
 * certificate in the truststore
 * @param serviceCertificateAlias {@code service-certificate-alias}: the service's signing
 * certificate in the truststore (its answers' signatures)
 * @param verifyAnswers {@code verify-answers}: check the service's signature on every
 * answer (default true)
 * @param truststore {@code truststore}: PKCS#12 file with KOMBIT's certificates
 * @param truststorePassword {@code truststore-password} (secret)
 * @param tokenRefreshMargin {@code token-refresh-margin}: a token is fetched again this
 * long before it expires (default 5 minutes)
 * @param clockSkew {@code clock-skew}: difference of clocks tolerated on timestamps
 * (default 5 minutes)
 */
public record StsSecurity(boolean enabled, Path keystore, String keystorePassword, String keyAlias, URI stsUrl,
		String stsEntityId, String appliesTo, String stsCertificateAlias, String serviceCertificateAlias,
		boolean verifyAnswers, Path truststore, String truststorePassword, Duration tokenRefreshMargin,
		Duration clockSkew) {

	/** The SAML claim carrying the municipality's CVR number. */
	public static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";

	public static final String DEFAULT_APPLIES_TO = "http://stoettesystemerne.dk/service/organisation/3";

	public static StsSecurity off() {
		return new StsSecurity(false, null, null, null, null, null, DEFAULT_APPLIES_TO, null, null, true, null, null,
				Duration.ofMinutes(5), Duration.ofMinutes(5));
	}

	void validate(URI baseUrl) {
		if (!this.enabled) {
			return;
		}
		secureUrl(baseUrl, "base-url");
		if (this.stsUrl == null) {
			throw new AdapterConfigurationException(
					"hub.targets.sts.security.sts-url (KOMBIT's token service) is required when security is enabled");
		}
		secureUrl(this.stsUrl, "security.sts-url");
		file(this.keystore, "keystore");
		file(this.truststore, "truststore");
		if (this.keystorePassword == null || this.keyAlias == null || this.stsCertificateAlias == null
				|| this.appliesTo == null) {
			throw new AdapterConfigurationException("hub.targets.sts.security: keystore-password "
					+ "(HUB_TARGETS_STS_SECURITY_KEYSTORE_PASSWORD), key-alias, applies-to and sts-certificate-alias "
					+ "are required when enabled");
		}
		if (this.verifyAnswers && this.serviceCertificateAlias == null) {
			throw new AdapterConfigurationException("hub.targets.sts.security.service-certificate-alias is required "
					+ "while verify-answers is true (the certificate KOMBIT's service signs its answers with)");
		}
		positive(this.tokenRefreshMargin, "token-refresh-margin");
		positive(this.clockSkew, "clock-skew");
		try {
			StsCredentials.load(this);
		}
		catch (KombitSecurityException ex) {
			throw new AdapterConfigurationException("hub.targets.sts.security: " + ex.getMessage());
		}
	}

	private static void positive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new AdapterConfigurationException("hub.targets.sts.security." + name + " must be positive");
		}
	}

	/**
	 * With security on, only https, except towards a loopback host (tests, the demo).
	 */
	private static void secureUrl(URI url, String name) {
		if (!"https".equals(url.getScheme()) && !PlainConnections.loopback(url)) {
			throw new AdapterConfigurationException("hub.targets.sts." + name
					+ " must be an https URL when hub.targets.sts.security.enabled is true (plain http only to a "
					+ "loopback host), was " + url);
		}
	}

	private static void file(Path path, String name) {
		if (path == null || !Files.isReadable(path)) {
			throw new AdapterConfigurationException(
					"hub.targets.sts.security." + name + " must name a readable file, was " + path);
		}
	}

	char[] keystorePasswordChars() {
		return (this.keystorePassword != null) ? this.keystorePassword.toCharArray() : new char[0];
	}

	char[] truststorePasswordChars() {
		return (this.truststorePassword != null) ? this.truststorePassword.toCharArray() : new char[0];
	}

	@Override
	public String toString() {
		return "StsSecurity[enabled=" + this.enabled + ", keystore=" + this.keystore + ", keyAlias=" + this.keyAlias
				+ ", stsUrl=" + this.stsUrl + ", appliesTo=" + this.appliesTo + ", passwords=(hidden)]";
	}

}
