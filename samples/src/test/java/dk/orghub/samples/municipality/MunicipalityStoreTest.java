package dk.orghub.samples.municipality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.store.Violation;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated municipality goes into the hub's store in one change set and reads back as
 * generated.
 */
class MunicipalityStoreTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T05:00:00Z"));

	private final JdbcOrgStore store = TestStores.h2(this.clock);

	private final Municipality municipality = Samples.of(500);

	private final Actor actor = Actor.source(SampleMunicipalitySource.NAME);

	@Test
	void loadsIntoAnEmptyStoreWithNoViolationsAndOnlyModulus11Warnings() {
		ApplyResult result = this.store.apply(this.municipality.toChangeSet(this.actor));

		assertThat(result.applied()).isTrue();
		assertThat(result.count(ObjectChange.Kind.CREATED)).isEqualTo(this.municipality.objectCount());
		long failingModulus11 = this.municipality.persons()
			.values()
			.stream()
			.filter((t) -> !Cpr.check(t.segments().get(0).value().cpr()).modulus11())
			.count();
		assertThat(result.warnings()).hasSize((int) failingModulus11)
			.extracting(Violation::rule)
			.containsOnly("cpr-modulus-11");
	}

	@Test
	void readsBackAUnitsNameAndItsEngagementsAtADate() {
		this.store.apply(this.municipality.toChangeSet(this.actor));
		this.clock.advance(Duration.ofMinutes(1));
		LocalDate date = this.municipality.referenceDate();
		ReadPoint point = ReadPoint.now(this.clock).withAt(date);
		UUID largest = this.municipality.largestUnitByEngagements(date);

		String name = this.municipality.units().get(largest).at(date).orElseThrow().name();
		assertThat(this.store.get(OrgUnit.class, largest, point)).map((v) -> v.value().name()).contains(name);
		List<UUID> expected = this.municipality.engagements()
			.values()
			.stream()
			.map((t) -> t.at(date).orElse(null))
			.filter((e) -> e != null && e.unit().equals(largest))
			.map(Engagement::uuid)
			.toList();
		List<Versioned<Engagement>> engagements = this.store
			.list(Query.of(Engagement.class, point).where("unit", largest))
			.items();
		assertThat(expected).hasSizeGreaterThan(10);
		assertThat(engagements).extracting((v) -> v.value().uuid()).containsExactlyInAnyOrderElementsOf(expected);
		long unitsThatDay = this.municipality.units().values().stream().filter((t) -> t.at(date).isPresent()).count();
		assertThat(this.store.list(Query.of(OrgUnit.class, point).where("hierarchy", DefaultClasses.LINE_ORGANISATION))
			.total()).isEqualTo(unitsThatDay);
	}

	@Test
	void timelinesReadBackAsGenerated() {
		this.store.apply(this.municipality.toChangeSet(this.actor));
		Instant now = this.clock.instant();

		this.municipality.units()
			.forEach((uuid, timeline) -> assertThat(this.store.timeline(OrgUnit.class, uuid, now)).isEqualTo(timeline));
		List<Timeline<Engagement>> changedHours = this.municipality.engagements()
			.values()
			.stream()
			.filter((t) -> t.segments().size() > 1)
			.toList();
		assertThat(changedHours).isNotEmpty();
		for (Timeline<Engagement> timeline : changedHours) {
			UUID uuid = timeline.segments().get(0).value().uuid();
			assertThat(this.store.timeline(Engagement.class, uuid, now)).isEqualTo(timeline);
		}
		Timeline<Person> person = this.municipality.persons().values().iterator().next();
		assertThat(this.store.timeline(Person.class, person.segments().get(0).value().uuid(), now)).isEqualTo(person);
	}

	@Test
	void loadingTheSameMunicipalityAgainChangesNothing() {
		this.store.apply(this.municipality.toChangeSet(this.actor));
		this.clock.advance(Duration.ofMinutes(1));

		ApplyResult again = this.store.apply(this.municipality.toChangeSet(this.actor));

		assertThat(again.isEmpty()).isTrue();
		assertThat(again.unchanged()).isEqualTo(this.municipality.objectCount());
	}

}
