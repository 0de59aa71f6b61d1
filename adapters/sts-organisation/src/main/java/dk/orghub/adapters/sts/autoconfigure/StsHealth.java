package dk.orghub.adapters.sts.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of the STS Organisation target ({@code stsTarget}): DOWN once the
 * organisation certificate has expired (every call would be refused), with each
 * certificate's expiry, a warning from {@value StsCertificates#WARN_DAYS} days ahead, and
 * the kind and message of the target's last failure.
 */
class StsHealth implements HealthIndicator {

	private final StsCertificates certificates;

	private final Supplier<StsOperations.Failure> lastFailure;

	StsHealth(StsCertificates certificates, Supplier<StsOperations.Failure> lastFailure) {
		this.certificates = certificates;
		this.lastFailure = lastFailure;
	}

	@Override
	public Health health() {
		List<StsCertificates.Certificate> certificates = this.certificates.certificates();
		Map<String, Object> details = new LinkedHashMap<>();
		for (StsCertificates.Certificate c : certificates) {
			details.put("certificate." + c.role(),
					c.state() + ", expires " + c.notAfter() + " (" + c.daysLeft() + " days)");
		}
		StsOperations.Failure failure = this.lastFailure.get();
		if (failure != null) {
			details.put("lastFailure",
					failure.operation() + " at " + failure.at() + " (" + failure.kind() + "): " + failure.message());
		}
		boolean clientExpired = certificates.stream()
			.anyMatch((c) -> c.role().equals("client") && c.state().equals("EXPIRED"));
		Health.Builder health = clientExpired ? Health.down() : Health.up();
		if (clientExpired) {
			details.put("reason", "the organisation certificate has expired: renew it (MitID Erhverv) and replace "
					+ "hub.targets.sts.security.keystore");
		}
		else if (certificates.stream().anyMatch((c) -> !c.state().equals("OK"))) {
			details.put("warning", "a certificate expires within " + StsCertificates.WARN_DAYS + " days");
		}
		return health.withDetails(details).build();
	}

}
