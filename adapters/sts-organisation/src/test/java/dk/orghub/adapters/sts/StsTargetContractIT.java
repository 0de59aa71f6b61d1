package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.spi.contract.TargetContract;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

/** The SPI's target contract against the local STS Organisation service. */
class StsTargetContractIT extends TargetContract<StsOrganisationAdapter> {

	private static final MutableClock clock = StsSamples.clock();

	private static final Municipality municipality = StsSamples.municipality(100);

	private static LocalStsService service;

	@BeforeAll
	static void start() {
		service = StsSamples.service(municipality, clock);
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Override
	protected StsOrganisationAdapter createTarget() {
		return new StsOrganisationAdapter(StsSamples.settings(service, municipality),
				new SentLedger(StsSamples.database(), clock), clock, CanonicalState::empty);
	}

	/** A unit (a root: what it refers to, the Organisation, is in the service). */
	@Override
	protected TargetObject<?> sampleObject(StsOrganisationAdapter target) {
		UUID uuid = UUID.randomUUID();
		OrgUnit unit = new OrgUnit(uuid, "KONTRAKT-" + uuid.toString().substring(0, 8), "Kontraktenheden", null,
				DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null);
		return new TargetObject<>(ObjectType.ORG_UNIT, uuid,
				Timeline.of(Validity.from(LocalDate.of(2024, 3, 1)), unit));
	}

}
