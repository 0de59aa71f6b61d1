package dk.orghub.core.outbox;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.OutboxBatch;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;
import dk.orghub.core.testing.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's outbox on a real store (H2): rows written per target and published type in
 * the change set's transaction, a drain through the default {@code publishBatch}
 * (publish, deactivate what has ended), a refused object kept as the dead letter until a
 * retry sends it, rows kept when the target does not answer, and which instance drained
 * last.
 */
class TargetOutboxTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

	private final MutableClock clock = new MutableClock(
			TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());

	private final SchoolSystem school = new SchoolSystem();

	private DataSource db;

	private TargetOutbox outbox;

	private JdbcOrgStore store;

	private final OrgUnit root = TestOrg.unit("root", "Kommunen", null);

	private final OrgUnit school1 = TestOrg.unit("skole-1", "Skolen ved Søen", this.root.uuid());

	@BeforeEach
	void setUp() {
		this.db = TestStores.h2DataSource();
		this.outbox = new TargetOutbox(this.db, this.clock, () -> List.of(this.school));
		this.store = new JdbcOrgStore(this.db, this.clock, List.of(this.outbox.writer()));
		this.store.apply(ChangeSet.by(Actor.source("test"))
			.put(this.root, Validity.from(TestOrg.START))
			.put(this.school1, Validity.from(TestOrg.START))
			.put(TestOrg.person("p1", "Anna", "Andersen", "0101"), Validity.from(TestOrg.START))
			.build());
	}

	private OutboxDrain drain() {
		return new OutboxDrain(this.outbox, this.store, this.school, this.clock, true);
	}

	@Test
	void aChangeSetWritesARowPerChangedObjectOfThePublishedTypes() {
		assertThat(this.outbox.pending("school")).as("two units; persons are not published").isEqualTo(2);
		assertThat(this.outbox.pending("another")).isZero();
	}

	@Test
	void aDrainPublishesEachObjectAndDeletesItsRows() {
		TargetOutcome outcome = drain().drain();

		assertThat(outcome.created()).isEqualTo(2);
		assertThat(outcome.changes()).extracting((c) -> c.uuid())
			.containsExactly(this.root.uuid(), this.school1.uuid());
		assertThat(outcome.message()).isEqualTo("2 outbox row(s) for 2 object(s)");
		assertThat((Object) this.school.held.get(this.school1.uuid()).latest().orElseThrow()).isEqualTo(this.school1);
		assertThat(this.outbox.pending("school")).isZero();
		assertThat(drain().drain()).as("nothing waits").isNull();
	}

	@Test
	void anObjectEndedByTodayIsDeactivatedFromItsEndAndAFutureEndIsPublished() {
		drain().drain();
		LocalDate closed = TODAY.minusDays(3);
		this.store
			.apply(ChangeSet.by(Actor.user("alice")).end(ObjectType.ORG_UNIT, this.school1.uuid(), closed).build());
		TargetOutcome outcome = drain().drain();
		assertThat(outcome.ended()).isEqualTo(1);
		assertThat(this.school.deactivated).containsEntry(this.school1.uuid(), closed);

		LocalDate closing = TODAY.plusDays(30);
		this.store.apply(ChangeSet.by(Actor.user("alice")).end(ObjectType.ORG_UNIT, this.root.uuid(), closing).build());
		drain().drain();
		assertThat(this.school.deactivated).doesNotContainKey(this.root.uuid());
		assertThat(this.school.held.get(this.root.uuid()).coverage()).last()
			.satisfies((v) -> assertThat(v.to()).isEqualTo(closing));
	}

	@Test
	void aRefusedObjectIsKeptAsTheDeadLetterUntilARetrySendsIt() {
		drain().drain();
		Address pNumber = TestOrg.unitAddress("p-1", this.school1, "PNUMBER", "1012345678");
		this.store.apply(ChangeSet.by(Actor.user("alice")).put(pNumber, Validity.from(TODAY)).build());

		TargetOutcome outcome = drain().drain();

		assertThat(outcome.failed()).isEqualTo(1);
		assertThat(outcome.failures()).singleElement()
			.satisfies((f) -> assertThat(f.reason()).contains("no P-numbers"));
		assertThat(this.outbox.pending("school")).as("not tried again by every drain").isZero();
		assertThat(drain().quarantine().held()).singleElement().satisfies((f) -> {
			assertThat(f.uuid()).isEqualTo(pNumber.uuid());
			assertThat(f.type()).isEqualTo("ADDRESS");
		});

		this.school.acceptPNumbers = true;
		TargetOutcome retried = drain().quarantine().retry(Set.of(pNumber.uuid())).send();

		assertThat(retried.failed()).isZero();
		assertThat(this.school.held).containsKey(pNumber.uuid());
		assertThat(drain().quarantine().held()).isEmpty();
	}

	@Test
	void whenTheTargetDoesNotAnswerTheRowsStay() {
		this.school.down = true;

		assertThatThrownBy(() -> drain().drain()).isInstanceOf(AdapterException.class);

		assertThat(this.outbox.pending("school")).isEqualTo(2);
		this.school.down = false;
		assertThat(drain().drain().created()).isEqualTo(2);
	}

	@Test
	void aBatchIsContinuousOnlyWhenThisInstanceDrainedLast() {
		drain().drain();
		rename("Skolen ved Søen (1)");
		drain().drain();
		assertThat(this.school.batches).extracting(OutboxBatch::continuous).containsExactly(false, true);

		TargetOutbox other = new TargetOutbox(this.db, this.clock, () -> List.of(this.school));
		rename("Skolen ved Søen (2)");
		new OutboxDrain(other, this.store, this.school, this.clock, true).drain();
		rename("Skolen ved Søen (3)");
		drain().drain();

		assertThat(this.school.batches).extracting(OutboxBatch::continuous).containsExactly(false, true, false, false);
		assertThat(this.school.batches.get(1).kind(this.school1.uuid())).isEqualTo(ObjectChange.Kind.CHANGED);
	}

	@Test
	void aBacklogOfABatchOrMoreIsTakenWhole() {
		this.school.batch = 2;
		OutboxDrain drain = drain();
		rename("Skolen ved Søen (1)");

		drain.drain();

		assertThat(this.school.batches).singleElement().satisfies((b) -> {
			assertThat(b.whole()).isTrue();
			assertThat(b.rows()).isEqualTo(3);
			assertThat(b.size()).isEqualTo(2);
		});
	}

	private void rename(String name) {
		this.clock.advance(java.time.Duration.ofMinutes(1));
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(TestOrg.renamed(this.school1, name), Validity.from(TODAY))
			.build());
	}

	/** A vendor's target: units and their addresses, no P-numbers unless told. */
	static final class SchoolSystem implements ChangePublisher, Deactivator {

		final Map<UUID, Timeline<?>> held = new LinkedHashMap<>();

		final Map<UUID, LocalDate> deactivated = new LinkedHashMap<>();

		final List<OutboxBatch> batches = new ArrayList<>();

		boolean acceptPNumbers;

		boolean down;

		int batch = 500;

		@Override
		public String name() {
			return "school";
		}

		@Override
		public Set<ObjectType> publishedTypes() {
			return EnumSet.of(ObjectType.ORG_UNIT, ObjectType.ADDRESS);
		}

		@Override
		public Outbox outbox() {
			return new Outbox(null, Outbox.DEFAULT.every(), this.batch, true);
		}

		@Override
		public TargetOutcome publishBatch(OutboxBatch batch) {
			this.batches.add(batch);
			return ChangePublisher.super.publishBatch(batch);
		}

		@Override
		public void publish(TargetObject<?> object) {
			if (this.down) {
				throw new AdapterException("school: no answer", true);
			}
			if (object.timeline()
				.latest()
				.filter((o) -> o instanceof Address a && a.value().matches("\\d{10}"))
				.isPresent() && !this.acceptPNumbers) {
				throw new AdapterException("school: the school system has no P-numbers", false);
			}
			this.held.put(object.uuid(), object.timeline());
		}

		@Override
		public void deactivate(ObjectType type, UUID uuid, LocalDate date) {
			this.deactivated.put(uuid, date);
		}

	}

}
