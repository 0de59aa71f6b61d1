package dk.orghub.samples.sts;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dk.orghub.kombit.security.Credential;

/**
 * Throwaway certificates for the local token service, the demo and tests: a CA standing
 * in for the OCES3 issuer, the municipality's FOCES-like organisation certificate, and
 * the signing certificates of the local token service and the local STS service; and the
 * PKCS#12 files the hub reads.
 */
public final class LocalCertificates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LocalCertificates() {
	}

	/**
	 * A full set, valid from {@code now - 1 day} for {@code validity}.
	 *
	 * @param ca the issuer of the organisation certificate
	 * @param client the municipality's organisation certificate (FOCES-like)
	 * @param tokenService the local token service's signing certificate
	 * @param service the local STS service's signing certificate
	 */
	public record Set(Credential ca, Credential client, Credential tokenService, Credential service) {

		/**
		 * Writes {@code client.p12} (alias {@code client}) and {@code kombit.p12}
		 * (aliases {@code token-service}, {@code service}, {@code ca}) into {@code dir},
		 * both protected by {@code password}.
		 */
		public Files write(Path dir, char[] password) {
			try {
				java.nio.file.Files.createDirectories(dir);
				Path keystore = dir.resolve("client.p12");
				Path truststore = dir.resolve("kombit.p12");
				writeKeystore(keystore, "client", this.client, password);
				writeTruststore(truststore, Map.of("token-service", this.tokenService.certificate(), "service",
						this.service.certificate(), "ca", this.ca.certificate()), password);
				return new Files(keystore, truststore);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot write certificates to " + dir, ex);
			}
		}

	}

	/** Where {@link Set#write} put the files. */
	public record Files(Path keystore, Path truststore) {

	}

	/** Generates a set for {@code cvr}. */
	public static Set generate(String cvr, Instant now, Duration validity) {
		Instant from = now.minus(Duration.ofDays(1));
		Instant to = now.plus(validity);
		Credential ca = selfSigned("CN=Local OCES3 test CA,O=orghub samples,C=DK", from, to.plus(Duration.ofDays(1)));
		return new Set(ca,
				issue(ca, "CN=Organisation hub,O=Municipality,SERIALNUMBER=CVR:" + cvr + "-FID:1,C=DK", from, to),
				selfSigned("CN=Local token service,O=orghub samples,C=DK", from, to),
				selfSigned("CN=Local STS Organisation,O=orghub samples,C=DK", from, to));
	}

	/** A random password for generated files. */
	public static char[] password() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, RANDOM);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A self-signed certificate (a CA) valid from {@code from} to {@code to}. */
	public static Credential selfSigned(String subject, Instant from, Instant to) {
		KeyPair pair = keyPair();
		return new Credential(pair.getPrivate(), certificate(subject, pair, subject, pair, from, to, true));
	}

	/** A certificate issued by {@code issuer}, valid from {@code from} to {@code to}. */
	public static Credential issue(Credential issuer, String subject, Instant from, Instant to) {
		KeyPair pair = keyPair();
		return new Credential(pair.getPrivate(),
				certificate(subject, pair, issuer.certificate().getSubjectX500Principal().getName(),
						new KeyPair(issuer.certificate().getPublicKey(), issuer.key()), from, to, false));
	}

	private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
			Instant from, Instant to, boolean ca) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
					new BigInteger(64, RANDOM), Date.from(from), Date.from(to), new X500Name(subject),
					subjectKeys.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
					: KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("cannot make a certificate for " + subject, ex);
		}
	}

	/** Writes a PKCS#12 file with one key entry. */
	public static void writeKeystore(Path file, String alias, Credential credential, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(alias, credential.key(), password, new X509Certificate[] { credential.certificate() });
			save(store, file, password);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot write " + file, ex);
		}
	}

	/** Writes a PKCS#12 file of trusted certificates. */
	public static void writeTruststore(Path file, Map<String, X509Certificate> certificates, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			for (Map.Entry<String, X509Certificate> e : certificates.entrySet()) {
				store.setCertificateEntry(e.getKey(), e.getValue());
			}
			save(store, file, password);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("cannot write " + file, ex);
		}
	}

	private static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
		try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
			store.store(out, password);
		}
	}

}
