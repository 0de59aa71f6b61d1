package dk.orghub.adapters.sts.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dk.orghub.adapters.sts.StsCredentials;
import dk.orghub.adapters.sts.StsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The certificates signed calls depend on: the municipality's organisation certificate
 * and KOMBIT's (token service, service), with their expiry on the dashboard, as the
 * Prometheus gauge {@code orghub_sts_certificate_expiry_days{role,alias}}, and in the
 * health of the target ({@link StsHealth}): a warning from {@value #WARN_DAYS} days
 * ahead.
 */
class StsCertificates {

	/** Days ahead from which an expiry is a warning. */
	static final int WARN_DAYS = 60;

	/**
	 * A certificate as the dashboard shows it.
	 *
	 * @param state {@code OK}, {@code WARNING} (expires within {@value #WARN_DAYS} days)
	 * or {@code EXPIRED}
	 */
	public record Certificate(String role, String alias, String subject, Instant notAfter, long daysLeft,
			String state) {

	}

	private final List<StsCredentials.CertificateInfo> certificates;

	private final Clock clock;

	StsCertificates(StsSettings settings, Clock clock, MeterRegistry meters) {
		this.certificates = settings.security().enabled() ? StsCredentials.load(settings.security()).certificates()
				: List.of();
		this.clock = clock;
		for (StsCredentials.CertificateInfo c : this.certificates) {
			Gauge.builder("orghub.sts.certificate.expiry.days", c, (info) -> info.daysLeft(this.clock.instant()))
				.description("Days until the certificate expires (negative once expired)")
				.tag("role", c.role())
				.tag("alias", c.alias())
				.register(meters);
		}
	}

	/** The certificates with their state now (empty without security). */
	List<Certificate> certificates() {
		Instant now = this.clock.instant();
		return this.certificates.stream().map((c) -> {
			long days = c.daysLeft(now);
			String state = !now.isBefore(c.notAfter()) ? "EXPIRED"
					: now.plus(Duration.ofDays(WARN_DAYS)).isAfter(c.notAfter()) ? "WARNING" : "OK";
			return new Certificate(c.role(), c.alias(), c.subject(), c.notAfter(), days, state);
		}).toList();
	}

}
