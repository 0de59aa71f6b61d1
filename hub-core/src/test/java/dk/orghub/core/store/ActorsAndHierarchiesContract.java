package dk.orghub.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.query.OrganisationQueries;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Associations (persons tied to units without a payroll employment), persons without a
 * CPR number, and units in several hierarchies, on every database the hub supports.
 */
abstract class ActorsAndHierarchiesContract {

	static final LocalDate START = TestOrg.START;

	static final LocalDate JOINS = LocalDate.of(2026, 2, 1);

	static final LocalDate CHANGES = LocalDate.of(2026, 6, 1);

	final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));

	JdbcOrgStore store;

	final OrgUnit root = TestOrg.unit("KOM", "Sample Kommune", null);

	final OrgUnit social = TestOrg.unit("SOC", "Social og Sundhed", this.root.uuid());

	final OrgUnit care = TestOrg.unit("PLEJ", "Plejecenter Solgården", this.social.uuid());

	final OrgUnit mainCommittee = TestOrg.medUnit("HMU", "Hovedudvalget", null);

	final OrgUnit areaCommittee = TestOrg.medUnit("OMU-SOC", "Område-MED Social og Sundhed", this.mainCommittee.uuid(),
			this.social.uuid(), this.care.uuid());

	final Person consultant = TestOrg.personWithoutCpr("EXT1", "Jane", "Doe", "Konsulent bosat i udlandet");

	abstract DataSource dataSource();

	@BeforeEach
	void createStore() {
		this.store = new JdbcOrgStore(dataSource(), this.clock);
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(this.root, Validity.from(START))
			.put(this.social, Validity.from(START))
			.put(this.care, Validity.from(START))
			.put(this.mainCommittee, Validity.from(START))
			.put(this.areaCommittee, Validity.from(START))
			.build());
		this.clock.advance(Duration.ofHours(1));
	}

	ReadPoint now(LocalDate at) {
		return ReadPoint.of(at, null, this.clock);
	}

	@Test
	void seedsTheAssociationTypesAndHierarchies() {
		List<Versioned<Klasse>> types = this.store
			.list(Query.of(Klasse.class, now(JOINS))
				.where("facet", DefaultClasses.facetUuid(DefaultClasses.ASSOCIATION_TYPE)))
			.items();
		assertThat(types).extracting(v -> v.value().userKey())
			.contains("Praktikant", "Ekstern konsulent", "Politiker", "Arbejdsmiljørepræsentant",
					"Tillidsrepræsentant");
		assertThat(
				this.store.get(Klasse.class, DefaultClasses.MED_ORGANISATION, now(JOINS)).orElseThrow().value().facet())
			.isEqualTo(DefaultClasses.facetUuid(DefaultClasses.ORG_UNIT_HIERARCHY));
	}

	@Test
	void aConsultantWithoutCprJoinsAUnitFromADateAndHasAHistory() {
		Association joined = TestOrg.association("A1", this.consultant, this.care, "Ekstern konsulent");
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(this.consultant, Validity.from(JOINS))
			.put(joined, Validity.from(JOINS))
			.build());
		Instant beforeTheMove = this.clock.instant();
		this.clock.advance(Duration.ofHours(1));
		Association moved = new Association(joined.uuid(), "A1", this.consultant.uuid(), this.social.uuid(),
				joined.associationType(), null);
		this.store.apply(ChangeSet.by(Actor.user("bob")).put(moved, Validity.from(CHANGES)).build());

		assertThat(this.store.get(Association.class, joined.uuid(), now(JOINS.minusDays(1)))).isEmpty();
		assertThat(this.store.get(Association.class, joined.uuid(), now(JOINS)).orElseThrow().value())
			.isEqualTo(joined);
		assertThat(this.store.get(Association.class, joined.uuid(), now(CHANGES)).orElseThrow().value().unit())
			.isEqualTo(this.social.uuid());
		assertThat(this.store.get(Association.class, joined.uuid(), new ReadPoint(CHANGES, beforeTheMove))
			.orElseThrow()
			.value()
			.unit()).as("as known before the move").isEqualTo(this.care.uuid());
		assertThat(this.store.list(Query.of(Association.class, now(JOINS)).where("unit", this.care.uuid())).items())
			.extracting(v -> v.value().uuid())
			.containsExactly(joined.uuid());
		assertThat(this.store.list(Query.of(Association.class, now(JOINS)).where("person", this.consultant.uuid()))
			.items()).hasSize(1);
		List<Versioned<Association>> history = this.store.history(Association.class, joined.uuid());
		assertThat(history).extracting(v -> v.registration().actor().name()).contains("alice", "bob");
		assertThat(history).filteredOn(Versioned::isCurrent)
			.extracting(v -> v.validity())
			.containsExactly(Validity.between(JOINS, CHANGES), Validity.from(CHANGES));
		Person stored = this.store.get(Person.class, this.consultant.uuid(), now(JOINS)).orElseThrow().value();
		assertThat(stored.cpr()).isNull();
		assertThat(stored.hasNoCpr()).isTrue();
		assertThat(stored.noCprReason()).isEqualTo("Konsulent bosat i udlandet");
	}

	@Test
	void anAssociationMustLieWithinItsUnitAndPerson() {
		Association early = TestOrg.association("A2", this.consultant, this.care, "Praktikant");
		assertThatThrownBy(() -> this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(this.consultant, Validity.from(JOINS))
			.put(early, Validity.from(START.minusYears(1)))
			.build())).isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("within-unit")
			.hasMessageContaining("within-person")
			.hasMessageContaining("'A2'");
		assertThat(this.store.history(Person.class, this.consultant.uuid())).isEmpty();
	}

	@Test
	void endingAUnitWithALiveAssociationIsRejectedNamingIt() {
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(this.consultant, Validity.from(JOINS))
			.put(TestOrg.association("A3", this.consultant, this.care, "Praktikant"), Validity.from(JOINS))
			.build());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).end(ObjectType.ORG_UNIT, this.care.uuid(), CHANGES).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("within-unit")
			.hasMessageContaining("associations 'A3'");
	}

	@Test
	void anAssociationNeedsAType() {
		Association untyped = new Association(
				TestOrg.association("A4", this.consultant, this.care, "Praktikant").uuid(), "A4",
				this.consultant.uuid(), this.care.uuid(), null, null);
		assertThatThrownBy(() -> this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(this.consultant, Validity.from(JOINS))
			.put(untyped, Validity.from(JOINS))
			.build())).isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("required-field")
			.hasMessageContaining("associationType is required");
	}

	@Test
	void aPersonWithACprNumberCannotBeMarkedAsHavingNoneAndTheCprRulesStillHold() {
		Person both = new Person(this.consultant.uuid(), "EXT1", "0105804002", "Jane", "Doe", null, "abroad");
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.user("alice")).put(both, Validity.from(JOINS)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("no-cpr-reason");
		Person badCpr = new Person(this.consultant.uuid(), "EXT1", "3213804002", "Jane", "Doe", null, null);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.user("alice")).put(badCpr, Validity.from(JOINS)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("cpr-valid")
			.hasMessageNotContaining("3213804002");
	}

	@Test
	void unitsAreInTheLineOrganisationUnlessTheyNameAnotherHierarchy() {
		assertThat(this.store.get(OrgUnit.class, this.care.uuid(), now(JOINS)).orElseThrow().value().hierarchy())
			.isEqualTo(DefaultClasses.LINE_ORGANISATION);
		assertThat(
				this.store.list(Query.of(OrgUnit.class, now(JOINS)).where("hierarchy", DefaultClasses.MED_ORGANISATION))
					.items())
			.extracting(v -> v.value().userKey())
			.containsExactly("HMU", "OMU-SOC");
		assertThat(this.store
			.list(Query.of(OrgUnit.class, now(JOINS)).where("hierarchy", DefaultClasses.LINE_ORGANISATION))
			.items()).extracting(v -> v.value().userKey()).containsExactly("KOM", "PLEJ", "SOC");
		OrgUnit area = this.store.get(OrgUnit.class, this.areaCommittee.uuid(), now(JOINS)).orElseThrow().value();
		assertThat(area.covers()).containsExactly(this.social.uuid(), this.care.uuid());
		assertThat(area).isEqualTo(this.areaCommittee);
	}

	@Test
	void treesAndManagerInheritanceStayInsideOneHierarchy() {
		OrgUnit local = TestOrg.medUnit("LMU-PLEJ", "Lokal-MED Plejecentret", this.areaCommittee.uuid(),
				this.care.uuid());
		Person chair = TestOrg.person("P9", "Karen", "Madsen", "4002");
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(local, Validity.from(START))
			.put(chair, Validity.from(START))
			.put(TestOrg.manager("M-SOC", this.social, chair), Validity.from(START))
			.build());
		OrganisationQueries queries = new OrganisationQueries(this.store);

		assertThat(queries.tree(now(JOINS), DefaultClasses.MED_ORGANISATION).roots())
			.extracting(v -> v.value().userKey())
			.containsExactly("HMU");
		assertThat(queries.tree(now(JOINS), DefaultClasses.LINE_ORGANISATION).roots())
			.extracting(v -> v.value().userKey())
			.containsExactly("KOM");
		assertThat(queries.subtree(this.mainCommittee.uuid(), now(JOINS))).extracting(v -> v.value().userKey())
			.containsExactly("HMU", "OMU-SOC", "LMU-PLEJ");
		assertThat(queries.subtree(this.root.uuid(), now(JOINS))).extracting(v -> v.value().userKey())
			.containsExactly("KOM", "SOC", "PLEJ");
		assertThat(queries.managerOf(this.care.uuid(), now(JOINS), true)).isPresent();
		assertThat(queries.managerOf(local.uuid(), now(JOINS), true))
			.as("the committee covers a unit with a manager but does not inherit from the line")
			.isEmpty();
	}

	@Test
	void aUnitLiesInItsParentsHierarchy() {
		OrgUnit local = TestOrg.medUnit("LMU", "Lokal-MED Plejecentret", this.social.uuid());
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.user("alice")).put(local, Validity.from(JOINS)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("same-hierarchy")
			.hasMessageContaining("'LMU'")
			.hasMessageContaining("'SOC'");
	}

	@Test
	void aUnitCannotLeaveItsChildrensHierarchy() {
		OrgUnit socialInMed = new OrgUnit(this.social.uuid(), "SOC", this.social.name(), null, this.social.unitType(),
				null, null, DefaultClasses.MED_ORGANISATION, List.of());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(socialInMed, Validity.from(CHANGES)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("same-hierarchy")
			.hasMessageContaining("'PLEJ'");
	}

	@Test
	void onlyUnitsOutsideTheLineCoverAndOnlyLineUnitsAreCovered() {
		OrgUnit lineCovering = new OrgUnit(this.social.uuid(), "SOC", this.social.name(), this.root.uuid(),
				this.social.unitType(), null, null, null, List.of(this.care.uuid()));
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(lineCovering, Validity.from(CHANGES)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("covers-valid")
			.hasMessageContaining("line organisation covers no units");
		OrgUnit coveringMed = TestOrg.medUnit("LMU", "Lokal-MED", this.areaCommittee.uuid(), this.mainCommittee.uuid());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(coveringMed, Validity.from(CHANGES)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("covers-valid")
			.hasMessageContaining("not in the line organisation");
		OrgUnit coveringUnknown = TestOrg.medUnit("LMU", "Lokal-MED", this.areaCommittee.uuid(),
				TestOrg.unit("GONE", "Not stored", null).uuid());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(coveringUnknown, Validity.from(CHANGES)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("covers-valid");
	}

	@Test
	void anEngagementIsInALineUnitWhileAnAssociationMayBeInTheMedOrganisation() {
		Person member = TestOrg.person("P7", "Ole", "Berg", "4010");
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(member, Validity.from(START))
			.put(TestOrg.association("A7", member, this.areaCommittee, "Arbejdsmiljørepræsentant"),
					Validity.from(JOINS))
			.build());
		assertThatThrownBy(() -> this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(TestOrg.engagement("E7", member, this.areaCommittee, true), Validity.from(JOINS))
			.build())).isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("engagement-in-line")
			.hasMessageContaining("'OMU-SOC'")
			.hasMessageContaining("outside the line organisation");
	}

	@Test
	void aLineUnitWithEngagementsCannotMoveToAnotherHierarchy() {
		Person employee = TestOrg.person("P8", "Eva", "Holm", "4029");
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(employee, Validity.from(START))
			.put(TestOrg.engagement("E8", employee, this.care, true), Validity.from(START))
			.build());
		OrgUnit careInMed = new OrgUnit(this.care.uuid(), "PLEJ", this.care.name(), null, this.care.unitType(), null,
				null, DefaultClasses.MED_ORGANISATION, List.of());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(careInMed, Validity.from(CHANGES)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("engagement-in-line")
			.hasMessageContaining("'E8'");
	}

	@Test
	void aSecondPersonWithTheSameCprNumberIsRefusedNamingTheFirst() {
		Person first = TestOrg.person("P5", "Anna", "Lund", "4037");
		this.store.apply(ChangeSet.by(Actor.source("test")).put(first, Validity.from(START)).build());
		Person twin = new Person(TestOrg.personWithoutCpr("P6", "Anna", "Lund", "x").uuid(), "P6", first.cpr(), "Anna",
				"Lund", null);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.user("alice")).put(twin, Validity.from(JOINS)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("unique-cpr")
			.hasMessageContaining(first.uuid().toString())
			.hasMessageNotContaining(first.cpr());
		assertThat(this.store.history(Person.class, twin.uuid())).isEmpty();
		// the same person changed keeps its number
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(new Person(first.uuid(), "P5", first.cpr(), "Anna", "Lund-Berg", null), Validity.from(CHANGES))
			.build());
	}

}
