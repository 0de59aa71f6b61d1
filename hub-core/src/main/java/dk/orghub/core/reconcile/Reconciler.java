package dk.orghub.core.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;

/**
 * Turns a source's desired state into a change set against the store, and applies it or
 * (as a preview) only computes it.
 * <p>
 * Per desired object, the stored timeline and the desired one are combined over every
 * interval: where the source says the object exists, fields the source wins (by the
 * {@link FieldPolicy}, or by declared ownership where no winner is configured) come from
 * the source and the rest stay as stored; where the source says it does not exist, it
 * does not (a source is responsible for the existence of the objects it delivers). A
 * snapshot speaks only from its {@code effectiveFrom} date on; earlier history is left
 * alone. An object the source delivered before (its external id is bound) but that is
 * missing from a full snapshot is ended at {@code effectiveFrom}.
 */
public final class Reconciler {

	private final OrgStore store;

	private final FieldPolicy policy;

	public Reconciler(OrgStore store, FieldPolicy policy) {
		this.store = Objects.requireNonNull(store, "store");
		this.policy = Objects.requireNonNull(policy, "policy");
	}

	/** Computes the change set that brings the store to a source's full snapshot. */
	public ChangeSet plan(String source, SourceOwnership ownership, Snapshot snapshot) {
		ChangeSet.Builder changes = ChangeSet.by(Actor.source(source)).note("full snapshot");
		Map<ObjectType, List<DesiredObject<?>>> byType = groupByType(snapshot.objects());
		for (ObjectType type : ObjectType.values()) {
			List<DesiredObject<?>> desired = byType.getOrDefault(type, List.of());
			boolean inScope = snapshot.scope().contains(type);
			if (desired.isEmpty() && !inScope) {
				continue;
			}
			requireOwned(source, ownership, type);
			Map<String, UUID> bound = this.store.identities(source, type);
			Set<UUID> delivered = new HashSet<>();
			planDesired(source, ownership, type, desired, bound, snapshot.effectiveFrom(), changes, delivered);
			if (inScope) {
				planMissing(type, bound, delivered, snapshot.effectiveFrom(), changes);
			}
		}
		if (snapshot.token() != null) {
			changes.token(source, snapshot.token());
		}
		return changes.build();
	}

	/**
	 * Computes the change set for a batch of a source's change feed, storing its next
	 * token.
	 */
	public ChangeSet plan(String source, SourceOwnership ownership, ChangeBatch batch) {
		ChangeSet.Builder changes = ChangeSet.by(Actor.source(source)).note("change feed");
		Map<ObjectType, List<DesiredObject<?>>> byType = groupByType(batch.changed());
		for (Map.Entry<ObjectType, List<DesiredObject<?>>> entry : byType.entrySet()) {
			requireOwned(source, ownership, entry.getKey());
			planDesired(source, ownership, entry.getKey(), entry.getValue(),
					this.store.identities(source, entry.getKey()), batch.effectiveFrom(), changes, new HashSet<>());
		}
		for (ChangeBatch.EndedObject ended : batch.ended()) {
			this.store.identity(source, ended.type(), ended.externalId())
				.ifPresent(uuid -> changes.end(ended.type(), uuid, ended.date()));
		}
		changes.token(source, batch.nextToken());
		return changes.build();
	}

	/** Plans and applies, or with {@code preview} only plans and validates. */
	public ApplyResult reconcile(String source, SourceOwnership ownership, Snapshot snapshot, boolean preview) {
		ChangeSet changes = plan(source, ownership, snapshot);
		return preview ? this.store.preview(changes) : this.store.apply(changes);
	}

	private void planDesired(String source, SourceOwnership ownership, ObjectType type, List<DesiredObject<?>> desired,
			Map<String, UUID> bound, LocalDate effectiveFrom, ChangeSet.Builder changes, Set<UUID> delivered) {
		List<UUID> uuids = desired.stream().map(DesiredObject::uuid).toList();
		@SuppressWarnings("unchecked")
		Map<UUID, Timeline<OrgObject>> stored = this.store.currentTimelines((Class<OrgObject>) type.javaType(), uuids);
		for (DesiredObject<?> object : desired) {
			UUID uuid = object.uuid();
			delivered.add(uuid);
			UUID existing = bound.get(object.externalId());
			if (existing == null) {
				changes.bind(source, type, object.externalId(), uuid);
			}
			Timeline<OrgObject> before = stored.getOrDefault(uuid, Timeline.empty());
			@SuppressWarnings("unchecked")
			Timeline<OrgObject> wanted = (Timeline<OrgObject>) object.timeline();
			Timeline<OrgObject> after = merge(source, ownership, type, before, wanted, effectiveFrom);
			if (!after.equals(before)) {
				changes.replace(type, uuid, after);
			}
		}
	}

	private Timeline<OrgObject> merge(String source, SourceOwnership ownership, ObjectType type,
			Timeline<OrgObject> stored, Timeline<OrgObject> desired, LocalDate effectiveFrom) {
		RecordFields fields = RecordFields.of(type);
		Timeline<OrgObject> spoken = (effectiveFrom != null)
				? desired.remove(Validity.between(Validity.BEGINNING, effectiveFrom)) : desired;
		Timeline<OrgObject> kept = (effectiveFrom != null) ? stored.remove(Validity.from(effectiveFrom))
				: Timeline.empty();
		Timeline<OrgObject> current = (effectiveFrom != null)
				? stored.remove(Validity.between(Validity.BEGINNING, effectiveFrom)) : stored;
		Timeline<OrgObject> merged = Timeline.combine(current, spoken, (s, d) -> {
			if (d == null) {
				return null;
			}
			if (s == null) {
				return d;
			}
			return fields.merge(s, d, field -> wins(source, ownership, type, field));
		});
		List<Segment<OrgObject>> all = new ArrayList<>(kept.segments());
		all.addAll(merged.segments());
		return Timeline.of(all);
	}

	private boolean wins(String source, SourceOwnership ownership, ObjectType type, String field) {
		return this.policy.winner(type, field).map(source::equals).orElseGet(() -> ownership.owns(type, field));
	}

	private static void planMissing(ObjectType type, Map<String, UUID> bound, Set<UUID> delivered,
			LocalDate effectiveFrom, ChangeSet.Builder changes) {
		Validity gone = (effectiveFrom != null) ? Validity.from(effectiveFrom) : Validity.always();
		for (UUID uuid : new HashSet<>(bound.values())) {
			if (!delivered.contains(uuid)) {
				changes.remove(type, uuid, gone);
			}
		}
	}

	private static void requireOwned(String source, SourceOwnership ownership, ObjectType type) {
		if (!ownership.types().contains(type)) {
			throw new IllegalArgumentException(
					"source '" + source + "' delivered " + type.collection() + " but does not declare owning them");
		}
	}

	private static Map<ObjectType, List<DesiredObject<?>>> groupByType(List<DesiredObject<?>> objects) {
		Map<ObjectType, List<DesiredObject<?>>> byType = new EnumMap<>(ObjectType.class);
		Map<ObjectType, Set<String>> seen = new HashMap<>();
		for (DesiredObject<?> object : objects) {
			if (!seen.computeIfAbsent(object.type(), t -> new HashSet<>()).add(object.externalId())) {
				throw new IllegalArgumentException("duplicate " + object.type().collection() + " id '"
						+ Cpr.maskIfCpr(object.externalId()) + "' in the source");
			}
			byType.computeIfAbsent(object.type(), t -> new ArrayList<>()).add(object);
		}
		return byType;
	}

}
