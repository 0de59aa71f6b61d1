package dk.orghub.adapters.sd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;
import dk.orghub.testkit.ChangeFeedSourceContract;

/**
 * The SD adapter against the test kit's change-feed contract, over HTTP to the stub; a
 * change is a unit renamed from the next day on.
 */
class SdChangeFeedContractIT extends ChangeFeedSourceContract {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	private static Municipality municipality;

	private static SdStub stub;

	private static int renames;

	@BeforeAll
	static void startStub() {
		municipality = MunicipalityGenerator.generate(20070101L, 100);
		stub = SdStub.start(municipality, "hub", "secret", "XY");
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Override
	protected Clock clock() {
		return clock;
	}

	@Override
	protected Adapter createAdapter() {
		return new SdAdapter(SdConfig.of(stub.baseUri(), "XY", "hub", "secret"), clock);
	}

	/** Moves the clock a day on and renames a unit (below the root) from that day. */
	@Override
	protected void changeTheSource() {
		clock.advance(Duration.ofDays(1));
		LocalDate today = LocalDate.now(clock);
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(municipality.units());
		OrgUnit unit = units.values()
			.stream()
			.map(t -> t.at(today).orElse(null))
			.filter(u -> u != null && u.parent() != null && units.get(u.uuid()).covers(Validity.from(today)))
			.findFirst()
			.orElseThrow();
		renames++;
		units.put(unit.uuid(),
				units.get(unit.uuid())
					.put(Validity.from(today), new OrgUnit(unit.uuid(), unit.userKey(), "Omdøbt enhed " + renames,
							unit.parent(), unit.unitType(), unit.unitLevel(), unit.payoutUnit())));
		Municipality m = municipality;
		municipality = new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), units,
				m.persons(), m.engagements(), m.managers(), m.addresses(), m.kle());
		stub.update(municipality, today);
	}

}
