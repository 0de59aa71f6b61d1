package dk.orghub.adapters.sts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.outbox.OutboxDrain;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.OutboxBatch;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real store with the hub's outbox as its write listener: a committed change becomes
 * outbox rows in the same transaction, a drain of the hub's (the adapter's
 * {@code publishBatch}) publishes exactly the STS objects whose mapping changed, a
 * terminated engagement deactivates its function, a moved unit changes its Overordnet;
 * two instances (each its own outbox and adapter) draining in turn send from the current
 * state.
 */
class StsChangesIT {

	private final MutableClock clock = StsSamples.clock();

	private final Municipality m = StsSamples.municipality(100);

	private LocalStsService service;

	private JdbcOrgStore store;

	private TargetOutbox outbox;

	private StsOrganisationAdapter adapter;

	private DataSource db;

	@BeforeEach
	void setUp() {
		this.service = StsSamples.service(this.m, this.clock);
		DataSource db = TestStores.h2DataSource();
		this.db = db;
		StsSchema.migrate(db);
		this.adapter = new StsOrganisationAdapter(StsSamples.settings(this.service, this.m),
				new SentLedger(db, this.clock), this.clock, () -> CanonicalState.load(this.store))
			.drainedAs(batch(10_000));
		this.outbox = new TargetOutbox(db, this.clock, () -> List.of(this.adapter));
		this.store = new JdbcOrgStore(db, this.clock, List.of(this.outbox.writer()));
		this.store.apply(this.m.toChangeSet(Actor.system("test")));
		ChangeSet.Builder users = ChangeSet.by(Actor.source("ad"));
		StsSamples.state(this.m)
			.itUsers()
			.forEach((uuid, timeline) -> timeline.segments().forEach(s -> users.put(s.value(), s.validity())));
		this.store.apply(users.build());
		this.clock.advance(Duration.ofMinutes(1));
	}

	private static ChangePublisher.Outbox batch(int rows) {
		return new ChangePublisher.Outbox("sts-publish", Duration.ofMillis(500), rows, true);
	}

	/** What one drain of the hub's outbox took and what the adapter sent. */
	private record Drained(int rows, StsPublisher.Report report) {

	}

	/**
	 * One drain of {@code outbox} (an instance's) into {@code adapter}, as the hub runs
	 * it.
	 */
	private Drained drain(TargetOutbox outbox, StsOrganisationAdapter adapter) {
		AtomicReference<Drained> seen = new AtomicReference<>();
		adapter.observingDrains(new StsOrganisationAdapter.DrainObserver() {

			@Override
			public void drained(Instant started, Instant finished, OutboxBatch batch, StsPublisher.Report report) {
				seen.set(new Drained(batch.rows(), report));
			}

			@Override
			public void failed(RuntimeException failure) {
			}

		});
		TargetOutcome outcome = new OutboxDrain(outbox, this.store, adapter, this.clock, false).drain();
		return (outcome != null) ? seen.get() : new Drained(0, null);
	}

	private Drained drain() {
		return drain(this.outbox, this.adapter);
	}

	private int pending() {
		return this.outbox.pending(StsOrganisationAdapter.NAME);
	}

	@AfterEach
	void tearDown() {
		this.adapter.close();
		this.service.close();
	}

	private Map<Key, StsObject> mapNow() {
		return new StsMapper(this.adapter.settings()).map(CanonicalState.load(this.store), ReadPoint.today(this.clock));
	}

	private static Set<Key> differing(Map<Key, StsObject> before, Map<Key, StsObject> after) {
		Set<Key> result = new HashSet<>();
		after.forEach((k, o) -> {
			if (!before.containsKey(k) || !before.get(k).hash().equals(o.hash())) {
				result.add(k);
			}
		});
		before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(result::add);
		return result;
	}

	@Test
	void theMedOrganisationInTheStoreIsNotMapped() {
		Map<Key, StsObject> mapped = mapNow();

		assertThat(this.m.actors().medUnits()).as("the store holds a MED organisation").isNotEmpty();
		assertThat(mapped.keySet()).extracting(Key::uuid)
			.doesNotContainAnyElementsOf(this.m.actors().medUnits().keySet())
			.doesNotContainAnyElementsOf(this.m.actors().associations().keySet());
		assertThat(mapped.values()).flatExtracting(StsObject::relations)
			.extracting(StsObject.Rel::target)
			.doesNotContainAnyElementsOf(this.m.actors().medUnits().keySet());
		assertThat(mapped.keySet()).filteredOn(k -> k.kind() == StsKind.ENHED)
			.extracting(Key::uuid)
			.containsAll(this.m.units()
				.keySet()
				.stream()
				.filter(u -> this.m.units().get(u).at(ReadPoint.today(this.clock)).isPresent())
				.toList());
	}

	@Test
	void aBacklogOfABatchOrMoreIsSentByOneComparisonOfTheWholeState() {
		int waiting = pending();
		this.adapter.drainedAs(batch(50));
		assertThat(waiting).isGreaterThan(50);

		Drained drained = drain();

		assertThat(drained.rows()).as("every waiting row in one drain").isEqualTo(waiting);
		assertThat(pending()).isZero();
		assertThat(drained.report().mapped()).as("the whole state compared").isEqualTo(mapNow().size());
		assertThat(drained.report().quarantined()).isZero();
		assertThat(drained.report().created()).isPositive().isEqualTo(drained.report().calls());
		assertThat(this.adapter.publishAll().calls()).as("nothing left to send").isZero();
	}

	@Test
	void aChangeReachesTheOutboxInItsTransactionAndExactlyTheAffectedObjectsAreSent() {
		StsPublisher.Report full = this.adapter.publishAll();
		assertThat(full.quarantined()).isZero();
		assertThat(full.created()).isPositive();
		assertThat(pending()).isPositive();
		Drained initial = drain();
		assertThat(initial.report().calls()).as("the load is already published").isZero();
		assertThat(pending()).isZero();

		// rename a unit and change an address of a person with an account
		Map<Key, StsObject> before = mapNow();
		UUID unitUuid = this.m.largestUnitByEngagements(StsSamples.TODAY);
		OrgUnit unit = this.m.units().get(unitUuid).at(StsSamples.TODAY).orElseThrow();
		OrgUnit renamed = new OrgUnit(unit.uuid(), unit.userKey(), unit.name() + " (ny)", unit.parent(),
				unit.unitType(), unit.unitLevel(), unit.payoutUnit());
		this.store.apply(ChangeSet.by(Actor.user("test")).put(renamed, Validity.from(StsSamples.TODAY)).build());
		assertThat(pending()).isEqualTo(1);
		Set<Key> expected = differing(before, mapNow());
		assertThat(expected).contains(new Key(StsKind.ENHED, unitUuid));

		long calls = this.adapter.client().calls();
		Drained drained = drain();
		assertThat(drained.report().quarantined()).isZero();
		assertThat(drained.report().changed()).isEqualTo(expected.size());
		assertThat(this.adapter.client().calls() - calls).as("one laes to see STS answers, then the affected objects")
			.isEqualTo(1 + expected.size());
		OrgUnit withoutLevel = new OrgUnit(renamed.uuid(), renamed.userKey(), renamed.name(), renamed.parent(),
				renamed.unitType(), null, renamed.payoutUnit());
		assertThat(this.adapter.read(ObjectType.ORG_UNIT, unitUuid).orElseThrow().timeline().latest().orElseThrow())
			.as("read back as sent; STS has no unit level")
			.isEqualTo(withoutLevel);
		assertThat(drain().rows()).isZero();
		assertThat(this.adapter.publishAll().calls()).as("a full run after the drain finds nothing").isZero();
	}

	@Test
	void twoInstancesDrainingInTurnSendFromTheCurrentState() {
		this.adapter.publishAll();
		drain();
		// another hub instance on the same database: its own outbox and adapter, so its
		// own canonical state in memory
		try (StsOrganisationAdapter other = new StsOrganisationAdapter(this.adapter.settings(),
				new SentLedger(this.db, this.clock), this.clock, () -> CanonicalState.load(this.store))
			.drainedAs(batch(10_000))) {
			TargetOutbox otherOutbox = new TargetOutbox(this.db, this.clock, () -> List.of(other));
			assertThat(other.publishAll().calls()).isZero();
			UUID unit = this.m.largestUnitByEngagements(StsSamples.TODAY);
			UUID first = addPhone(unit, "+45 70 00 00 01");
			Drained byThis = drain();
			assertThat(byThis.report().created() + byThis.report().changed()).isEqualTo(2);

			// the other instance's state lacks the first number: it must not send the
			// unit
			// without it
			UUID second = addPhone(unit, "+45 70 00 00 02");
			Drained byOther = drain(otherOutbox, other);
			assertThat(byOther.rows()).isEqualTo(1);
			assertThat(byOther.report().created()).as(byOther.toString()).isEqualTo(1);
			assertThat(byOther.report().changed()).as(byOther.toString()).isEqualTo(1);
			assertThat(addresses(unit)).contains(first, second);

			// and back: this one's state lacks the second
			UUID third = addPhone(unit, "+45 70 00 00 03");
			Drained again = drain();
			assertThat(again.report().created()).as(again.toString()).isEqualTo(1);
			assertThat(again.report().changed()).as(again.toString()).isEqualTo(1);
			assertThat(addresses(unit)).contains(first, second, third);
			assertThat(pending()).isZero();
			assertThat(this.adapter.publishAll().calls()).as("a full run after the drains finds nothing").isZero();
			assertThat(other.publishAll().calls()).isZero();
		}
	}

	private UUID addPhone(UUID unit, String number) {
		UUID uuid = UUID.randomUUID();
		this.store.apply(ChangeSet.by(Actor.user("test"))
			.put(new Address(uuid, "phone-" + uuid, unit, OwnerKind.ORG_UNIT,
					DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "PHONE"), number,
					DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "PUBLIC")), Validity.from(StsSamples.TODAY))
			.build());
		this.clock.advance(Duration.ofMinutes(1));
		return uuid;
	}

	private Set<UUID> addresses(UUID unit) {
		Set<UUID> result = new HashSet<>();
		this.adapter.client().laes(StsKind.ENHED, unit).orElseThrow().relations().forEach(r -> result.add(r.target()));
		return result;
	}

	@Test
	void whenStsDoesNotAnswerTheRowsStayForTheNextDrain() throws Exception {
		this.adapter.publishAll();
		drain();
		OrgUnit root = this.m.units().get(this.m.root()).latest().orElseThrow();
		OrgUnit renamed = new OrgUnit(root.uuid(), root.userKey(), root.name() + " (ny)", null, root.unitType(),
				root.unitLevel(), root.payoutUnit());
		this.store.apply(ChangeSet.by(Actor.user("test")).put(renamed, Validity.from(StsSamples.TODAY)).build());
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		StsSettings settings = this.adapter.settings();
		StsSettings down = StsSettings
			.defaults(java.net.URI.create("http://127.0.0.1:" + port + "/"), settings.organisationUuid(),
					settings.cvr())
			.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
		try (StsOrganisationAdapter unreachable = new StsOrganisationAdapter(down, this.adapter.ledger(), this.clock,
				() -> CanonicalState.load(this.store))) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> drain(this.outbox, unreachable))
				.isInstanceOf(dk.orghub.core.spi.AdapterException.class);
		}
		assertThat(pending()).isEqualTo(1);
		assertThat(this.adapter.ledger().quarantined()).isEmpty();
		Drained drained = drain();
		assertThat(drained.rows()).isEqualTo(1);
		assertThat(pending()).isZero();
		assertThat(this.adapter.client().laes(StsKind.ENHED, root.uuid()).orElseThrow().properties())
			.allSatisfy(p -> assertThat(p.name()).isEqualTo(renamed.name()));
	}

	@Test
	void aTerminatedEngagementDeactivatesItsFunction() {
		this.adapter.publishAll();
		drain();
		Key function = mapNow().entrySet()
			.stream()
			.filter(e -> e.getValue().source().startsWith("engagements:"))
			.filter(e -> !StsPublisher.endedBy(e.getValue(), StsSamples.TODAY.plusYears(5)))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		Engagement engagement = this.m.engagements().get(function.uuid()).latest().orElseThrow();
		LocalDate end = StsSamples.TODAY.plusDays(1);
		this.store.apply(ChangeSet.by(Actor.user("test")).end(ObjectType.ENGAGEMENT, engagement.uuid(), end).build());
		Drained drained = drain();
		assertThat(drained.report().changed()).isEqualTo(1);

		StsObject held = this.adapter.client().laes(StsKind.FUNKTION, function.uuid()).orElseThrow();
		StsObject.State last = held.states().get(held.states().size() - 1);
		assertThat(last.active()).isFalse();
		assertThat(last.period().from()).isEqualTo(end);
		assertThat(held.relations()).allSatisfy(r -> assertThat(r.period().to()).isEqualTo(end));
		assertThat(this.service.registry()
			.exists(dk.orghub.samples.sts.StsRegistry.Kind.FUNKTION, function.uuid().toString()))
			.as("ended, not deleted")
			.isTrue();
	}

	@Test
	void aMovedUnitChangesItsOverordnet() {
		this.adapter.publishAll();
		drain();
		UUID leaf = this.m.units()
			.keySet()
			.stream()
			.filter(u -> this.m.units().values().stream().noneMatch(t -> u.equals(t.latest().orElseThrow().parent())))
			.filter(u -> !u.equals(this.m.root()))
			.findFirst()
			.orElseThrow();
		OrgUnit unit = this.m.units().get(leaf).latest().orElseThrow();
		assertThat(unit.parent()).isNotEqualTo(this.m.root());
		OrgUnit moved = new OrgUnit(unit.uuid(), unit.userKey(), unit.name(), this.m.root(), unit.unitType(),
				unit.unitLevel(), unit.payoutUnit());
		this.store.apply(ChangeSet.by(Actor.user("test")).put(moved, Validity.from(StsSamples.TODAY)).build());
		Drained drained = drain();
		assertThat(drained.report().quarantined()).isZero();

		StsObject held = this.adapter.client().laes(StsKind.ENHED, leaf).orElseThrow();
		assertThat(held.relations()).filteredOn(r -> r.name().equals("Overordnet"))
			.singleElement()
			.satisfies(r -> assertThat(r.target()).isEqualTo(this.m.root()));
	}

	@Test
	void reconcileCorrectsDriftInStsOrganisation() {
		this.adapter.publishAll();
		UUID unitUuid = this.m.largestUnitByEngagements(StsSamples.TODAY);
		StsObject mapped = mapNow().get(new Key(StsKind.ENHED, unitUuid));
		// someone else renames the unit directly in STS Organisation
		StsObject edited = new StsObject(mapped.kind(), mapped.uuid(), mapped.userKey(), "elsewhere",
				mapped.properties()
					.stream()
					.map(p -> new StsObject.Props(p.period(), p.userKey(), "Omdøbt udenom", p.cpr()))
					.toList(),
				mapped.states(), mapped.relations());
		try (StsClient other = new StsClient(this.adapter.settings(), this.clock, null)) {
			assertThat(other.ret(edited).getStatusKode().intValue()).isEqualTo(StsClient.OK);
		}
		assertThat(this.adapter.publishAll().calls()).as("the ledger alone cannot see the drift").isZero();

		// the plan shows STS's name as the old value and the hub's as the new, and sends
		// nothing
		StsReconciler.Drift drift = this.adapter.findDrift();
		assertThat(drift.plan().changes()).singleElement().satisfies(change -> {
			assertThat(change.key()).isEqualTo(new Key(StsKind.ENHED, unitUuid));
			assertThat(change.action()).isEqualTo(StsPlan.Action.CHANGE);
			assertThat(change.intervals()).flatMap(ChangeDiff.Interval::fields)
				.contains(new ChangeDiff.FieldChange("EnhedNavn", "Omdøbt udenom",
						mapped.properties().get(mapped.properties().size() - 1).name()));
		});
		assertThat(this.adapter.client().laes(StsKind.ENHED, unitUuid).orElseThrow().hash()).isEqualTo(edited.hash());

		StsReconciler.Result result = this.adapter.reconcile(drift);
		assertThat(result.differing()).isEqualTo(1);
		assertThat(result.missing()).isZero();
		assertThat(result.drifted()).containsExactly(new Key(StsKind.ENHED, unitUuid));
		assertThat(result.corrected().quarantined()).isZero();
		assertThat(this.adapter.client().laes(StsKind.ENHED, unitUuid).orElseThrow().hash()).isEqualTo(mapped.hash());
		assertThat(this.adapter.reconcile().drifted()).isEmpty();
	}

	@Test
	void reconcileReadsAddressesAndPersonsOneByOneAndCorrectsTheirDrift() {
		this.adapter.publishAll();
		Map<Key, StsObject> now = mapNow();
		StsObject address = now.values().stream().filter(o -> o.kind() == StsKind.ADRESSE).findFirst().orElseThrow();
		StsObject person = now.values().stream().filter(o -> o.kind() == StsKind.PERSON).findFirst().orElseThrow();
		// someone else changes the address's value and the person's name in STS
		try (StsClient other = new StsClient(this.adapter.settings(), this.clock, null)) {
			assertThat(other.ret(renamed(address, "Forkert vej 1")).getStatusKode().intValue()).isEqualTo(StsClient.OK);
			assertThat(other.ret(renamed(person, "Navn Udenom")).getStatusKode().intValue()).isEqualTo(StsClient.OK);
		}
		assertThat(this.adapter.publishAll().calls()).as("the ledger alone cannot see the drift").isZero();

		StsReconciler.Result result = this.adapter.reconcile();

		assertThat(result.drifted()).containsExactlyInAnyOrder(Key.of(address), Key.of(person));
		assertThat(result.differing()).isEqualTo(2);
		assertThat(result.missing()).isZero();
		assertThat(result.corrected().quarantined()).isZero();
		assertThat(this.adapter.client().laes(StsKind.ADRESSE, address.uuid()).orElseThrow().hash())
			.isEqualTo(address.hash());
		assertThat(this.adapter.client().laes(StsKind.PERSON, person.uuid()).orElseThrow().hash())
			.isEqualTo(person.hash());
		assertThat(this.adapter.reconcile().drifted()).as("nothing left after the correction").isEmpty();
	}

	private static StsObject renamed(StsObject o, String name) {
		return new StsObject(o.kind(), o.uuid(), o.userKey(), "elsewhere",
				o.properties().stream().map(p -> new StsObject.Props(p.period(), p.userKey(), name, p.cpr())).toList(),
				o.states(), o.relations());
	}

}
