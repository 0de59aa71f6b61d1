package dk.orghub.adapters.sts;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Organisation;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's lean local service (importer answered from memory) stores what the full
 * service stores, answers a second importer of an object 49, and a reconcile against it
 * finds nothing drifted.
 */
class StsLeanServiceIT {

	@Test
	void leanServiceStoresWhatTheFullServiceStores() {
		Municipality m = StsSamples.municipality(100);
		CanonicalState state = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		Organisation organisation = StsSamples.organisation(m);
		try (LocalStsService full = StsSamples.service(m, clock);
				LocalStsService lean = LocalStsService.startLean(clock)) {
			lean.seedOrganisation(organisation.uuid(), organisation.userKey(), organisation.name());
			StsPublisher.Report toFull = publish(full, m, state, clock, false);
			StsPublisher.Report toLean = publish(lean, m, state, clock, true);
			assertThat(toLean.quarantined()).isZero();
			assertThat(toLean.created()).isEqualTo(toFull.created()).isPositive();
			assertThat(lean.stored()).isEqualTo(toLean.created() + 1);
			lean.file();
			assertThat(lean.registry().snapshot()).isEqualTo(full.registry().snapshot());
		}
	}

	private static StsPublisher.Report publish(LocalStsService service, Municipality m, CanonicalState state,
			Clock clock, boolean reconcile) {
		StsSettings settings = StsSamples.settings(service, m);
		try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings,
				new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
			StsPublisher.Report report = adapter.publishAll();
			if (reconcile) {
				StsObject unit = adapter.client().laes(StsKind.ENHED, m.root()).orElseThrow();
				assertThat(adapter.client().importer(unit).getStatusKode().intValue())
					.isEqualTo(StsClient.EXISTS_OR_PASSIVE);
				assertThat(adapter.reconcile().drifted()).isEmpty();
			}
			return report;
		}
	}

}
