package dk.orghub.adapters.sd;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.OrgStore;

/**
 * One SD run into the store, in one change set: all of it or (when the store refuses it)
 * nothing. This is what a scheduled route calls; it does everything but the scheduling.
 * <p>
 * {@link #run} reads the change feed from the stored token (the last date fetched), or
 * everything when there is none. A change-feed run also delivers the whole unit tree (SD
 * has no change feed for departments): units and unit addresses that SD no longer has are
 * ended today, except those of departments rejected in the run. Rejected records are in
 * the report, and never end what the store holds for them.
 * <p>
 * An unreachable or slow service, a refused login or a malformed answer throws the
 * adapter's {@link dk.orghub.core.spi.AdapterException} (temporary or not) before
 * anything is written.
 */
public final class SdSync {

	private static final Logger log = LoggerFactory.getLogger(SdSync.class);

	private final SdAdapter adapter;

	private final OrgStore store;

	private final FieldPolicy policy;

	private final Clock clock;

	private final RulePipeline rules;

	/** A sync whose own runs apply SD's default rules ({@link SdConfig#rules()}). */
	public SdSync(SdAdapter adapter, OrgStore store, FieldPolicy policy, Clock clock) {
		this(adapter, store, policy, clock, RulePipeline.of(adapter.rules()));
	}

	/**
	 * @param rules the business rules {@link #run}, {@link #full} and {@link #changes}
	 * apply; the hub runs its own rule step on what {@link #read} delivers
	 */
	public SdSync(SdAdapter adapter, OrgStore store, FieldPolicy policy, Clock clock, RulePipeline rules) {
		this.adapter = Objects.requireNonNull(adapter, "adapter");
		this.store = Objects.requireNonNull(store, "store");
		this.policy = Objects.requireNonNull(policy, "policy");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.rules = Objects.requireNonNull(rules, "rules");
	}

	/** The stored token: the last date fetched. */
	public Optional<String> lastFetched() {
		return this.store.token(this.adapter.name());
	}

	/**
	 * The change feed from the stored token, or a full read when no token is stored (or
	 * it is not a date).
	 * @param preview compute and check the changes without writing them
	 */
	public SdRunReport run(boolean preview) {
		return apply(plan(), preview);
	}

	/**
	 * Plans the next run without writing anything: {@link #read}, this sync's rules, and
	 * {@link #plan(Read)}.
	 */
	public Planned plan() {
		return plan(ruled(read()));
	}

	/**
	 * Reads the next run without the business rules and without planning: the change feed
	 * from the stored token, or a full read when no token is stored (or it is not a
	 * date).
	 */
	public Read read() {
		Optional<String> token = lastFetched();
		if (token.isEmpty() || !isDate(token.get())) {
			return readFull();
		}
		return readChanges();
	}

	/**
	 * Plans a read (with the hub's rules applied to its objects) without writing
	 * anything. The change set carries the date read up to as the source's token, which
	 * the store writes with the data. Units keep the parent the store holds before today
	 * ({@link Reconciler.Options#keepStoredParentsBefore()}): SD gives the unit tree of
	 * today only, so a move found by diffing the tree takes effect on the day it is found
	 * and does not rewrite the unit's history.
	 * <p>
	 * A full read: when departments were rejected, the store keeps what it has for those
	 * units (and their addresses), and only for them; every other unit SD no longer has
	 * is removed as usual. The change feed: units and unit addresses SD no longer has are
	 * ended today, except those of rejected departments, which stay as the store has
	 * them.
	 */
	public Planned plan(Read read) {
		Reconciler reconciler = new Reconciler(this.store, this.policy,
				Reconciler.Options.NONE.withKeepStoredParentsBefore(LocalDate.now(this.clock)));
		SdRead lastRead = read.sdRead();
		if (read.mode() == SdRunReport.Mode.FULL) {
			Snapshot delivered = read.snapshot();
			List<DesiredObject<?>> objects = new ArrayList<>(delivered.objects());
			Set<ObjectType> scope = EnumSet.noneOf(ObjectType.class);
			scope.addAll(delivered.scope());
			if (!lastRead.rejectedUnits().isEmpty()) {
				objects.addAll(storedUnits(lastRead.rejectedUnits()));
				scope.add(ObjectType.ORG_UNIT);
				scope.add(ObjectType.ADDRESS);
			}
			Snapshot snapshot = new Snapshot(scope, delivered.effectiveFrom(), objects, delivered.token());
			ChangeSet changes = reconciler.plan(this.adapter.name(), this.adapter.ownership(), snapshot);
			return new Planned(SdRunReport.Mode.FULL, changes, snapshot.token(), delivered.objects().size(), lastRead,
					read.start());
		}
		ChangeBatch batch = read.batch();
		List<ChangeBatch.EndedObject> ended = new ArrayList<>(batch.ended());
		LocalDate today = LocalDate.now(this.clock);
		vanished(batch.changed(), lastRead.rejectedUnits())
			.forEach((type, ids) -> ids.forEach(id -> ended.add(new ChangeBatch.EndedObject(type, id, today))));
		ChangeBatch complete = new ChangeBatch(batch.changed(), ended, batch.nextToken(), batch.more());
		ChangeSet changes = reconciler.plan(this.adapter.name(), this.adapter.ownership(), complete);
		return new Planned(SdRunReport.Mode.CHANGES, changes, batch.nextToken(), batch.changed().size(), lastRead,
				read.start());
	}

	/** Reads everything and reconciles it (see {@link #plan(Read)}). */
	public SdRunReport full(boolean preview) {
		return apply(plan(ruled(readFull())), preview);
	}

	/**
	 * Reads the changes since the stored token (a full read when there is none) and
	 * reconciles them (see {@link #plan(Read)}).
	 */
	public SdRunReport changes(boolean preview) {
		return apply(plan(ruled(readChanges())), preview);
	}

	private Read readFull() {
		long start = System.nanoTime();
		Snapshot snapshot = this.adapter.snapshot(context());
		return new Read(SdRunReport.Mode.FULL, snapshot, null, this.adapter.lastRead(), start);
	}

	private Read readChanges() {
		Optional<String> token = lastFetched();
		if (token.isEmpty()) {
			return readFull();
		}
		long start = System.nanoTime();
		ChangeBatch batch = this.adapter.changesSince(context(), token.get());
		return new Read(SdRunReport.Mode.CHANGES, null, batch, this.adapter.lastRead(), start);
	}

	private Read ruled(Read read) {
		return this.rules.isEmpty() ? read : read.with(this.rules.apply(read.objects(), RuleContext.of(this.store)));
	}

	/**
	 * One read of SD, not yet planned: a full snapshot or a change-feed batch.
	 *
	 * @param snapshot the snapshot of a full read, else {@code null}
	 * @param batch the batch of a change-feed read, else {@code null}
	 * @param sdRead the records SD's answers were rejected for, and the warnings
	 * @param start when reading started ({@link System#nanoTime()})
	 */
	public record Read(SdRunReport.Mode mode, Snapshot snapshot, ChangeBatch batch, SdRead sdRead, long start) {

		/** The objects SD delivered. */
		public List<DesiredObject<?>> objects() {
			return (this.snapshot != null) ? this.snapshot.objects() : this.batch.changed();
		}

		/** The same read with other objects (the rules applied). */
		public Read with(List<DesiredObject<?>> objects) {
			return (this.snapshot != null)
					? new Read(this.mode,
							new Snapshot(this.snapshot.scope(), this.snapshot.effectiveFrom(), objects,
									this.snapshot.token()),
							null, this.sdRead, this.start)
					: new Read(this.mode, null, new ChangeBatch(objects, this.batch.ended(), this.batch.nextToken(),
							this.batch.more(), this.batch.effectiveFrom()), this.sdRead, this.start);
		}

	}

	/**
	 * The units and unit addresses the store has from SD (one external id per object)
	 * that are not delivered, leaving out rejected units and their addresses.
	 */
	private Map<ObjectType, List<String>> vanished(List<DesiredObject<?>> delivered, Set<UUID> rejectedUnits) {
		Set<UUID> given = new HashSet<>();
		delivered.forEach(object -> given.add(object.uuid()));
		Map<ObjectType, List<String>> result = new EnumMap<>(ObjectType.class);
		for (ObjectType type : List.of(ObjectType.ORG_UNIT, ObjectType.ADDRESS)) {
			Map<UUID, String> missing = new LinkedHashMap<>();
			this.store.identities(this.adapter.name(), type).forEach((id, uuid) -> {
				if (!given.contains(uuid) && !(type == ObjectType.ORG_UNIT && rejectedUnits.contains(uuid))) {
					missing.putIfAbsent(uuid, id);
				}
			});
			if (type == ObjectType.ADDRESS && !rejectedUnits.isEmpty() && !missing.isEmpty()) {
				this.store.currentTimelines(Address.class, List.copyOf(missing.keySet())).forEach((uuid, timeline) -> {
					if (timeline.segments().stream().anyMatch(s -> rejectedUnits.contains(s.value().owner()))) {
						missing.remove(uuid);
					}
				});
			}
			result.put(type, List.copyOf(missing.values()));
		}
		return result;
	}

	/**
	 * What the store holds for rejected units and their addresses, as desired objects, so
	 * that a full snapshot leaves them as they are.
	 */
	private List<DesiredObject<?>> storedUnits(Set<UUID> rejectedUnits) {
		List<DesiredObject<?>> result = new ArrayList<>();
		Map<UUID, String> unitIds = new HashMap<>();
		this.store.identities(this.adapter.name(), ObjectType.ORG_UNIT).forEach((id, uuid) -> {
			if (rejectedUnits.contains(uuid)) {
				unitIds.putIfAbsent(uuid, id);
			}
		});
		this.store.currentTimelines(OrgUnit.class, List.copyOf(unitIds.keySet()))
			.forEach((uuid, timeline) -> result
				.add(new DesiredObject<>(ObjectType.ORG_UNIT, unitIds.get(uuid), timeline)));
		Map<UUID, String> addressIds = new HashMap<>();
		this.store.identities(this.adapter.name(), ObjectType.ADDRESS)
			.forEach((id, uuid) -> addressIds.putIfAbsent(uuid, id));
		this.store.currentTimelines(Address.class, List.copyOf(addressIds.keySet())).forEach((uuid, timeline) -> {
			if (timeline.segments().stream().anyMatch(s -> rejectedUnits.contains(s.value().owner()))) {
				result.add(new DesiredObject<>(ObjectType.ADDRESS, addressIds.get(uuid), timeline));
			}
		});
		return result;
	}

	private SdRunReport apply(Planned planned, boolean preview) {
		SdRunReport.Mode mode = planned.mode();
		try {
			ApplyResult result = preview ? this.store.preview(planned.changes()) : this.store.apply(planned.changes());
			SdRunReport.Status status = preview ? SdRunReport.Status.PREVIEW
					: (result.changes().isEmpty() ? SdRunReport.Status.UNCHANGED : SdRunReport.Status.APPLIED);
			SdRunReport report = planned.report(status, result, null);
			log.info("SD {} run: {} ({} changes, {} rejected records, {} warnings) in {} ms", mode, status,
					result.changes().size(), report.rejected().size(), report.warnings().size(),
					report.duration().toMillis());
			return report;
		}
		catch (InvariantViolationException ex) {
			log.warn("SD {} run refused by the store, nothing applied: {}", mode, ex.getMessage());
			return planned.report(SdRunReport.Status.REJECTED, null,
					"the store refused the changes: " + ex.getMessage());
		}
	}

	private StoreSourceContext context() {
		return new StoreSourceContext(this.store, this.adapter.name(), this.clock);
	}

	private static boolean isDate(String token) {
		try {
			LocalDate.parse(token);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * A planned run, written nothing yet.
	 *
	 * @param mode a full read or the change feed
	 * @param changes the change set, with the date read up to as the source's token
	 * @param token that date
	 * @param delivered how many objects SD's answers gave
	 * @param read the records SD's answers were rejected for, and the warnings
	 * @param start when planning started ({@link System#nanoTime()})
	 */
	public record Planned(SdRunReport.Mode mode, ChangeSet changes, String token, int delivered, SdRead read,
			long start) {

		/** The report of the plan, once written (or refused). */
		public SdRunReport report(SdRunReport.Status status, ApplyResult result, String error) {
			return new SdRunReport(this.mode, status, this.token, this.delivered, this.read.rejected(),
					this.read.warnings(), result, error, Duration.ofNanos(System.nanoTime() - this.start));
		}

	}

}
