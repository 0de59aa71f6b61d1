package dk.orghub.adapters.sts;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample municipality through the mapping, SOAP and the local service, and back. */
class StsPublishIT {

	@Test
	void sampleMunicipalityPublishesInFullAndASecondRunSendsNothing() {
		Municipality m = StsSamples.municipality(500);
		CanonicalState state = StsSamples.state(m);
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = StsSamples.service(m, clock)) {
			StsSettings settings = StsSamples.settings(service, m);
			SentLedger ledger = new SentLedger(StsSamples.database(), clock);
			try (StsClient client = new StsClient(settings, clock, null)) {
				StsPublisher publisher = new StsPublisher(settings, client, ledger, clock);
				Map<Key, StsObject> wanted = publisher.mapper().map(state, StsSamples.TODAY);
				StsPublisher.Report first = publisher.publish(state);
				assertThat(first.quarantined()).isZero();
				assertThat(ledger.quarantined()).isEmpty();
				assertThat(first.created()).isEqualTo(wanted.size() - first.skipped());
				assertThat(first.calls()).isEqualTo(first.created());
				assertThat(service.registry().count(Kind.ENHED)).isEqualTo(m.units().size());
				assertThat(service.registry().count(Kind.BRUGER)).isPositive();

				StsPublisher.Report second = publisher.publish(state);
				assertThat(second.calls()).isZero();
				assertThat(second.unchanged()).isEqualTo(first.created());

				StsObject root = wanted.get(new Key(StsKind.ENHED, m.root()));
				StsObject read = client.laes(StsKind.ENHED, m.root()).orElseThrow();
				assertThat(read.hash()).isEqualTo(root.hash());
				assertThat(read.relations()).isEqualTo(root.relations());
			}
		}
	}

}
