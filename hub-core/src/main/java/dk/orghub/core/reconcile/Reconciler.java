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
import dk.orghub.core.model.OrgUnit;
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
 * <p>
 * How a source's dates are read is an {@link Options option}: whether a timeline that
 * ends before the effective date ends the stored history there too, and whether units
 * keep the parents the store holds before a date.
 */
public final class Reconciler {

	private final OrgStore store;

	private final FieldPolicy policy;

	private final Options options;

	public Reconciler(OrgStore store, FieldPolicy policy) {
		this(store, policy, Options.NONE);
	}

	public Reconciler(OrgStore store, FieldPolicy policy, Options options) {
		this.store = Objects.requireNonNull(store, "store");
		this.policy = Objects.requireNonNull(policy, "policy");
		this.options = Objects.requireNonNull(options, "options");
	}

	/**
	 * The effective-dating choices a source makes (all off by default).
	 *
	 * @param endAtEarlierEnd with an effective date (a snapshot's or batch's
	 * {@code effectiveFrom}): an object whose delivered timeline ends before that date
	 * ends there in the stored history too, instead of keeping what the store holds up to
	 * the effective date (a payroll dump that says an employment ended last month). An
	 * object left with nothing ends at the effective date.
	 * @param keepStoredParentsBefore when set, a unit the store already holds keeps the
	 * parent the store has before this date (usually today), so a move a source that
	 * knows only today's tree reports takes effect on the day it is found instead of
	 * rewriting the unit's history; {@code null} for off
	 */
	public record Options(boolean endAtEarlierEnd, LocalDate keepStoredParentsBefore) {

		/** Every choice off: the source's timelines are taken as they are. */
		public static final Options NONE = new Options(false, null);

		public Options withEndAtEarlierEnd(boolean on) {
			return new Options(on, this.keepStoredParentsBefore);
		}

		public Options withKeepStoredParentsBefore(LocalDate date) {
			return new Options(this.endAtEarlierEnd, date);
		}

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
			if (type == ObjectType.ORG_UNIT && this.options.keepStoredParentsBefore() != null) {
				wanted = keepStoredParents(wanted, before, this.options.keepStoredParentsBefore());
			}
			Timeline<OrgObject> after = merge(source, ownership, type, before, wanted, effectiveFrom,
					sources.getOrDefault(uuid, List.of()));
			if (after.isEmpty() && !before.isEmpty() && this.options.endAtEarlierEnd() && effectiveFrom != null) {
				changes.end(type, uuid, effectiveFrom);
			}
			else if (!after.equals(before)) {
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
		if (this.options.endAtEarlierEnd() && effectiveFrom != null) {
			List<Validity> coverage = desired.coverage();
			Validity last = coverage.isEmpty() ? null : coverage.get(coverage.size() - 1);
			if (last != null && !last.isOpen() && last.to().isBefore(effectiveFrom)) {
				kept = kept.remove(Validity.from(last.to()));
			}
		}
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
	 * The desired unit with the parent the store holds before {@code date} wherever the
	 * store has the unit then; from {@code date} on as desired.
	 */
	@SuppressWarnings("unchecked")
	private static Timeline<OrgObject> keepStoredParents(Timeline<OrgObject> desired, Timeline<OrgObject> stored,
			LocalDate date) {
		if (stored.isEmpty() || !date.isAfter(Validity.BEGINNING)) {
			return desired;
		}
		Timeline<OrgUnit> wanted = (Timeline<OrgUnit>) (Timeline<?>) desired;
		Timeline<OrgUnit> earlier = Timeline.combine(wanted.remove(Validity.from(date)),
				(Timeline<OrgUnit>) (Timeline<?>) stored,
				(d, s) -> (d == null) ? null
						: (s == null || Objects.equals(s.parent(), d.parent())) ? d : new OrgUnit(d.uuid(), d.userKey(),
								d.name(), s.parent(), d.unitType(), d.unitLevel(), d.payoutUnit()));
		List<Segment<OrgObject>> segments = new ArrayList<>();
		earlier.segments().forEach((segment) -> segments.add((Segment<OrgObject>) (Segment<?>) segment));
		segments.addAll(desired.remove(new Validity(Validity.BEGINNING, date)).segments());
		return Timeline.of(segments);
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
