package dk.orghub.adapters.sts.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dk.orghub.adapters.sts.StsSecurity;
import dk.orghub.adapters.sts.StsSettings;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.sts.LocalCertificates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate monitoring: each certificate's expiry as a state and a gauge, a warning
 * from 60 days ahead, and the target's health DOWN once the organisation certificate
 * expired.
 */
class StsCertificatesTest {

	@TempDir
	Path dir;

	@Test
	void expiryIsAWarningFromSixtyDaysAndTheHealthIsDownOnceTheClientCertificateExpired() {
		Instant now = Instant.parse("2025-01-01T10:00:00Z");
		MutableClock clock = new MutableClock(now);
		char[] password = LocalCertificates.password();
		LocalCertificates.Files files = LocalCertificates.generate("29189846", now, Duration.ofDays(90))
			.write(this.dir, password);
		StsSettings settings = StsSettings.defaults(URI.create("https://sts.example"), UUID.randomUUID(), "29189846")
			.withSecurity(new StsSecurity(true, files.keystore(), new String(password), "client",
					URI.create("https://token.example/issue"), null, StsSecurity.DEFAULT_APPLIES_TO, "token-service",
					"service", true, files.truststore(), new String(password), Duration.ofMinutes(5),
					Duration.ofMinutes(5)));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		StsCertificates certificates = new StsCertificates(settings, clock, meters);
		StsOperations.Failure failure = new StsOperations.Failure("publish", now, "client certificate expired",
				"client certificate expired: ...");
		StsHealth health = new StsHealth(certificates, () -> failure);

		assertThat(certificates.certificates()).extracting(StsCertificates.Certificate::role)
			.containsExactly("client", "token-service", "service");
		assertThat(certificates.certificates()).allMatch((c) -> c.state().equals("OK"));
		assertThat(meters.get("orghub.sts.certificate.expiry.days").tag("role", "client").gauge().value())
			.isBetween(89.0, 90.0);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);

		clock.advance(Duration.ofDays(40));
		assertThat(certificates.certificates()).allMatch((c) -> c.state().equals("WARNING"));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(health.health().getDetails()).containsKey("warning");

		clock.advance(Duration.ofDays(60));
		assertThat(certificates.certificates()).allMatch((c) -> c.state().equals("EXPIRED"));
		assertThat(meters.get("orghub.sts.certificate.expiry.days").tag("role", "client").gauge().value()).isNegative();
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.health().getDetails()).containsEntry("lastFailure",
				"publish at 2025-01-01T10:00:00Z (client certificate expired): client certificate expired: ...");
	}

	@Test
	void withoutSecurityThereIsNothingToWatch() {
		StsSettings settings = StsSettings.defaults(URI.create("https://sts.example"), UUID.randomUUID(), "29189846");
		StsCertificates certificates = new StsCertificates(settings, new MutableClock(Instant.now()),
				new SimpleMeterRegistry());
		assertThat(certificates.certificates()).isEmpty();
		assertThat(new StsHealth(certificates, () -> null).health().getStatus()).isEqualTo(Status.UP);
	}

}
