package dk.orghub.core.spi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.ObjectChange;

/**
 * Capability: a target that creates or updates objects, and so takes the store's changes
 * as they are committed.
 * <p>
 * The hub keeps an outbox for every {@code ChangePublisher}: each change set that changes
 * an object of one of its {@link #publishedTypes()} writes a row for it in the change
 * set's own transaction. A sync drains it (the hub's {@code <name>-changes}, or one of
 * the target's own {@link PlanningTarget} jobs, see {@link #outbox()}): every
 * {@link Outbox#every()} when rows wait, as a recorded run, one drain at a time across
 * all hub instances. A drain hands the changed objects to {@link #publishBatch}; the rows
 * are deleted when it returns, kept for the next drain when it throws a temporary
 * {@link AdapterException}, and an object it refused is the sync's quarantine (the dead
 * letter) until it is sent again.
 */
public interface ChangePublisher extends TargetAdapter {

	/**
	 * Makes the target hold {@code object}. Publishing the same object twice has the same
	 * effect as once.
	 * @throws AdapterException when the target refuses
	 * ({@link AdapterException#isTemporary()} false) or cannot be reached (true)
	 */
	void publish(TargetObject<?> object);

	/**
	 * The types whose changes the hub sends this target; all by default. Asked once, at
	 * the first change the store writes.
	 */
	default Set<ObjectType> publishedTypes() {
		return EnumSet.allOf(ObjectType.class);
	}

	/** How the hub drains this target's outbox; {@link Outbox#DEFAULT} by default. */
	default Outbox outbox() {
		return Outbox.DEFAULT;
	}

	/**
	 * Sends one drain of the outbox. By default object by object: an object that has
	 * ended ({@link OutboxBatch#endedOn}) goes to {@link Deactivator#deactivate} when
	 * this target is a {@link Deactivator}, every other one to {@link #publish}. A target
	 * that works better on many objects at once (one comparison, a bulk call) overrides
	 * it.
	 * @return what was sent: the counts, a {@link TargetChange} per object sent and a
	 * {@link TargetFailure} per object refused (a permanent {@link AdapterException});
	 * the hub logs the first and quarantines the second
	 * @throws AdapterException (temporary) when the target cannot be reached: the whole
	 * batch waits for the next drain, so what was sent before is sent again (publishing
	 * twice equals once)
	 */
	default TargetOutcome publishBatch(OutboxBatch batch) {
		int created = 0;
		int changed = 0;
		int ended = 0;
		List<TargetChange> done = new ArrayList<>();
		List<TargetFailure> refused = new ArrayList<>();
		for (TargetObject<?> object : batch.objects()) {
			String userKey = object.timeline().latest().map((o) -> o.userKey()).orElse(null);
			LocalDate end = batch.endedOn(object);
			ObjectChange.Kind kind;
			try {
				if (end != null && this instanceof Deactivator deactivator) {
					deactivator.deactivate(object.type(), object.uuid(), end);
					kind = ObjectChange.Kind.ENDED;
					ended++;
				}
				else {
					publish(object);
					kind = (end != null) ? ObjectChange.Kind.ENDED : batch.kind(object.uuid());
					if (kind == ObjectChange.Kind.CREATED) {
						created++;
					}
					else if (kind == ObjectChange.Kind.ENDED) {
						ended++;
					}
					else {
						changed++;
					}
				}
			}
			catch (AdapterException ex) {
				if (ex.isTemporary()) {
					throw ex;
				}
				refused.add(new TargetFailure(object.type().name(), object.uuid(), userKey, ex.getMessage()));
				continue;
			}
			done.add(new TargetChange(object.type().name(), object.uuid(), userKey, kind, "target:" + name(),
					List.of()));
		}
		return new TargetOutcome(batch.size(), created, changed, ended, 0, refused.size(), null, done, refused);
	}

	/**
	 * How the hub drains a target's outbox.
	 *
	 * @param sync the sync whose change runs drain it: one of the target's own
	 * {@link PlanningTarget#jobs() jobs} (its quarantine is then the target's), or
	 * {@code null} for a sync the hub makes, {@code <name>-changes}
	 * @param every how often the hub looks for waiting rows
	 * @param batch at most this many rows one drain takes; a backlog of this many or more
	 * is taken whole ({@link OutboxBatch#whole()})
	 * @param drains whether this hub instance drains at all (rows are written anyway, and
	 * another instance may drain them)
	 */
	record Outbox(String sync, Duration every, int batch, boolean drains) {

		/** The hub's sync, every second, 500 rows a drain. */
		public static final Outbox DEFAULT = new Outbox(null, Duration.ofSeconds(1), 500, true);

		public Outbox {
			Objects.requireNonNull(every, "every");
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException("the outbox poll must be positive, was " + every);
			}
			if (batch < 1) {
				throw new IllegalArgumentException("the outbox batch must be positive, was " + batch);
			}
		}

	}

}
