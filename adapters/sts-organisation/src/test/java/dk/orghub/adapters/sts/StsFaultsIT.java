package dk.orghub.adapters.sts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the local service failing 30% of calls (some before, some after carrying them out)
 * and adding latency, a full publish ends with the same stored state as a clean run and
 * an empty quarantine.
 */
class StsFaultsIT {

	@Test
	void faultyServiceEndsInTheSameStateAsACleanRun() {
		Municipality m = StsSamples.municipality(200);
		CanonicalState state = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		Map<String, String> clean = publish(m, state, clock, 0.0, 0);
		Map<String, String> faulty = publish(m, state, clock, 0.3, 2);
		assertThat(faulty).hasSize(clean.size()).isEqualTo(clean);
	}

	private static Map<String, String> publish(Municipality m, CanonicalState state, MutableClock clock, double share,
			long latency) {
		try (LocalStsService service = StsSamples.service(m, clock)) {
			service.behaviour().failureShare(share).latency(latency);
			StsSettings settings = StsSamples.settings(service, m);
			SentLedger ledger = new SentLedger(StsSamples.database(), clock);
			try (StsClient client = new StsClient(settings, clock, null)) {
				StsPublisher.Report report = new StsPublisher(settings, client, ledger, clock).publish(state);
				assertThat(ledger.quarantined()).isEmpty();
				assertThat(report.quarantined()).isZero();
				if (share > 0) {
					assertThat(service.calls()).isGreaterThan(report.created());
				}
			}
			for (Kind kind : List.of(Kind.ENHED, Kind.FUNKTION, Kind.BRUGER, Kind.PERSON, Kind.ADRESSE)) {
				for (String uuid : service.registry().uuids(kind)) {
					assertThat(service.registry().get(kind, uuid).orElseThrow().registrations())
						.as("a retry after a lost answer adds no registration: %s %s", kind, uuid)
						.isEqualTo(1);
				}
			}
			return service.registry().snapshot();
		}
	}

}
