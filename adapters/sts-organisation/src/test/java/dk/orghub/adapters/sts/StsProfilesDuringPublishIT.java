package dk.orghub.adapters.sts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer profiles answer while a full publish holds the adapter (a reader of the
 * readiness page must not wait for the night's publish), with the findings of the objects
 * that publish is sending.
 */
class StsProfilesDuringPublishIT {

	@Test
	void theProfilesAnswerWhileAPublishIsSending() throws Exception {
		Municipality m = StsSamples.municipality(100);
		CanonicalState state = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (LocalStsService service = StsSamples.service(m, clock);
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(StsSamples.settings(service, m),
						new SentLedger(StsSamples.database(), clock), clock, () -> state, (kind, operation, body) -> {
							sending.countDown();
							StsSamples.holdUntil(release);
						})) {
			CompletableFuture<StsPublisher.Report> publish = CompletableFuture.supplyAsync(adapter::publishAll);
			assertThat(sending.await(60, TimeUnit.SECONDS)).as("the publish sends its first call").isTrue();

			List<StsProfiles.ProfileReport> profiles = CompletableFuture.supplyAsync(adapter::profiles)
				.get(20, TimeUnit.SECONDS);
			assertThat(publish).as("the publish is still held in its first call").isNotDone();
			List<StsProfiles.ProfileReport> expected = StsSamples.expectedProfiles(service, m, state);
			assertThat(profiles).extracting(StsProfiles.ProfileReport::name).containsExactly("KY", "KSD", "SAPA");
			assertThat(profiles.get(0).findings()).isNotEmpty().isEqualTo(expected.get(0).findings());

			release.countDown();
			assertThat(publish.get(120, TimeUnit.SECONDS).quarantined()).isZero();
		}
		finally {
			release.countDown();
		}
	}

}
