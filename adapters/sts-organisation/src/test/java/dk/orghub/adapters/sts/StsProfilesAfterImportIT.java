package dk.orghub.adapters.sts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer profiles never answer from a mapping of an older store state: the publish
 * at start maps the store before the first import has committed, and while the adapter is
 * held (here by a deactivation waiting for its call) the profiles map the store as it is
 * now rather than report the empty state as ready.
 */
class StsProfilesAfterImportIT {

	@Test
	void theProfilesMapTheStoreAgainWhenItRegisteredAChangeSinceTheLastMapping() throws Exception {
		Municipality m = StsSamples.municipality(100);
		CanonicalState imported = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		AtomicReference<CanonicalState> store = new AtomicReference<>(CanonicalState.empty());
		AtomicReference<Instant> lastRegistered = new AtomicReference<>(Instant.EPOCH);
		AtomicBoolean hold = new AtomicBoolean();
		CountDownLatch sending = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (LocalStsService service = StsSamples.service(m, clock);
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(StsSamples.settings(service, m),
						new SentLedger(StsSamples.database(), clock), clock, store::get, (kind, operation, body) -> {
							if (hold.get()) {
								sending.countDown();
								StsSamples.holdUntil(release);
							}
						})
					.knowingRegistrations(lastRegistered::get)) {
			// the publish at start, before the import
			adapter.publishAll();
			assertThat(adapter.profiles()).allSatisfy(p -> assertThat(p.checked()).isZero());

			// the import commits
			store.set(imported);
			lastRegistered.set(clock.instant());
			// something holds the adapter without mapping again
			hold.set(true);
			UUID unit = imported.units().keySet().iterator().next();
			CompletableFuture<Void> held = CompletableFuture
				.runAsync(() -> adapter.deactivate(ObjectType.ORG_UNIT, unit, StsSamples.TODAY));
			assertThat(sending.await(60, TimeUnit.SECONDS)).as("the adapter is held in a call").isTrue();

			List<StsProfiles.ProfileReport> profiles = CompletableFuture.supplyAsync(adapter::profiles)
				.get(20, TimeUnit.SECONDS);
			assertThat(held).as("the adapter is still held").isNotDone();
			List<StsProfiles.ProfileReport> expected = StsSamples.expectedProfiles(service, m, imported);
			assertThat(profiles).extracting(StsProfiles.ProfileReport::name).containsExactly("KY", "KSD", "SAPA");
			assertThat(profiles).extracting(StsProfiles.ProfileReport::checked)
				.isEqualTo(expected.stream().map(StsProfiles.ProfileReport::checked).toList())
				.allSatisfy(checked -> assertThat(checked).isPositive());
			assertThat(profiles.get(0).findings()).isEqualTo(expected.get(0).findings());

			release.countDown();
			held.get(60, TimeUnit.SECONDS);
			// nothing registered since: the profiles' own mapping serves
			assertThat(adapter.profiles()).extracting(StsProfiles.ProfileReport::checked)
				.isEqualTo(expected.stream().map(StsProfiles.ProfileReport::checked).toList());
		}
		finally {
			release.countDown();
		}
	}

}
