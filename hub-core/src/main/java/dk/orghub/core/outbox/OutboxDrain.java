package dk.orghub.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.OutboxBatch;
import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.spi.TargetQuarantine;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

/**
 * Drains the hub's outbox for one {@link ChangePublisher}: takes the waiting rows, hands
 * the objects they name with their current timelines to
 * {@link ChangePublisher#publishBatch} and deletes the rows. A target not answering (an
 * exception) leaves the rows for the next drain. The objects the target refused are its
 * dead letters: kept in the outbox with the reason ({@link #quarantine()}) unless the
 * target keeps a quarantine of its own.
 * <p>
 * Not thread-safe: the hub calls it under the lock of the sync that drains the target.
 */
public final class OutboxDrain {

	private final TargetOutbox outbox;

	private final OrgStore store;

	private final ChangePublisher target;

	private final Clock clock;

	private final boolean keepRefused;

	/**
	 * @param keepRefused whether the outbox keeps the objects the target refuses (false
	 * for a target with a quarantine of its own)
	 */
	public OutboxDrain(TargetOutbox outbox, OrgStore store, ChangePublisher target, Clock clock, boolean keepRefused) {
		this.outbox = Objects.requireNonNull(outbox, "outbox");
		this.store = Objects.requireNonNull(store, "store");
		this.target = Objects.requireNonNull(target, "target");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.keepRefused = keepRefused;
	}

	/** Whether rows wait. */
	public boolean waiting() {
		return pending() > 0;
	}

	/** The rows waiting. */
	public int pending() {
		return this.outbox.pending(this.target.name());
	}

	/**
	 * One drain.
	 * @return what the target did, with a line on the rows; {@code null} when nothing
	 * waited
	 * @throws dk.orghub.core.spi.AdapterException when the target cannot be reached; the
	 * rows stay
	 */
	public TargetOutcome drain() {
		String name = this.target.name();
		TargetOutbox.Taken taken = this.outbox.take(name, this.target.outbox().batch());
		if (taken.rows().isEmpty()) {
			return null;
		}
		Map<UUID, ObjectType> types = new LinkedHashMap<>();
		Map<UUID, ObjectChange.Kind> kinds = new LinkedHashMap<>();
		Set<UUID> created = new HashSet<>();
		for (TargetOutbox.Row row : taken.rows()) {
			types.put(row.uuid(), row.type());
			kinds.put(row.uuid(), row.kind());
			if (row.kind() == ObjectChange.Kind.CREATED) {
				created.add(row.uuid());
			}
		}
		kinds.replaceAll((uuid, kind) -> (kind != ObjectChange.Kind.ENDED && created.contains(uuid))
				? ObjectChange.Kind.CREATED : kind);
		OutboxBatch batch = new OutboxBatch(taken.rows().size(), kinds, () -> load(types),
				this.outbox.drainedLastByThis(name), taken.whole(), ReadPoint.today(this.clock));
		TargetOutcome outcome = this.target.publishBatch(batch);
		Set<UUID> refused = new HashSet<>();
		outcome.failures().forEach((f) -> refused.add(f.uuid()));
		List<UUID> sent = types.keySet().stream().filter((uuid) -> !refused.contains(uuid)).toList();
		this.outbox.drained(name, taken.rows(), sent, outcome.failures(), this.keepRefused);
		String line = taken.rows().size() + " outbox row(s) for " + types.size() + " object(s)";
		return new TargetOutcome(outcome.read(), outcome.created(), outcome.changed(), outcome.ended(),
				outcome.unchanged(), outcome.failed(),
				(outcome.message() != null) ? line + "; " + outcome.message() : line, outcome.changes(),
				outcome.failures());
	}

	/**
	 * A planned run of the outbox (run now, a preview): what waits, a line per object as
	 * the rows say; sending it drains.
	 */
	public TargetPlan plan() {
		TargetOutbox.Taken taken = this.outbox.take(this.target.name(), this.target.outbox().batch());
		Map<UUID, TargetChange> changes = new LinkedHashMap<>();
		for (TargetOutbox.Row row : taken.rows()) {
			changes.put(row.uuid(), new TargetChange(row.type().name(), row.uuid(), null, row.kind(),
					"target:" + this.target.name(), List.of()));
		}
		List<TargetChange> planned = List.copyOf(changes.values());
		return new TargetPlan() {

			@Override
			public int read() {
				return planned.size();
			}

			@Override
			public List<TargetChange> changes() {
				return planned;
			}

			@Override
			public String note() {
				return planned.isEmpty() ? "nothing waits in the outbox" : null;
			}

			@Override
			public TargetOutcome send() {
				TargetOutcome outcome = drain();
				return (outcome != null) ? outcome : new TargetOutcome(0, 0, 0, 0, 0, 0, "nothing to send");
			}

		};
	}

	/**
	 * The objects the target refused, as the quarantine of the sync that drains: a retry
	 * sends those objects again as they are now.
	 */
	public TargetQuarantine quarantine() {
		return new TargetQuarantine() {

			@Override
			public List<TargetFailure> held() {
				return OutboxDrain.this.outbox.refused(OutboxDrain.this.target.name())
					.stream()
					.map((r) -> new TargetFailure(r.type().name(), r.uuid(), null, r.reason()))
					.toList();
			}

			@Override
			public TargetPlan retry(Set<UUID> objects) {
				return retryPlan(objects);
			}

		};
	}

	private TargetPlan retryPlan(Set<UUID> objects) {
		Map<UUID, ObjectType> types = new LinkedHashMap<>();
		this.outbox.refused(this.target.name())
			.stream()
			.filter((r) -> objects.contains(r.uuid()))
			.forEach((r) -> types.put(r.uuid(), r.type()));
		return new TargetPlan() {

			@Override
			public int read() {
				return types.size();
			}

			@Override
			public List<TargetChange> changes() {
				return types.entrySet()
					.stream()
					.map((e) -> new TargetChange(e.getValue().name(), e.getKey(), null, ObjectChange.Kind.CHANGED,
							"target:" + OutboxDrain.this.target.name(), List.of()))
					.toList();
			}

			@Override
			public TargetOutcome send() {
				Map<UUID, ObjectChange.Kind> kinds = new LinkedHashMap<>();
				types.keySet().forEach((uuid) -> kinds.put(uuid, ObjectChange.Kind.CHANGED));
				OutboxBatch batch = new OutboxBatch(types.size(), kinds, () -> load(types), false, false,
						ReadPoint.today(OutboxDrain.this.clock));
				TargetOutcome outcome = OutboxDrain.this.target.publishBatch(batch);
				Set<UUID> refused = new HashSet<>();
				outcome.failures().forEach((f) -> refused.add(f.uuid()));
				OutboxDrain.this.outbox.retried(OutboxDrain.this.target.name(),
						types.keySet().stream().filter((uuid) -> !refused.contains(uuid)).toList(), outcome.failures(),
						types);
				return outcome;
			}

		};
	}

	/** The objects with their current timelines, in the order given. */
	private List<TargetObject<?>> load(Map<UUID, ObjectType> types) {
		Map<ObjectType, Set<UUID>> byType = new LinkedHashMap<>();
		types.forEach((uuid, type) -> byType.computeIfAbsent(type, (t) -> new LinkedHashSet<>()).add(uuid));
		Map<UUID, Timeline<?>> timelines = new LinkedHashMap<>();
		byType.forEach((type, uuids) -> timelines.putAll(current(type.javaType(), uuids)));
		List<TargetObject<?>> objects = new ArrayList<>(types.size());
		types.forEach((uuid, type) -> objects.add(object(type, uuid, timelines.get(uuid))));
		return objects;
	}

	private <T extends OrgObject> Map<UUID, Timeline<T>> current(Class<T> type, Collection<UUID> uuids) {
		return this.store.currentTimelines(type, uuids);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static TargetObject<?> object(ObjectType type, UUID uuid, Timeline<?> timeline) {
		return new TargetObject(type, uuid, (timeline != null) ? timeline : Timeline.empty());
	}

}
