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
 * <p>
 * Addresses may be shared: several sources deliver one object (a person's e-mail from the
 * directory and from payroll, see {@link dk.orghub.core.spi.SharedAddress}). The sources
 * bound to an address are the ones that deliver it: a source that stops delivering it
 * releases its binding, and the address ends only when no source is left. A field's
 * configured winner takes it only while the winner delivers the object; without a
 * configured winner, the source bound to the object first keeps the fields it owns. While
 * another source delivers it, an address does not end where one source's timeline does.
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
			Map<String, UUID> bound = new HashMap<>(this.store.identities(source, type));
			Set<UUID> delivered = new HashSet<>();
			planDesired(source, ownership, type, desired, bound, snapshot.effectiveFrom(), changes, delivered);
			if (inScope) {
				planMissing(source, type, desired, bound, delivered, snapshot.effectiveFrom(), changes);
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
		Map<ObjectType, Set<UUID>> delivered = new EnumMap<>(ObjectType.class);
		for (Map.Entry<ObjectType, List<DesiredObject<?>>> entry : byType.entrySet()) {
			requireOwned(source, ownership, entry.getKey());
			planDesired(source, ownership, entry.getKey(), entry.getValue(),
					new HashMap<>(this.store.identities(source, entry.getKey())), batch.effectiveFrom(), changes,
					delivered.computeIfAbsent(entry.getKey(), t -> new HashSet<>()));
		}
		Map<ObjectType, Map<String, UUID>> boundByType = new EnumMap<>(ObjectType.class);
		Map<ObjectType, Map<LocalDate, Set<UUID>>> stopped = new EnumMap<>(ObjectType.class);
		for (ChangeBatch.EndedObject ended : batch.ended()) {
			if (!shared(ended.type())) {
				this.store.identity(source, ended.type(), ended.externalId())
					.ifPresent(uuid -> changes.end(ended.type(), uuid, ended.date()));
				continue;
			}
			Map<String, UUID> bound = boundByType.computeIfAbsent(ended.type(),
					t -> new HashMap<>(this.store.identities(source, t)));
			UUID uuid = bound.get(ended.externalId());
			if (uuid == null) {
				continue;
			}
			if (delivered.getOrDefault(ended.type(), Set.of()).contains(uuid)) {
				changes.release(source, ended.type(), ended.externalId(), uuid);
				bound.remove(ended.externalId());
				continue;
			}
			stopped.computeIfAbsent(ended.type(), t -> new HashMap<>())
				.computeIfAbsent(ended.date(), d -> new HashSet<>())
				.add(uuid);
		}
		stopped.forEach((type, byDate) -> byDate
			.forEach((date, uuids) -> stop(source, type, uuids, boundByType.get(type), Validity.from(date), changes)));
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
		Map<UUID, List<String>> sources = shared(type) ? this.store.boundSources(type, uuids) : Map.of();
		Set<UUID> moved = new HashSet<>();
		for (DesiredObject<?> object : desired) {
			UUID uuid = object.uuid();
			delivered.add(uuid);
			UUID existing = bound.get(object.externalId());
			if (existing == null) {
				changes.bind(source, type, object.externalId(), uuid);
				bound.put(object.externalId(), uuid);
			}
			else if (!existing.equals(uuid) && shared(type)) {
				changes.release(source, type, object.externalId(), existing);
				changes.bind(source, type, object.externalId(), uuid);
				bound.put(object.externalId(), uuid);
				moved.add(existing);
			}
			Timeline<OrgObject> before = stored.getOrDefault(uuid, Timeline.empty());
			@SuppressWarnings("unchecked")
			Timeline<OrgObject> wanted = (Timeline<OrgObject>) object.timeline();
			Timeline<OrgObject> after = merge(source, ownership, type, before, wanted, effectiveFrom,
					sources.getOrDefault(uuid, List.of()));
			if (!after.equals(before)) {
				changes.replace(type, uuid, after);
			}
		}
		moved.removeAll(delivered);
		Validity gone = (effectiveFrom != null) ? Validity.from(effectiveFrom) : Validity.always();
		stop(source, type, moved, bound, gone, changes);
	}

	/**
	 * A source no longer delivers the objects: a shared one loses the source's bindings
	 * and ends only when no other source is bound to it; any other ends.
	 */
	private void stop(String source, ObjectType type, Set<UUID> uuids, Map<String, UUID> bound, Validity gone,
			ChangeSet.Builder changes) {
		if (uuids.isEmpty()) {
			return;
		}
		Map<UUID, List<String>> sources = shared(type) ? this.store.boundSources(type, uuids) : Map.of();
		if (shared(type)) {
			bound.entrySet().removeIf(entry -> {
				if (uuids.contains(entry.getValue())) {
					changes.release(source, type, entry.getKey(), entry.getValue());
					return true;
				}
				return false;
			});
		}
		for (UUID uuid : uuids) {
			if (sources.getOrDefault(uuid, List.of()).stream().allMatch(source::equals)) {
				changes.remove(type, uuid, gone);
			}
		}
	}

	/** Whether objects of the type may be delivered by several sources as one object. */
	private static boolean shared(ObjectType type) {
		return type == ObjectType.ADDRESS;
	}

	/**
	 * @param sources the sources bound to the object before this change, the one bound
	 * first first
	 */
	private Timeline<OrgObject> merge(String source, SourceOwnership ownership, ObjectType type,
			Timeline<OrgObject> stored, Timeline<OrgObject> desired, LocalDate effectiveFrom, List<String> sources) {
		boolean othersDeliver = sources.stream().anyMatch(other -> !other.equals(source));
		RecordFields fields = RecordFields.of(type);
		Timeline<OrgObject> spoken = (effectiveFrom != null)
				? desired.remove(Validity.between(Validity.BEGINNING, effectiveFrom)) : desired;
		Timeline<OrgObject> kept = (effectiveFrom != null) ? stored.remove(Validity.from(effectiveFrom))
				: Timeline.empty();
		Timeline<OrgObject> current = (effectiveFrom != null)
				? stored.remove(Validity.between(Validity.BEGINNING, effectiveFrom)) : stored;
		Timeline<OrgObject> merged = Timeline.combine(current, spoken, (s, d) -> {
			if (d == null) {
				return othersDeliver ? s : null;
			}
			if (s == null) {
				return d;
			}
			return fields.merge(s, d, field -> wins(source, ownership, d, field, shared(type) ? sources : null));
		});
		List<Segment<OrgObject>> all = new ArrayList<>(kept.segments());
		all.addAll(merged.segments());
		return Timeline.of(all);
	}

	/**
	 * Whether the source's value of a field wins: the configured winner's, else the value
	 * of every source that owns the field. On a shared object, the configured winner's
	 * only while it delivers the object, and else the owning source bound to it first.
	 * @param sources the sources bound to a shared object, {@code null} for other objects
	 */
	private boolean wins(String source, SourceOwnership ownership, OrgObject value, String field,
			List<String> sources) {
		var winner = this.policy.winner(value, field);
		if (sources == null) {
			return winner.map(source::equals).orElseGet(() -> ownership.owns(value.type(), field));
		}
		if (winner.isPresent() && (winner.get().equals(source) || sources.contains(winner.get()))) {
			return winner.get().equals(source);
		}
		return ownership.owns(value.type(), field) && (sources.isEmpty() || sources.get(0).equals(source));
	}

	private void planMissing(String source, ObjectType type, List<DesiredObject<?>> desired, Map<String, UUID> bound,
			Set<UUID> delivered, LocalDate effectiveFrom, ChangeSet.Builder changes) {
		Validity gone = (effectiveFrom != null) ? Validity.from(effectiveFrom) : Validity.always();
		if (shared(type)) {
			Set<String> deliveredIds = new HashSet<>();
			desired.forEach(object -> deliveredIds.add(object.externalId()));
			bound.entrySet().removeIf(entry -> {
				if (!deliveredIds.contains(entry.getKey()) && delivered.contains(entry.getValue())) {
					changes.release(source, type, entry.getKey(), entry.getValue());
					return true;
				}
				return false;
			});
		}
		Set<UUID> missing = new HashSet<>(bound.values());
		missing.removeAll(delivered);
		stop(source, type, missing, bound, gone, changes);
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
