package dk.orghub.kombit.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import dk.orghub.kombit.security.KombitSecurityException.Reason;

/**
 * The organisation's key and certificate (FOCES/OCES3 from MitID Erhverv), from a PKCS#12
 * file. {@link #toString()} names the certificate only.
 *
 * @param key the private key (holder of key of every token)
 * @param certificate its certificate
 */
public record Credential(PrivateKey key, X509Certificate certificate) {

	/**
	 * Loads the key entry {@code alias} of a PKCS#12 file.
	 * @throws KombitSecurityException CONFIGURATION naming the file or alias (never the
	 * password)
	 */
	public static Credential load(Path file, char[] password, String alias) {
		KeyStore store = keyStore(file, password);
		try {
			if (!store.isKeyEntry(alias)) {
				throw new KombitSecurityException(Reason.CONFIGURATION, "no key entry '" + alias + "' in " + file
						+ " (entries: " + Collections.list(store.aliases()) + ")");
			}
			PrivateKey key = (PrivateKey) store.getKey(alias, password);
			X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
			return new Credential(key, certificate);
		}
		catch (GeneralSecurityException ex) {
			throw new KombitSecurityException(Reason.CONFIGURATION,
					"cannot read the key '" + alias + "' of " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Every certificate of a PKCS#12 truststore, by alias. */
	public static Map<String, X509Certificate> trusted(Path file, char[] password) {
		KeyStore store = keyStore(file, password);
		try {
			Map<String, X509Certificate> result = new TreeMap<>();
			for (String alias : Collections.list(store.aliases())) {
				if (store.getCertificate(alias) instanceof X509Certificate c) {
					result.put(alias, c);
				}
			}
			return result;
		}
		catch (GeneralSecurityException ex) {
			throw new KombitSecurityException(Reason.CONFIGURATION,
					"cannot read the certificates of " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static KeyStore keyStore(Path file, char[] password) {
		if (file == null || !Files.isReadable(file)) {
			throw new KombitSecurityException(Reason.CONFIGURATION, "cannot read " + file);
		}
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new KombitSecurityException(Reason.CONFIGURATION, "cannot open the PKCS#12 file " + file
					+ " (wrong password or not PKCS#12): " + ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Checks that the certificate is valid at {@code now}.
	 * @throws KombitSecurityException CERTIFICATE_EXPIRED or CERTIFICATE_NOT_YET_VALID
	 */
	public void checkValid(Instant now) {
		try {
			this.certificate.checkValidity(Date.from(now));
		}
		catch (CertificateExpiredException ex) {
			throw new KombitSecurityException(Reason.CERTIFICATE_EXPIRED,
					describe(this.certificate) + " expired on " + this.certificate.getNotAfter().toInstant());
		}
		catch (CertificateNotYetValidException ex) {
			throw new KombitSecurityException(Reason.CERTIFICATE_NOT_YET_VALID,
					describe(this.certificate) + " is valid from " + this.certificate.getNotBefore().toInstant());
		}
	}

	/** Subject and serial number of a certificate, for messages. */
	public static String describe(X509Certificate c) {
		return "certificate '" + c.getSubjectX500Principal().getName() + "' (serial " + c.getSerialNumber().toString(16)
				+ ")";
	}

	@Override
	public String toString() {
		return "Credential[" + describe(this.certificate) + "]";
	}

}
