package dk.orghub.routes.sync;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.store.ObjectChange;

/**
 * A sync that sends the store to a target, e.g. a full publish or a reconcile of a
 * {@link dk.orghub.core.spi.ChangePublisher}. A run first plans (what the target would be
 * sent, computed without sending), and the run machinery decides what happens to the
 * plan: a preview shows it, a plan that would deactivate more than the safety threshold
 * waits for approval, and otherwise it is sent. A target sync may also have a change
 * operation (an outbox drain): it runs only when {@link #changesWaiting()} and is
 * recorded as a run with the trigger change. The target's configuration makes the sync;
 * an entry of the same name in {@code hub.syncs} sets its schedule, pause and thresholds.
 */
public final class TargetSync implements Sync {

	private final String name;

	private final TargetAdapter target;

	private final SyncProperties.SyncSettings settings;

	private final Planner planner;

	private final Operation change;

	private final BooleanSupplier changesWaiting;

	private final Quarantine quarantine;

	private final String lock;

	/**
	 * @param planner plans a run (scheduled, on start or manual)
	 * @param change the operation of a change run, or {@code null} for none
	 * @param changesWaiting whether the change operation has anything to send
	 */
	public TargetSync(String name, TargetAdapter target, SyncProperties.SyncSettings settings, Planner planner,
			Operation change, BooleanSupplier changesWaiting) {
		this(name, target, settings, planner, change, changesWaiting, null, name);
	}

	private TargetSync(String name, TargetAdapter target, SyncProperties.SyncSettings settings, Planner planner,
			Operation change, BooleanSupplier changesWaiting, Quarantine quarantine, String lock) {
		this.quarantine = quarantine;
		this.lock = Objects.requireNonNull(lock, "lock");
		this.name = Objects.requireNonNull(name, "name");
		this.target = Objects.requireNonNull(target, "target");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.planner = Objects.requireNonNull(planner, "planner");
		this.change = change;
		this.changesWaiting = (change != null) ? Objects.requireNonNull(changesWaiting, "changesWaiting") : () -> false;
	}

	/** The same sync with other settings (from {@code hub.syncs.<name>}). */
	public TargetSync withSettings(SyncProperties.SyncSettings settings) {
		return new TargetSync(this.name, this.target, settings, this.planner, this.change, this.changesWaiting,
				this.quarantine, this.lock);
	}

	/**
	 * The same sync with the target's quarantine: its runs keep the hub's quarantine in
	 * step with it, and its objects can be retried.
	 */
	public TargetSync withQuarantine(Quarantine quarantine) {
		return new TargetSync(this.name, this.target, this.settings, this.planner, this.change, this.changesWaiting,
				Objects.requireNonNull(quarantine, "quarantine"), this.lock);
	}

	/**
	 * The same sync taking the lock of another sync of the target: the two never run at
	 * once, on any instance (e.g. a reconcile and the publish with its outbox drain).
	 */
	public TargetSync sharingLockOf(String sync) {
		return new TargetSync(this.name, this.target, this.settings, this.planner, this.change, this.changesWaiting,
				this.quarantine, Objects.requireNonNull(sync, "sync"));
	}

	@Override
	public String lock() {
		return this.lock;
	}

	/** The target's quarantine, or {@code null} when the sync has none. */
	public Quarantine quarantine() {
		return this.quarantine;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SyncKind kind() {
		return SyncKind.PUBLISH;
	}

	@Override
	public Adapter adapter() {
		return this.target;
	}

	@Override
	public SyncProperties.SyncSettings settings() {
		return this.settings;
	}

	/** Plans a run: what would be sent now; sends nothing. */
	public Plan plan() {
		return this.planner.plan();
	}

	/** Runs the change operation; {@code null} when there is none or it sent nothing. */
	public Outcome change() {
		return (this.change != null) ? this.change.run() : null;
	}

	/** Whether the change operation has something to send. */
	public boolean changesWaiting() {
		return this.change != null && this.changesWaiting.getAsBoolean();
	}

	/** Plans a run of a target sync; may throw an {@code AdapterException}. */
	@FunctionalInterface
	public interface Planner {

		Plan plan();

	}

	/** What a change run of a target sync does; may throw an {@code AdapterException}. */
	@FunctionalInterface
	public interface Operation {

		Outcome run();

	}

	/** The target's own quarantine of objects it could not take. */
	public interface Quarantine {

		/** What the target holds in its quarantine now. */
		List<Failure> held();

		/** Plans sending these objects again (and nothing else). */
		Plan retry(Set<UUID> objects);

	}

	/**
	 * An object a target run could not send.
	 *
	 * @param type the object's type in the target
	 * @param reason why, as the target or the adapter said it
	 */
	public record Failure(String type, UUID uuid, String userKey, String reason) {

	}

	/** What a run would send, computed without sending. */
	public interface Plan {

		/** The objects mapped for the target and considered. */
		int read();

		/** Of those, the ones the target already holds as they are. */
		default int unchanged() {
			return 0;
		}

		/**
		 * Every object the run would create, change or deactivate, with its diff; none
		 * for a target without objects of its own (e.g. a file).
		 */
		default List<Change> changes() {
			return List.of();
		}

		/**
		 * What the target holds from the hub, by the type names of {@link #ending()}: the
		 * base of the safety thresholds; none when they do not apply.
		 */
		default Map<String, Long> held() {
			return Map.of();
		}

		/**
		 * How many objects the run would deactivate, by type name, for the types the
		 * safety thresholds guard (e.g. units, accounts, functions).
		 */
		default Map<String, Long> ending() {
			return Map.of();
		}

		/** A line about the plan for the run, or {@code null}. */
		default String note() {
			return null;
		}

		/** Sends the plan; may throw an {@code AdapterException}. */
		Outcome send();

	}

	/**
	 * One object a target run changes, for its log and its preview.
	 *
	 * @param type the object's type in the target (e.g. {@code OrganisationEnhed})
	 * @param uuid the object's UUID (in STS the same as the hub's object it comes from)
	 * @param actor where the change comes from, e.g.
	 * {@code target:sts-organisation from org-units:<uuid>}
	 * @param intervals the old and new field values per validity interval
	 */
	public record Change(String type, UUID uuid, String userKey, ObjectChange.Kind kind, String actor,
			List<ChangeDiff.Interval> intervals) {

		public Change {
			intervals = List.copyOf(intervals);
		}

		/** The first day the change concerns, or {@code null}. */
		public LocalDate validFrom() {
			return this.intervals.isEmpty() ? null : this.intervals.get(0).from();
		}

		/** The day after the last one it concerns; {@code null} when open-ended. */
		public LocalDate validTo() {
			return this.intervals.isEmpty() ? null : this.intervals.get(this.intervals.size() - 1).to();
		}

	}

	/**
	 * What a run of a target sync did.
	 *
	 * @param read the objects mapped for the target
	 * @param created created in the target
	 * @param changed changed in the target
	 * @param ended deactivated in the target
	 * @param unchanged the target already held them as they are
	 * @param failed could not be sent (quarantined by the adapter)
	 * @param message a line for the run, or {@code null}
	 * @param changes what the target accepted, for the run's log
	 * @param failures the objects the run tried and could not send
	 */
	public record Outcome(int read, int created, int changed, int ended, int unchanged, int failed, String message,
			List<Change> changes, List<Failure> failures) {

		public Outcome {
			changes = List.copyOf(changes);
			failures = List.copyOf(failures);
		}

		public Outcome(int read, int created, int changed, int ended, int unchanged, int failed, String message) {
			this(read, created, changed, ended, unchanged, failed, message, List.of(), List.of());
		}

	}

}
