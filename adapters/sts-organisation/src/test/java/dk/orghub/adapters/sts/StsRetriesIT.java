package dk.orghub.adapters.sts;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries during an outage: a run stops after {@code stop-after-failures} objects in a
 * row failed the same way, with the reason, and leaves the rest for the next run; the
 * service's {@code Retry-After} reaches the backoff.
 */
class StsRetriesIT {

	@Test
	void anOutageStopsTheRunAfterTheConfiguredFailuresInARowAndTheNextRunSendsTheRest() {
		Municipality m = StsSamples.municipality(100);
		CanonicalState state = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.service(m, clock)) {
			StsSettings settings = StsSamples.settings(service, m)
				.withConcurrency(1)
				.withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2))
				.withStopAfterFailures(3);
			SentLedger ledger = new SentLedger(StsSamples.database(), clock);
			try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings, ledger, clock, () -> state)) {
				service.behaviour().unavailable(null);
				long before = service.calls();
				assertThatThrownBy(adapter::publishAll).isInstanceOfSatisfying(StsFailure.class, f -> {
					assertThat(f.kind()).isEqualTo("HTTP 503");
					assertThat(f.isTemporary()).isTrue();
				}).hasMessageContaining("3 objects in a row failed").hasMessageContaining("waits for the next run");
				// three objects tried twice each, nothing more
				assertThat(service.calls() - before).isEqualTo(6);
				assertThat(ledger.quarantined()).hasSize(3);
				assertThat(ledger.hashes()).isEmpty();

				service.behaviour().available();
				StsPublisher.Report report = adapter.publishAll();
				assertThat(report.quarantined()).isZero();
				assertThat(report.created()).isEqualTo(report.mapped() - report.skipped());
			}
		}
	}

	@Test
	void theServicesRetryAfterIsRead() {
		Municipality m = StsSamples.municipality(100);
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.service(m, clock);
				StsClient client = new StsClient(StsSamples.settings(service, m), clock, null)) {
			service.behaviour().unavailable(Duration.ofSeconds(7));
			assertThatThrownBy(() -> client.laes(StsKind.ENHED, UUID.randomUUID()))
				.isInstanceOfSatisfying(StsFailure.class, f -> {
					assertThat(f.kind()).isEqualTo("HTTP 503");
					assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
				});
		}
		Instant now = Instant.parse("2025-01-01T10:00:00Z");
		assertThat(HttpErrors.parse("Wed, 01 Jan 2025 10:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
		assertThat(HttpErrors.parse("soon", now)).isNull();
	}

}
