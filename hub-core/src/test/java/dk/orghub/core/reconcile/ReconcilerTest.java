package dk.orghub.core.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SharedAddress;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;
import dk.orghub.core.testing.TestStores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReconcilerTest {

	static final LocalDate START = TestOrg.START;

	static final LocalDate DUMP = LocalDate.of(2026, 2, 1);

	static final SourceOwnership PAYROLL = new SourceOwnership(
			Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType", "unitLevel", "payoutUnit"),
					ObjectType.PERSON, Set.of("userKey", "cpr", "givenName", "surname", "nickname")));

	final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T02:00:00Z"));

	final JdbcOrgStore store = TestStores.h2(this.clock);

	final OrgUnit root = TestOrg.unit("KOM", "Sample Kommune", null);

	final OrgUnit school = TestOrg.unit("SKOLE", "Nordskolen", this.root.uuid());

	final Person anna = TestOrg.person("P1", "Anna", "Jensen", "4002");

	Reconciler reconciler = new Reconciler(this.store, FieldPolicy.none());

	@Test
	void firstSnapshotCreatesAndBindsAndTheSameSnapshotAgainChangesNothing() {
		Snapshot snapshot = snapshot(null, unit(this.root), unit(this.school), person(this.anna));
		ApplyResult first = this.reconciler.reconcile("payroll", PAYROLL, snapshot, false);
		assertThat(first.count(ObjectChange.Kind.CREATED)).isEqualTo(3);
		assertThat(this.store.identity("payroll", ObjectType.ORG_UNIT, "SKOLE")).contains(this.school.uuid());

		ChangeSet again = this.reconciler.plan("payroll", PAYROLL, snapshot);
		assertThat(again.operations()).isEmpty();
		assertThat(again.bindings()).isEmpty();
		assertThat(this.store.apply(again).applied()).isFalse();
	}

	@Test
	void objectMissingFromTheSnapshotIsEndedAtItsEffectiveDate() {
		this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(this.school), person(this.anna)), false);

		ApplyResult result = this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(DUMP, unit(this.root), person(this.anna)), false);

		assertThat(result.changes()).singleElement().satisfies(change -> {
			assertThat(change.kind()).isEqualTo(ObjectChange.Kind.ENDED);
			assertThat(change.userKey()).isEqualTo("SKOLE");
		});
		assertThat(this.store.get(OrgUnit.class, this.school.uuid(), at(DUMP.minusDays(1)))).isPresent();
		assertThat(this.store.get(OrgUnit.class, this.school.uuid(), at(DUMP))).isEmpty();
	}

	@Test
	void aSnapshotWithAnEffectiveDateLeavesEarlierHistoryAlone() {
		this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(this.school), person(this.anna)), false);

		OrgUnit renamed = TestOrg.renamed(this.school, "Nordskolen og Musikskolen");
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(DUMP, unit(this.root), unit(renamed), person(this.anna)),
				false);

		assertThat(name(DUMP.minusDays(1))).isEqualTo("Nordskolen");
		assertThat(name(DUMP)).isEqualTo("Nordskolen og Musikskolen");
	}

	@Test
	void withEndAtEarlierEndATimelineEndingBeforeTheEffectiveDateEndsTheStoredHistoryThere() {
		OrgUnit music = TestOrg.unit("MUSIK", "Musikskolen", this.root.uuid());
		this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(this.school), unit(music), person(this.anna)), false);
		LocalDate closed = DUMP.minusMonths(1);
		DesiredObject<?> closedLastMonth = new DesiredObject<>(ObjectType.ORG_UNIT, "MUSIK",
				Timeline.of(Validity.between(START, closed), music));
		ChangeBatch batch = new ChangeBatch(List.of(closedLastMonth), List.of(), "dump-2", false, DUMP);

		ChangeSet plain = this.reconciler.plan("payroll", PAYROLL, batch);
		Reconciler splicing = new Reconciler(this.store, FieldPolicy.none(),
				Reconciler.Options.NONE.withEndAtEarlierEnd(true));
		ChangeSet spliced = splicing.plan("payroll", PAYROLL, batch);
		assertThat(spliced.operations()).as("without the option the history before the dump stays")
			.isNotEqualTo(plain.operations());

		this.store.apply(spliced);

		assertThat(this.store.get(OrgUnit.class, music.uuid(), at(closed.minusDays(1)))).isPresent();
		assertThat(this.store.get(OrgUnit.class, music.uuid(), at(closed))).as("ended when the dump says it closed")
			.isEmpty();
	}

	@Test
	void withKeepStoredParentsAMoveTakesEffectOnTheDayItIsFound() {
		OrgUnit other = TestOrg.unit("OMR", "Område Nord", this.root.uuid());
		this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(other), unit(this.school), person(this.anna)), false);
		Reconciler keeping = new Reconciler(this.store, FieldPolicy.none(),
				Reconciler.Options.NONE.withKeepStoredParentsBefore(DUMP));

		keeping.reconcile("payroll", PAYROLL, snapshot(null, unit(this.root), unit(other),
				unit(TestOrg.moved(this.school, other.uuid())), person(this.anna)), false);

		assertThat(
				this.store.get(OrgUnit.class, this.school.uuid(), at(DUMP.minusDays(1))).orElseThrow().value().parent())
			.as("the stored parent before the day")
			.isEqualTo(this.root.uuid());
		assertThat(this.store.get(OrgUnit.class, this.school.uuid(), at(DUMP)).orElseThrow().value().parent())
			.isEqualTo(other.uuid());
	}

	@Test
	void fieldsTheSourceDoesNotWinStayAsStored() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, unit(this.root), person(this.anna)), false);
		SourceOwnership directory = new SourceOwnership(Map.of(ObjectType.PERSON, Set.of("nickname", "givenName")));
		Person fromDirectory = new Person(this.anna.uuid(), "ad-anna", null, "Anne", "Other", "Annie");
		Reconciler withPolicy = new Reconciler(this.store, FieldPolicy.of(Map.of("PERSON.givenName", "payroll")));

		withPolicy.reconcile("ad", directory, new Snapshot(Set.of(), null, List
			.of(new DesiredObject<>(ObjectType.PERSON, "anna-guid", Timeline.of(Validity.from(START), fromDirectory))),
				null), false);

		Person stored = this.store.get(Person.class, this.anna.uuid(), at(DUMP)).orElseThrow().value();
		assertThat(stored.nickname()).isEqualTo("Annie");
		assertThat(stored.givenName()).isEqualTo("Anna");
		assertThat(stored.surname()).isEqualTo("Jensen");
		assertThat(stored.cpr()).isEqualTo(this.anna.cpr());
		assertThat(stored.userKey()).isEqualTo("P1");
	}

	@Test
	void aChangeBatchWithAnEffectiveDateKeepsEarlierHistoryAndStoresItsToken() {
		this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(this.school), person(this.anna)), false);
		OrgUnit renamed = TestOrg.renamed(this.school, "Nordskolen og Musikskolen");
		ChangeBatch batch = new ChangeBatch(
				List.of(new DesiredObject<>(ObjectType.ORG_UNIT, "SKOLE", Timeline.of(Validity.from(DUMP), renamed))),
				List.of(), "2026-02-01", false, DUMP);

		this.store.apply(this.reconciler.plan("payroll", PAYROLL, batch));

		assertThat(name(START)).isEqualTo("Nordskolen");
		assertThat(name(DUMP)).isEqualTo("Nordskolen og Musikskolen");
		assertThat(this.store.token("payroll")).contains("2026-02-01");
	}

	@Test
	void previewComputesWithoutWriting() {
		ApplyResult preview = this.reconciler.reconcile("payroll", PAYROLL,
				snapshot(null, unit(this.root), unit(this.school)), true);
		assertThat(preview.applied()).isFalse();
		assertThat(preview.count(ObjectChange.Kind.CREATED)).isEqualTo(2);
		assertThat(this.store.get(OrgUnit.class, this.root.uuid(), at(DUMP))).isEmpty();
		assertThat(this.store.identity("payroll", ObjectType.ORG_UNIT, "KOM")).isEmpty();
	}

	@Test
	void aSourceCannotDeliverTypesItDoesNotOwnOrDuplicateIds() {
		SourceOwnership unitsOnly = new SourceOwnership(Map.of(ObjectType.ORG_UNIT, Set.of("name")));
		assertThatThrownBy(() -> this.reconciler.plan("payroll", unitsOnly, snapshot(null, person(this.anna))))
			.hasMessageContaining("does not declare owning them");
		assertThatThrownBy(
				() -> this.reconciler.plan("payroll", PAYROLL, snapshot(null, unit(this.root), unit(this.root))))
			.hasMessageContaining("duplicate org-units id 'KOM'");
	}

	@Test
	void aDuplicateIdThatIsACprNumberIsMasked() {
		DesiredObject<?> byCpr = new DesiredObject<>(ObjectType.PERSON, this.anna.cpr(),
				Timeline.of(Validity.from(START), this.anna));
		assertThatThrownBy(() -> this.reconciler.plan("payroll", PAYROLL, snapshot(null, byCpr, byCpr)))
			.hasMessageContaining("duplicate persons id '" + this.anna.cpr().substring(0, 6) + "-xxxx'")
			.hasMessageNotContaining(this.anna.cpr());
	}

	static final SourceOwnership ADDRESSES = new SourceOwnership(
			Map.of(ObjectType.ADDRESS, Set.of("userKey", "owner", "ownerKind", "addressType", "value", "visibility")));

	@Test
	void twoSourcesDeliverOneSharedAddressAndThePolicyPicksTheValuePerAddressType() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, person(this.anna)), false);
		Reconciler withPolicy = new Reconciler(this.store,
				FieldPolicy.of(Map.of("ADDRESS[EMAIL].value", "ad", "ADDRESS[PHONE].value", "opus")));

		withPolicy.reconcile("opus", ADDRESSES,
				addresses(personAddress("EMAIL", "anna@opus.example"), personAddress("PHONE", "11111111")), false);
		withPolicy.reconcile("ad", ADDRESSES,
				addresses(personAddress("EMAIL", "anna@ad.example"), personAddress("PHONE", "22222222")), false);
		withPolicy.reconcile("opus", ADDRESSES,
				addresses(personAddress("EMAIL", "anna@opus.example"), personAddress("PHONE", "11111111")), false);

		assertThat(addressValue("EMAIL")).isEqualTo("anna@ad.example");
		assertThat(addressValue("PHONE")).isEqualTo("11111111");
		assertThat(this.store.boundSources(ObjectType.ADDRESS, List.of(shared("EMAIL")))).containsEntry(shared("EMAIL"),
				List.of("opus", "ad"));
	}

	@Test
	void whenTheWinnerStopsDeliveringTheAddressStaysAndTheOtherSourceTakesIt() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, person(this.anna)), false);
		Reconciler withPolicy = new Reconciler(this.store, FieldPolicy.of(Map.of("ADDRESS[EMAIL].value", "ad")));
		withPolicy.reconcile("opus", ADDRESSES, addresses(personAddress("EMAIL", "anna@opus.example")), false);
		withPolicy.reconcile("ad", ADDRESSES, addresses(personAddress("EMAIL", "anna@ad.example")), false);

		ApplyResult stopped = withPolicy.reconcile("ad", ADDRESSES, addresses(), false);
		assertThat(stopped.changes()).isEmpty();
		assertThat(addressValue("EMAIL")).isEqualTo("anna@ad.example");
		assertThat(this.store.identities("ad", ObjectType.ADDRESS)).isEmpty();

		withPolicy.reconcile("opus", ADDRESSES, addresses(personAddress("EMAIL", "anna@opus.example")), false);
		assertThat(addressValue("EMAIL")).isEqualTo("anna@opus.example");

		ChangeBatch ended = new ChangeBatch(List.of(),
				List.of(new ChangeBatch.EndedObject(ObjectType.ADDRESS, "EMAIL", DUMP)), "t", false, DUMP);
		this.store.apply(withPolicy.plan("opus", ADDRESSES, ended));
		assertThat(this.store.get(Address.class, shared("EMAIL"), latest(DUMP))).isEmpty();
		assertThat(this.store.get(Address.class, shared("EMAIL"), latest(DUMP.minusDays(1)))).isPresent();
	}

	@Test
	void withoutAPolicyTheSourceThatDeliveredTheAddressFirstKeepsIt() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, person(this.anna)), false);
		this.reconciler.reconcile("ad", ADDRESSES, addresses(personAddress("EMAIL", "anna@ad.example")), false);
		this.reconciler.reconcile("opus", ADDRESSES, addresses(personAddress("EMAIL", "anna@opus.example")), false);

		assertThat(addressValue("EMAIL")).isEqualTo("anna@ad.example");
		assertThat(this.store.boundSources(ObjectType.ADDRESS, List.of(shared("EMAIL")))).containsEntry(shared("EMAIL"),
				List.of("ad", "opus"));
	}

	@Test
	void anAddressBoundUnderAnotherUuidMovesToTheSharedOne() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, person(this.anna)), false);
		Address old = new Address(UUID.nameUUIDFromBytes("old".getBytes()), "anna/email", this.anna.uuid(),
				OwnerKind.PERSON, TestOrg.klasse(DefaultClasses.ADDRESS_TYPE, "EMAIL"), "anna@ad.example", null);
		this.reconciler.reconcile("ad", ADDRESSES,
				addresses(new DesiredObject<>(ObjectType.ADDRESS, "EMAIL", Timeline.of(Validity.from(START), old))),
				false);

		this.reconciler.reconcile("ad", ADDRESSES, addresses(personAddress("EMAIL", "anna@ad.example")), false);

		assertThat(this.store.get(Address.class, old.uuid(), latest(DUMP))).isEmpty();
		assertThat(addressValue("EMAIL")).isEqualTo("anna@ad.example");
		assertThat(this.store.identity("ad", ObjectType.ADDRESS, "EMAIL")).contains(shared("EMAIL"));
	}

	@Test
	void aBatchThatEndsOneExternalIdAndDeliversTheAddressUnderAnotherKeepsIt() {
		this.reconciler.reconcile("payroll", PAYROLL, snapshot(null, person(this.anna)), false);
		this.reconciler.reconcile("ad", ADDRESSES, addresses(personAddress("EMAIL", "anna@ad.example")), false);
		DesiredObject<?> fromSecondAccount = new DesiredObject<>(ObjectType.ADDRESS, "second-account/email",
				personAddress("EMAIL", "anna.2@ad.example").timeline());

		ChangeBatch primaryChanged = new ChangeBatch(List.of(fromSecondAccount),
				List.of(new ChangeBatch.EndedObject(ObjectType.ADDRESS, "EMAIL", DUMP)), "t", false, DUMP);
		this.store.apply(this.reconciler.plan("ad", ADDRESSES, primaryChanged));

		assertThat(addressValue("EMAIL")).isEqualTo("anna.2@ad.example");
		assertThat(this.store.identities("ad", ObjectType.ADDRESS))
			.isEqualTo(Map.of("second-account/email", shared("EMAIL")));
	}

	private UUID shared(String type) {
		return SharedAddress.uuid(this.anna.uuid(), TestOrg.klasse(DefaultClasses.ADDRESS_TYPE, type));
	}

	private DesiredObject<?> personAddress(String type, String value) {
		Address address = new Address(shared(type), "anna/" + type, this.anna.uuid(), OwnerKind.PERSON,
				TestOrg.klasse(DefaultClasses.ADDRESS_TYPE, type), value, null);
		return new DesiredObject<>(ObjectType.ADDRESS, type, Timeline.of(Validity.from(START), address));
	}

	private String addressValue(String type) {
		return this.store.get(Address.class, shared(type), latest(DUMP)).orElseThrow().value().value();
	}

	/**
	 * A read point that sees every registration made so far (each is a microsecond on).
	 */
	private ReadPoint latest(LocalDate date) {
		return ReadPoint.of(date, this.clock.instant().plusSeconds(1), this.clock);
	}

	private static Snapshot addresses(DesiredObject<?>... objects) {
		return new Snapshot(Set.of(ObjectType.ADDRESS), null, new ArrayList<>(List.of(objects)), null);
	}

	private String name(LocalDate date) {
		return this.store.get(OrgUnit.class, this.school.uuid(), at(date)).orElseThrow().value().name();
	}

	private ReadPoint at(LocalDate date) {
		return ReadPoint.of(date, null, this.clock);
	}

	private static DesiredObject<?> unit(OrgUnit unit) {
		return new DesiredObject<>(ObjectType.ORG_UNIT, unit.userKey(), Timeline.of(Validity.from(START), unit));
	}

	private static DesiredObject<?> person(Person person) {
		return new DesiredObject<>(ObjectType.PERSON, person.userKey(), Timeline.of(Validity.from(START), person));
	}

	private static Snapshot snapshot(LocalDate effectiveFrom, DesiredObject<?>... objects) {
		return new Snapshot(Set.of(ObjectType.ORG_UNIT, ObjectType.PERSON), effectiveFrom,
				new ArrayList<>(List.of(objects)), null);
	}

}
