package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.testkit.ChangePublisherContract;
import dk.orghub.testkit.DeactivatorContract;
import dk.orghub.testkit.ReadBackContract;

/** The test kit's target contracts against the local STS Organisation service. */
class StsTargetContractIT {

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

	static StsOrganisationAdapter target() {
		return new StsOrganisationAdapter(StsSamples.settings(service, municipality),
				new SentLedger(StsSamples.database(), clock), clock, CanonicalState::empty);
	}

	/** A unit (a root: what it refers to, the Organisation, is in the service). */
	static TargetObject<?> unit() {
		UUID uuid = UUID.randomUUID();
		OrgUnit unit = new OrgUnit(uuid, "KONTRAKT-" + uuid.toString().substring(0, 8), "Kontraktenheden", null,
				DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null);
		return new TargetObject<>(ObjectType.ORG_UNIT, uuid,
				Timeline.of(Validity.from(LocalDate.of(2024, 3, 1)), unit));
	}

	@Nested
	class Publishing extends ChangePublisherContract<StsOrganisationAdapter> {

		Publishing() {
			super(StsTargetContractIT::target, target -> unit());
		}

	}

	@Nested
	class Deactivating extends DeactivatorContract<StsOrganisationAdapter> {

		Deactivating() {
			super(StsTargetContractIT::target, target -> unit());
		}

	}

	@Nested
	class ReadingBack extends ReadBackContract<StsOrganisationAdapter> {

		ReadingBack() {
			super(StsTargetContractIT::target, target -> unit());
		}

	}

}
