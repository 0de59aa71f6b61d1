package dk.orghub.adapters.sts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.orghub.core.spi.AdapterConfigurationException;

/**
 * Security towards KOMBIT's real service ({@code hub.targets.sts.security.*}): an OCES3
 * system certificate, a SAML 2.0 holder-of-key token from KOMBIT's STS (WS-Trust) with
 * the municipality's CVR as claim, and WS-Security signed SOAP through CXF. Off against
 * the local service. See the module README for what is and is not tested.
 *
 * @param enabled {@code enabled} (default false)
 * @param keystore {@code keystore}: PKCS#12 file with the OCES3 system certificate
 * @param keystorePassword {@code keystore-password} (secret: from the environment, never
 * logged)
 * @param keyAlias {@code key-alias}
 * @param stsUrl {@code sts-url}: KOMBIT's security token service (WS-Trust issue
 * endpoint)
 * @param appliesTo {@code applies-to} (default
 * {@code http://stoettesystemerne.dk/service/organisation/3})
 * @param stsCertificateAlias {@code sts-certificate-alias}: alias of KOMBIT STS's signing
 * certificate in the truststore
 * @param truststore {@code truststore}: PKCS#12 file with KOMBIT's certificates
 * @param truststorePassword {@code truststore-password} (secret)
 */
public record StsSecurity(boolean enabled, Path keystore, String keystorePassword, String keyAlias, URI stsUrl,
		String appliesTo, String stsCertificateAlias, Path truststore, String truststorePassword) {

	/** The SAML claim carrying the municipality's CVR number. */
	public static final String CVR_CLAIM = "dk:gov:saml:attribute:CvrNumberIdentifier";

	public static final String DEFAULT_APPLIES_TO = "http://stoettesystemerne.dk/service/organisation/3";

	/**
	 * CXF's STS client; it comes with {@code cxf-rt-ws-security}, not on this module's
	 * path.
	 */
	static final String STS_CLIENT_CLASS = "org.apache.cxf.ws.security.trust.STSClient";

	public static StsSecurity off() {
		return new StsSecurity(false, null, null, null, null, DEFAULT_APPLIES_TO, null, null, null);
	}

	void validate(URI baseUrl) {
		if (!this.enabled) {
			return;
		}
		if (!"https".equals(baseUrl.getScheme())) {
			throw new AdapterConfigurationException(
					"hub.targets.sts.base-url must be https when hub.targets.sts.security.enabled is true");
		}
		file(this.keystore, "keystore");
		file(this.truststore, "truststore");
		if (this.keystorePassword == null || this.keyAlias == null || this.stsUrl == null
				|| this.stsCertificateAlias == null) {
			throw new AdapterConfigurationException("hub.targets.sts.security: keystore-password, key-alias, "
					+ "sts-url and sts-certificate-alias are required when enabled");
		}
		try {
			Class.forName(STS_CLIENT_CLASS);
		}
		catch (ClassNotFoundException ex) {
			throw new AdapterConfigurationException("hub.targets.sts.security.enabled needs "
					+ "org.apache.cxf:cxf-rt-ws-security on the class path (not bundled: see the module README)");
		}
	}

	private static void file(Path path, String name) {
		if (path == null || !Files.isReadable(path)) {
			throw new AdapterConfigurationException(
					"hub.targets.sts.security." + name + " must name a readable file, was " + path);
		}
	}

	@Override
	public String toString() {
		return "StsSecurity[enabled=" + this.enabled + ", keystore=" + this.keystore + ", keyAlias=" + this.keyAlias
				+ ", stsUrl=" + this.stsUrl + ", appliesTo=" + this.appliesTo + ", passwords=(hidden)]";
	}

}
