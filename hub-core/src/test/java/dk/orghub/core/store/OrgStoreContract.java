package dk.orghub.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's behaviour, run against every database the hub supports: each subclass gives
 * a fresh, migrated data source.
 */
abstract class OrgStoreContract {

	static final LocalDate START = TestOrg.START;

	static final LocalDate RENAME = LocalDate.of(2025, 3, 1);

	final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));

	JdbcOrgStore store;

	final OrgUnit root = TestOrg.unit("KOM", "Sample Kommune", null);

	final OrgUnit social = TestOrg.unit("SOC", "Social og Sundhed", this.root.uuid());

	final OrgUnit care = TestOrg.unit("PLEJ", "Plejecenter Solgården", this.social.uuid());

	final Person anna = TestOrg.person("P1", "Anna", "Jensen", "4002");

	final Person bo = TestOrg.person("P2", "Bo", "Nielsen", "4010");

	abstract DataSource dataSource();

	private DataSource database;

	@BeforeEach
	void createStore() {
		this.database = dataSource();
		this.store = new JdbcOrgStore(this.database, this.clock);
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(this.root, Validity.from(START))
			.put(this.social, Validity.from(START))
			.put(this.care, Validity.from(START))
			.put(this.anna, Validity.from(START))
			.put(this.bo, Validity.from(START))
			.put(TestOrg.engagement("1001", this.anna, this.care, true), Validity.from(START))
			.build());
		this.clock.advance(Duration.ofHours(1));
	}

	ReadPoint now(LocalDate at) {
		return ReadPoint.of(at, null, this.clock);
	}

	@Test
	void currentTimelinesOfATypeWithoutRowsAreNotLookedUp() {
		StatementLog log = new StatementLog(this.database);
		JdbcOrgStore watched = new JdbcOrgStore(log.dataSource(), this.clock);
		List<UUID> unknown = IntStream.range(0, 2500).mapToObj((i) -> new UUID(7, i)).toList();

		assertThat(watched.currentTimelines(Address.class, unknown)).isEmpty();
		assertThat(log.statements()).as("one question whether the table holds a row, no look-up of 2,500 keys")
			.singleElement()
			.asString()
			.contains("FETCH FIRST 1 ROWS ONLY")
			.doesNotContain(" IN (");

		assertThat(watched.currentTimelines(Person.class, List.of(this.anna.uuid(), unknown.get(0))))
			.as("a table with rows is read")
			.containsOnlyKeys(this.anna.uuid())
			.containsEntry(this.anna.uuid(), Timeline.of(Validity.from(START), this.anna));
		assertThat(log.statements()).anyMatch((sql) -> sql.contains(" IN ("));
	}

	@Test
	void seedsTheDefaultClasses() {
		List<Versioned<Klasse>> addressTypes = this.store
			.list(Query.of(Klasse.class, now(LocalDate.of(2026, 1, 1)))
				.where("facet", DefaultClasses.facetUuid(DefaultClasses.ADDRESS_TYPE)))
			.items();
		assertThat(addressTypes).extracting(v -> v.value().userKey()).contains("EMAIL", "EAN", "PNUMBER", "PHONE");
		assertThat(addressTypes).allSatisfy(v -> assertThat(v.value().scope()).isNotNull());
	}

	@Test
	void aNewIdentityIsStableKeyedAndNotAPlainDigestOfTheId() {
		UUID uuid = this.store.newIdentity("opus", ObjectType.PERSON, "0101801234");
		assertThat(new JdbcOrgStore(this.database, this.clock).newIdentity("opus", ObjectType.PERSON, "0101801234"))
			.as("the same from another store object on the database")
			.isEqualTo(uuid);
		assertThat(uuid.version()).isEqualTo(8);
		assertThat(uuid).isNotEqualTo(this.store.newIdentity("opus", ObjectType.PERSON, "0202851234"))
			.isNotEqualTo(this.store.newIdentity("sd", ObjectType.PERSON, "0101801234"))
			.isNotEqualTo(UUID.nameUUIDFromBytes("0101801234".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(this.store.newIdentity("opus", ObjectType.PERSON, "0101801234")).as("again, after other ids")
			.isEqualTo(uuid);
		assertThat(CompletableFuture.supplyAsync(() -> this.store.newIdentity("opus", ObjectType.PERSON, "0101801234"))
			.join()).as("on another thread").isEqualTo(uuid);
	}

	@Test
	void registrationsOfAnActorSinceATime() {
		Instant before = this.clock.instant();
		ApplyResult result = this.store.apply(ChangeSet.by(Actor.source("payroll"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build());
		assertThat(this.store.registrations(Actor.source("payroll"), before)).extracting((r) -> r.id())
			.containsExactly(result.registration().id());
		assertThat(this.store.registrations(Actor.source("test"), before)).isEmpty();
		assertThat(this.store.lastRegistered()).as("the latest registration").isEqualTo(result.registration().time());
	}

	@Test
	void renameWithLaterValidityShowsOldNameBeforeAndNewNameAfter() {
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build());

		assertThat(name(RENAME.minusDays(1))).isEqualTo("Plejecenter Solgården");
		assertThat(name(RENAME)).isEqualTo("Plejecenter Solbakken");
		assertThat(name(LocalDate.of(2030, 1, 1))).isEqualTo("Plejecenter Solbakken");
		Versioned<OrgUnit> earlier = this.store.get(OrgUnit.class, this.care.uuid(), now(RENAME.minusDays(1)))
			.orElseThrow();
		assertThat(earlier.validity()).isEqualTo(Validity.between(START, RENAME));
	}

	@Test
	void correctionShowsOldValueAtEarlierRegistrationTimeAndHistoryListsBoth() {
		Instant beforeCorrection = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(5));
		ApplyResult correction = this.store.apply(ChangeSet.by(Actor.user("alice"))
			.note("typo in the name")
			.put(TestOrg.renamed(this.care, "Plejecenter Solgaarden"), Validity.from(START))
			.build());

		LocalDate date = LocalDate.of(2024, 6, 1);
		assertThat(this.store.get(OrgUnit.class, this.care.uuid(), new ReadPoint(date, beforeCorrection))
			.orElseThrow()
			.value()
			.name()).isEqualTo("Plejecenter Solgården");
		assertThat(name(date)).isEqualTo("Plejecenter Solgaarden");

		List<Versioned<OrgUnit>> history = this.store.history(OrgUnit.class, this.care.uuid());
		assertThat(history).extracting(v -> v.value().name())
			.containsExactly("Plejecenter Solgården", "Plejecenter Solgaarden");
		assertThat(history.get(0).supersededAt()).isEqualTo(correction.registration().time());
		assertThat(history.get(1).isCurrent()).isTrue();
		assertThat(history.get(1).registration().actor()).isEqualTo(Actor.user("alice"));
		assertThat(history.get(1).registration().note()).isEqualTo("typo in the name");
	}

	@Test
	void timelineAsKnownAtATime() {
		Instant before = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(1));
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build());
		assertThat(this.store.timeline(OrgUnit.class, this.care.uuid(), before).segments()).hasSize(1);
		Timeline<OrgUnit> now = this.store.timeline(OrgUnit.class, this.care.uuid(), this.clock.instant());
		assertThat(now.segments()).extracting(s -> s.validity())
			.containsExactly(Validity.between(START, RENAME), Validity.from(RENAME));
	}

	@Test
	void cycleIsRejectedWholeAndStoreIsUnchanged() {
		int versions = this.store.history(OrgUnit.class, this.social.uuid()).size();
		ChangeSet cycle = ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.root, "Renamed in the same change set"), Validity.from(START))
			.put(TestOrg.moved(this.social, this.care.uuid()), Validity.from(RENAME))
			.build();

		assertThatThrownBy(() -> this.store.apply(cycle)).isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("no-cycle")
			.hasMessageContaining("'SOC'")
			.hasMessageContaining("own ancestor on " + RENAME);

		assertThat(this.store.history(OrgUnit.class, this.social.uuid())).hasSize(versions);
		assertThat(name(this.root, LocalDate.of(2026, 1, 1))).isEqualTo("Sample Kommune");
	}

	@Test
	void childMustLieWithinParent() {
		OrgUnit early = TestOrg.unit("EARLY", "Too early", this.social.uuid());
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).put(early, Validity.from(START.minusYears(1))).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("within-parent")
			.hasMessageContaining("'EARLY'")
			.hasMessageContaining("'SOC'");
	}

	@Test
	void endingAUnitWithALiveEngagementIsRejectedNamingTheEngagement() {
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.user("alice")).end(ObjectType.ORG_UNIT, this.care.uuid(), RENAME).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("within-unit")
			.hasMessageContaining("engagements '1001'");
		assertThat(name(LocalDate.of(2030, 1, 1))).isEqualTo("Plejecenter Solgården");
	}

	@Test
	void endingEngagementThenUnitWorksInOneChangeSet() {
		ApplyResult result = this.store.apply(ChangeSet.by(Actor.source("test"))
			.end(ObjectType.ENGAGEMENT, TestOrg.engagement("1001", this.anna, this.care, true).uuid(), RENAME)
			.end(ObjectType.ORG_UNIT, this.care.uuid(), RENAME)
			.build());
		assertThat(result.count(ObjectChange.Kind.ENDED)).isEqualTo(2);
		assertThat(this.store.get(OrgUnit.class, this.care.uuid(), now(RENAME))).isEmpty();
		assertThat(this.store.get(OrgUnit.class, this.care.uuid(), now(RENAME.minusDays(1)))).isPresent();
	}

	@Test
	void engagementMustLieWithinPersonAndUnit() {
		Person late = TestOrg.person("P3", "Carl", "Hansen", "4029");
		this.store.apply(ChangeSet.by(Actor.source("test")).put(late, Validity.from(RENAME)).build());
		Engagement engagement = TestOrg.engagement("1003", late, this.care, true);
		assertThatThrownBy(() -> this.store
			.apply(ChangeSet.by(Actor.source("test")).put(engagement, Validity.from(START)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("within-person")
			.hasMessageContaining("'1003'");
	}

	@Test
	void atMostOnePrimaryEngagementPerPersonOnAnyDate() {
		Engagement second = TestOrg.engagement("1002", this.anna, this.social, true);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.source("test")).put(second, Validity.from(RENAME)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("single-primary")
			.hasMessageContaining("'1002'")
			.hasMessageContaining("'1001'");

		ApplyResult ok = this.store
			.apply(ChangeSet.by(Actor.source("test")).put(second.withPrimary(false), Validity.from(RENAME)).build());
		assertThat(ok.count(ObjectChange.Kind.CREATED)).isEqualTo(1);
	}

	@Test
	void addressValueMustBeValidForItsType() {
		assertThatThrownBy(() -> this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.unitAddress("ean-1", this.care, "EAN", "57980001"), Validity.from(START))
			.build())).isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("address-value")
			.hasMessageContaining("13 digits");
		ApplyResult ok = this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.unitAddress("ean-1", this.care, "EAN", "5798000123458"), Validity.from(START))
			.put(TestOrg.unitAddress("p-1", this.care, "PNUMBER", "1003456789"), Validity.from(START))
			.put(TestOrg.unitAddress("mail-1", this.care, "EMAIL", "solgaarden@sample.dk"), Validity.from(START))
			.build());
		assertThat(ok.changes()).hasSize(3);
	}

	@Test
	void invalidCprIsRejectedWithoutShowingTheNumber() {
		Person bad = new Person(UUID.randomUUID(), "P9", "3113801234", "Dorte", "Olsen", null);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.source("test")).put(bad, Validity.from(START)).build()))
			.isInstanceOf(InvariantViolationException.class)
			.hasMessageContaining("cpr-valid")
			.hasMessageNotContaining("3113801234");
	}

	@Test
	void cprFailingModulus11IsOnlyAWarning() {
		Person person = new Person(UUID.randomUUID(), "P8", "0101004000", "Emil", "Berg", null);
		ApplyResult result = this.store
			.apply(ChangeSet.by(Actor.source("test")).put(person, Validity.from(START)).build());
		assertThat(result.applied()).isTrue();
		assertThat(result.warnings()).extracting(Violation::rule).containsExactly("cpr-modulus-11");
	}

	@Test
	void aCprNumberAsUserKeyIsRefusedWithoutShowingIt() {
		String cpr = "0105804002";
		Person person = new Person(UUID.randomUUID(), cpr, cpr, "Gry", "Lund", null);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.source("test")).put(person, Validity.from(START)).build()))
			.isInstanceOfSatisfying(InvariantViolationException.class, (ex) -> {
				assertThat(ex.violations()).extracting(Violation::rule).contains("user-key-not-cpr");
				assertThat(ex.violations()).extracting(Violation::userKey).containsOnly("010580-xxxx");
				assertThat(ex.violations()).extracting(Violation::toString)
					.allSatisfy((text) -> assertThat(text).doesNotContain("4002"));
			})
			.hasMessageNotContaining(cpr);
	}

	@Test
	void personUuidMustNotBeDerivedFromCpr() {
		String cpr = "0105804002";
		Person derived = new Person(UUID.nameUUIDFromBytes(cpr.getBytes()), "P7", cpr, "Fie", "Holm", null);
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.source("test")).put(derived, Validity.from(START)).build()))
			.hasMessageContaining("uuid-not-from-cpr");
	}

	@Test
	void unknownParentIsRejected() {
		OrgUnit orphan = TestOrg.unit("ORPHAN", "Orphan", UUID.randomUUID());
		assertThatThrownBy(
				() -> this.store.apply(ChangeSet.by(Actor.source("test")).put(orphan, Validity.from(START)).build()))
			.hasMessageContaining("within-parent")
			.hasMessageContaining("does not exist");
	}

	@Test
	void aChangeSetThatChangesNothingWritesNothing() {
		ApplyResult result = this.store
			.apply(ChangeSet.by(Actor.source("test")).put(this.care, Validity.from(START)).build());
		assertThat(result.applied()).isFalse();
		assertThat(result.registration()).isNull();
		assertThat(result.unchanged()).isEqualTo(1);
		assertThat(this.store.history(OrgUnit.class, this.care.uuid())).hasSize(1);
	}

	@Test
	void previewReportsTheChangesWithoutWriting() {
		ApplyResult preview = this.store.preview(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build());
		assertThat(preview.applied()).isFalse();
		assertThat(preview.changes()).singleElement().satisfies(change -> {
			assertThat(change.kind()).isEqualTo(ObjectChange.Kind.CHANGED);
			assertThat(change.userKey()).isEqualTo("PLEJ");
			assertThat(change.after().segments()).hasSize(2);
		});
		assertThat(name(RENAME)).isEqualTo("Plejecenter Solgården");
	}

	@Test
	void aGuardedApplyWritesOnlyWhenTheGuardAcceptsTheComputedResult() {
		ChangeSet rename = ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build();
		ApplyResult refused = this.store.apply(rename, result -> result.count(ObjectChange.Kind.ENDED) > 0);
		assertThat(refused.applied()).isFalse();
		assertThat(refused.changes()).hasSize(1);
		assertThat(name(RENAME)).isEqualTo("Plejecenter Solgården");

		ApplyResult accepted = this.store.apply(rename, result -> result.count(ObjectChange.Kind.CHANGED) == 1);
		assertThat(accepted.applied()).isTrue();
		assertThat(name(RENAME)).isEqualTo("Plejecenter Solbakken");
	}

	@Test
	void listsFilterByReferenceAndPage() {
		Page<Versioned<OrgUnit>> children = this.store
			.list(Query.of(OrgUnit.class, now(LocalDate.of(2026, 1, 1))).where("parent", this.root.uuid()));
		assertThat(children.items()).extracting(v -> v.value().userKey()).containsExactly("SOC");
		Page<Versioned<OrgUnit>> page = this.store
			.list(Query.of(OrgUnit.class, now(LocalDate.of(2026, 1, 1))).page(1, 1));
		assertThat(page.total()).isEqualTo(3);
		assertThat(page.items()).extracting(v -> v.value().userKey()).containsExactly("PLEJ");
		assertThat(this.store.list(Query.of(OrgUnit.class, now(START.minusDays(1)))).total()).isZero();
		assertThat(this.store
			.list(Query.of(Engagement.class, now(LocalDate.of(2026, 1, 1))).where("unit", this.care.uuid()))
			.items()).extracting(v -> v.value().userKey()).containsExactly("1001");
	}

	@Test
	void countsEngagementsPerUnitAtADateAndAsKnownThen() {
		Instant before = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(1));
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(TestOrg.engagement("1002", this.bo, this.care, true), Validity.from(RENAME))
			.put(TestOrg.engagement("1003", this.anna, this.social, false), Validity.between(START, RENAME))
			.build());
		Query<Engagement> engagements = Query.of(Engagement.class, now(LocalDate.of(2026, 1, 1)));

		assertThat(this.store.countBy(engagements, "unit")).containsOnly(entry(this.care.uuid(), 2));
		assertThat(this.store.countBy(Query.of(Engagement.class, now(START)), "unit"))
			.containsOnly(entry(this.care.uuid(), 1), entry(this.social.uuid(), 1));
		assertThat(
				this.store.countBy(Query.of(Engagement.class, new ReadPoint(LocalDate.of(2026, 1, 1), before)), "unit"))
			.as("as known before the second change set")
			.containsOnly(entry(this.care.uuid(), 1));
		assertThat(this.store.countBy(engagements.where("person", this.bo.uuid()), "unit"))
			.containsOnly(entry(this.care.uuid(), 1));
		assertThat(this.store.countBy(Query.of(OrgUnit.class, now(START)), "parent"))
			.containsOnly(entry(this.root.uuid(), 1), entry(this.social.uuid(), 1));
		assertThatThrownBy(() -> this.store.countBy(engagements, "name")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("cannot filter");
	}

	@Test
	void allCurrentTimelinesOfATypeAreListed() {
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.care, "Plejecenter Solbakken"), Validity.from(RENAME))
			.build());
		var units = this.store.allCurrentTimelines(OrgUnit.class);
		assertThat(units).containsOnlyKeys(this.root.uuid(), this.social.uuid(), this.care.uuid());
		assertThat(units.get(this.care.uuid()).segments()).hasSize(2);
	}

	@Test
	void theEngagementsWithAPrimaryChosenByHandAreReadWithAllTheirCurrentRows() {
		assertThat(this.store.engagementsWithPrimaryByHand()).as("none chosen by hand").isEmpty();
		Engagement second = TestOrg.engagement("1002", this.bo, this.social, true);
		Engagement byHand = new Engagement(second.uuid(), second.userKey(), second.person(), second.unit(),
				second.jobFunction(), second.engagementType(), second.fraction(), true, true, null);
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(second, Validity.from(START))
			.put(byHand, Validity.from(RENAME))
			.build());
		var chosen = this.store.engagementsWithPrimaryByHand();
		assertThat(chosen).containsOnlyKeys(second.uuid());
		assertThat(chosen.get(second.uuid()).segments()).extracting((s) -> s.value().primaryByHand())
			.containsExactly(false, true);
	}

	@Test
	void identitiesAndTokensAreWrittenWithTheChangeSet() {
		Person carl = TestOrg.person("P3", "Carl", "Hansen", "4029");
		this.store.apply(ChangeSet.by(Actor.source("opus"))
			.put(carl, Validity.from(START))
			.bind("opus", ObjectType.PERSON, "external-42", carl.uuid())
			.token("opus", "2026-01-10")
			.build());
		assertThat(this.store.identity("opus", ObjectType.PERSON, "external-42")).contains(carl.uuid());
		assertThat(this.store.token("opus")).contains("2026-01-10");

		this.store.apply(ChangeSet.by(Actor.source("opus")).token("opus", "2026-01-11").build());
		assertThat(this.store.token("opus")).contains("2026-01-11");

		assertThatThrownBy(() -> this.store.apply(ChangeSet.by(Actor.source("opus"))
			.bind("opus", ObjectType.PERSON, "external-42", UUID.randomUUID())
			.token("opus", "2026-01-12")
			.build())).hasMessageContaining("identity-conflict");
		assertThat(this.store.token("opus")).contains("2026-01-11");
	}

	@Test
	void registrationTimesStrictlyIncreaseEvenWhenTheClockStandsStill() {
		ApplyResult first = this.store.apply(
				ChangeSet.by(Actor.user("alice")).put(TestOrg.renamed(this.care, "A"), Validity.from(START)).build());
		ApplyResult second = this.store.apply(
				ChangeSet.by(Actor.user("alice")).put(TestOrg.renamed(this.care, "B"), Validity.from(START)).build());
		assertThat(second.registration().time()).isAfter(first.registration().time());
		assertThat(this.store.get(OrgUnit.class, this.care.uuid(), new ReadPoint(START, first.registration().time()))
			.orElseThrow()
			.value()
			.name()).isEqualTo("A");
	}

	private String name(LocalDate at) {
		return name(this.care, at);
	}

	private String name(OrgUnit unit, LocalDate at) {
		return this.store.get(OrgUnit.class, unit.uuid(), now(at)).orElseThrow().value().name();
	}

}
