package dk.orghub.adapters.opus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.samples.opus.OpusScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample municipality's dumps through the inbox into an H2 store: a first dump, a
 * malformed one, and two later dumps with every kind of change; the organisation checked
 * at several dates.
 */
class OpusInboxIT {

	@TempDir
	Path inbox;

	private final Clock clock = Clock.systemUTC();

	@Test
	void importsTheSampleDumpsInOrderAndTheOrganisationIsRightAtEachDate() throws IOException {
		Municipality municipality = MunicipalityGenerator.generate(20070101L, 500);
		OpusDump first = OpusSampleDumps.first(municipality);
		OpusScenario scenario = new OpusScenario(7L);
		OpusScenario.Step second = scenario.next(first, LocalDateTime.of(2025, 2, 1, 2, 0), 25);
		OpusScenario.Step third = scenario.next(second.dump(), LocalDateTime.of(2025, 3, 1, 2, 0), 25);
		OpusDumpWriter.write(third.dump(), this.inbox);
		OpusDumpWriter.write(second.dump(), this.inbox);
		OpusDumpWriter.write(first, this.inbox);
		Files.writeString(this.inbox.resolve("ZLPE20250215020000_delta.xml"),
				"<?xml version=\"1.0\"?>\n<kmd>\n  <orgUnit id=\"1\">\n    <longName>cut off");

		JdbcOrgStore store = TestStores.h2(this.clock);
		OpusConfig config = OpusConfig.of(municipality.organisation().latest().orElseThrow().cvr(), this.inbox);
		OpusInbox opus = new OpusInbox(new OpusImporter(config, store, FieldPolicy.none(), this.clock));
		assertThat(opus.pending()).extracting(p -> p.getFileName().toString())
			.containsExactly(first.fileName(), second.dump().fileName(), "ZLPE20250215020000_delta.xml",
					third.dump().fileName());

		List<ImportReport> reports = opus.processAll();

		assertThat(reports).extracting(ImportReport::status)
			.containsExactly(ImportReport.Status.APPLIED, ImportReport.Status.APPLIED, ImportReport.Status.REJECTED,
					ImportReport.Status.APPLIED);
		assertThat(reports.get(1).delta()).isTrue();
		assertThat(reports.get(3).delta()).as("diffed against the last applied dump, not the rejected one").isTrue();
		assertThat(reports).allSatisfy(r -> assertThat(r.rejected()).isEmpty());
		assertThat(this.inbox.resolve("done").resolve(third.dump().fileName())).exists();
		assertThat(Files.readString(this.inbox.resolve("error").resolve("ZLPE20250215020000_delta.xml.error.txt")))
			.contains("not well-formed XML at line 4")
			.contains("nothing of it was applied");
		assertThat(opus.pending()).isEmpty();

		OpusMapper ids = new OpusMapper(config);
		LocalDate january = LocalDate.of(2025, 1, 15);
		LocalDate february = LocalDate.of(2025, 2, 1);
		LocalDate march = LocalDate.of(2025, 3, 1);

		assertThat(list(store, OrgUnit.class, january)).hasSize(first.units().size());
		second.renamed().forEach((id, name) -> {
			assertThat(unit(store, ids, id, january).name()).isNotEqualTo(name);
			assertThat(unit(store, ids, id, february).name()).isEqualTo(name);
		});
		assertThat(store.get(OrgUnit.class, ids.unitUuid(second.closedUnit()), point(january))).isPresent();
		assertThat(store.get(OrgUnit.class, ids.unitUuid(second.closedUnit()), point(february))).isEmpty();
		assertThat(store.get(OrgUnit.class, ids.unitUuid(second.newUnit()), point(january))).isEmpty();
		assertThat(store.get(OrgUnit.class, ids.unitUuid(second.newUnit()), point(february))).isPresent();
		assertThat(unit(store, ids, second.movedUnit(), february).parent())
			.isEqualTo(ids.unitUuid(second.movedUnitParent()));
		assertThat(unit(store, ids, second.movedUnit(), january).parent())
			.isNotEqualTo(ids.unitUuid(second.movedUnitParent()));

		second.moved().forEach((employment, unit) -> {
			LocalDate entry = second.dump()
				.employees()
				.stream()
				.filter(e -> e.id().equals(employment))
				.findFirst()
				.orElseThrow()
				.entryDate();
			Engagement after = engagement(store, employment, entry.isAfter(february) ? entry : february);
			assertThat(after.unit()).as("employment %s moved", employment).isEqualTo(ids.unitUuid(unit));
			engagementAt(store, employment, february.minusDays(1))
				.ifPresent(before -> assertThat(before.unit()).isNotEqualTo(after.unit()));
		});
		second.hired().forEach(employment -> {
			assertThat(engagementAt(store, employment, january)).isEmpty();
			assertThat(engagementAt(store, employment, february)).isPresent();
		});
		second.left().forEach((employment, lastDay) -> {
			assertThat(engagementAt(store, employment, lastDay)).isPresent();
			assertThat(engagementAt(store, employment, lastDay.plusDays(1))).isEmpty();
		});
		second.dropped().forEach(employment -> {
			LocalDate entry = first.employees()
				.stream()
				.filter(e -> e.id().equals(employment))
				.findFirst()
				.orElseThrow()
				.entryDate();
			if (entry.isBefore(february)) {
				assertThat(engagementAt(store, employment, february.minusDays(1))).isPresent();
			}
			assertThat(engagementAt(store, employment, february)).isEmpty();
		});
		third.hired().forEach(employment -> assertThat(engagementAt(store, employment, march)).isPresent());
		third.renamed().forEach((id, name) -> assertThat(unit(store, ids, id, march).name()).isEqualTo(name));

		for (LocalDate date : List.of(january, february, march)) {
			List<Versioned<Engagement>> engagements = list(store, Engagement.class, date);
			Map<UUID, Long> primaries = engagements.stream()
				.filter(e -> e.value().primary())
				.collect(java.util.stream.Collectors.groupingBy(e -> e.value().person(),
						java.util.stream.Collectors.counting()));
			long persons = engagements.stream().map(e -> e.value().person()).distinct().count();
			assertThat(primaries).as("one primary engagement per person on %s", date).hasSize((int) persons);
			assertThat(primaries.values()).containsOnly(1L);
		}
		List<Versioned<Manager>> managers = list(store, Manager.class, february);
		assertThat(managers).isNotEmpty().allSatisfy(m -> assertThat(m.value().isVacant()).isFalse());
	}

	private <T extends dk.orghub.core.model.OrgObject> List<Versioned<T>> list(JdbcOrgStore store, Class<T> type,
			LocalDate date) {
		return store.list(Query.of(type, point(date))).items();
	}

	private OrgUnit unit(JdbcOrgStore store, OpusMapper ids, String id, LocalDate date) {
		return store.get(OrgUnit.class, ids.unitUuid(id), point(date)).orElseThrow().value();
	}

	private Engagement engagement(JdbcOrgStore store, String employment, LocalDate date) {
		return engagementAt(store, employment, date).orElseThrow();
	}

	private java.util.Optional<Engagement> engagementAt(JdbcOrgStore store, String employment, LocalDate date) {
		UUID uuid = store.identity("opus", ObjectType.ENGAGEMENT, employment).orElseThrow();
		return store.get(Engagement.class, uuid, point(date)).map(Versioned::value);
	}

	private ReadPoint point(LocalDate date) {
		return ReadPoint.of(date, null, this.clock);
	}

}
