package dk.orghub.adapters.sd;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SdSync}, the entry point a scheduled route calls, against the SD stub: a full
 * run, a run with nothing new, a preview, a new unit, and a unit SD no longer has.
 */
class SdSyncIT {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T02:00:00Z"));

	private Municipality municipality;

	private SdStub stub;

	private JdbcOrgStore store;

	private SdSync sync;

	@BeforeEach
	void start() {
		this.municipality = MunicipalityGenerator.generate(20070102L, 200);
		this.stub = SdStub.start(this.municipality, "hub", "secret", "XY");
		this.store = TestStores.h2(this.clock);
		this.sync = new SdSync(new SdAdapter(SdConfig.of(this.stub.baseUri(), "XY", "hub", "secret"), this.clock),
				this.store, FieldPolicy.none(), this.clock);
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void fullRunThenChangeRunsFromTheStoredToken() {
		SdRunReport first = this.sync.run(false);
		assertThat(first.mode()).isEqualTo(SdRunReport.Mode.FULL);
		assertThat(first.status()).isEqualTo(SdRunReport.Status.APPLIED);
		assertThat(first.rejected()).isEmpty();
		assertThat(first.count(ObjectChange.Kind.CREATED)).isGreaterThan(200);
		assertThat(this.sync.lastFetched()).contains("2025-01-15");

		SdRunReport nothing = this.sync.run(false);
		assertThat(nothing.mode()).isEqualTo(SdRunReport.Mode.CHANGES);
		assertThat(nothing.status()).isEqualTo(SdRunReport.Status.UNCHANGED);

		UUID root = this.municipality.root();
		UUID added = UUID.nameUUIDFromBytes("sd sync test unit".getBytes());
		LocalDate opened = LocalDate.of(2025, 2, 1);
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(this.municipality.units());
		units.put(added,
				Timeline.of(Validity.from(opened),
						new OrgUnit(added, "NYT01", "Ny enhed", root,
								DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"),
								DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "NY1-niveau"), null)));
		this.stub.update(with(units), LocalDate.of(2025, 1, 20));
		this.clock.set(Instant.parse("2025-01-20T02:00:00Z"));

		SdRunReport preview = this.sync.run(true);
		assertThat(preview.status()).isEqualTo(SdRunReport.Status.PREVIEW);
		assertThat(preview.count(ObjectChange.Kind.CREATED)).isEqualTo(1);
		assertThat(this.store.get(OrgUnit.class, added, point(opened))).as("a preview writes nothing").isEmpty();

		SdRunReport withUnit = this.sync.run(false);
		assertThat(withUnit.status()).isEqualTo(SdRunReport.Status.APPLIED);
		assertThat(this.store.get(OrgUnit.class, added, point(opened))).isPresent();
		assertThat(this.store.get(OrgUnit.class, added, point(opened.minusDays(1)))).isEmpty();
		assertThat(this.sync.lastFetched()).contains("2025-01-20");

		units.remove(added);
		LocalDate movedOn = LocalDate.of(2025, 2, 10);
		Map.Entry<UUID, Timeline<OrgUnit>> moving = units.entrySet()
			.stream()
			.filter(e -> e.getValue().covers(Validity.from(LocalDate.of(2020, 1, 1))))
			.filter(e -> e.getValue()
				.at(movedOn)
				.map(u -> u.parent() != null && !u.parent().equals(root))
				.orElse(false))
			.findFirst()
			.orElseThrow();
		OrgUnit before = moving.getValue().at(movedOn).orElseThrow();
		units.put(moving.getKey(),
				moving.getValue()
					.put(Validity.from(movedOn), new OrgUnit(before.uuid(), before.userKey(), before.name(), root,
							before.unitType(), before.unitLevel(), before.payoutUnit())));
		this.stub.update(with(units), LocalDate.of(2025, 2, 10));
		this.clock.set(Instant.parse("2025-02-10T02:00:00Z"));
		SdRunReport gone = this.sync.run(false);
		assertThat(gone.count(ObjectChange.Kind.ENDED)).isEqualTo(1);
		assertThat(this.store.get(OrgUnit.class, added, point(LocalDate.of(2025, 2, 9)))).isPresent();
		assertThat(this.store.get(OrgUnit.class, added, point(LocalDate.of(2025, 2, 10))))
			.as("ended the day SD no longer had it")
			.isEmpty();
		assertThat(unitAt(before.uuid(), movedOn).parent()).as("moved under the root").isEqualTo(root);
		assertThat(unitAt(before.uuid(), movedOn.minusDays(1)).parent())
			.as("SD gives only today's tree: the history before the run keeps the stored parent")
			.isEqualTo(before.parent());
		assertThat(unitAt(before.uuid(), LocalDate.of(2020, 1, 1)).parent()).isEqualTo(before.parent());

		SdRunReport fullAgain = this.sync.full(false);
		assertThat(fullAgain.count(ObjectChange.Kind.CHANGED)).as("a full run keeps that history too").isZero();
	}

	private Municipality with(Map<UUID, Timeline<OrgUnit>> units) {
		Municipality m = this.municipality;
		return new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), units, m.persons(),
				m.engagements(), m.managers(), m.addresses(), m.kle());
	}

	private OrgUnit unitAt(UUID unit, LocalDate date) {
		return this.store.get(OrgUnit.class, unit, point(date)).orElseThrow().value();
	}

	private ReadPoint point(LocalDate date) {
		return ReadPoint.of(date, null, this.clock);
	}

}
