package dk.orghub.routes.sync;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.spi.TargetQuarantine;

/**
 * A sync that sends the store to a target: one {@link TargetJob} of a
 * {@link PlanningTarget} with its settings. A run first plans (what the target would be
 * sent, computed without sending), and the run machinery decides what happens to the
 * plan: a preview shows it, a plan that would deactivate more than the safety threshold
 * waits for approval, and otherwise it is sent. A job may also have a change operation
 * (an outbox drain): it runs only when {@link #changesWaiting()} and is recorded as a run
 * with the trigger change. An entry of the job's name in {@code hub.syncs} sets its
 * schedule, pause and thresholds.
 */
public final class TargetSync implements Sync {

	private final TargetJob job;

	private final TargetAdapter target;

	private final SyncProperties.SyncSettings settings;

	/**
	 * @param job what the target offers
	 * @param target the adapter that offers it
	 * @param settings the sync's settings ({@link #defaults(TargetJob, TargetAdapter)}
	 * unless {@code hub.syncs} has an entry)
	 */
	public TargetSync(TargetJob job, TargetAdapter target, SyncProperties.SyncSettings settings) {
		this.job = Objects.requireNonNull(job, "job");
		this.target = Objects.requireNonNull(target, "target");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * A sync of a job with the given settings; a change operation, when given, is polled
	 * every second.
	 * @param planner plans a run (scheduled, on start or manual)
	 * @param change the operation of a change run, or {@code null} for none
	 * @param changesWaiting whether the change operation has anything to send
	 */
	public TargetSync(String name, TargetAdapter target, SyncProperties.SyncSettings settings,
			TargetJob.Planner planner, TargetJob.Operation change, BooleanSupplier changesWaiting) {
		this(job(name, settings, planner, change, changesWaiting), target, settings);
	}

	private static TargetJob job(String name, SyncProperties.SyncSettings settings, TargetJob.Planner planner,
			TargetJob.Operation change, BooleanSupplier changesWaiting) {
		TargetJob job = TargetJob.of(name, (settings.description() != null) ? settings.description() : name,
				settings.cron(), planner);
		return (change != null) ? job.withChanges(change, changesWaiting, Duration.ofSeconds(1)) : job;
	}

	/**
	 * The settings of a job no {@code hub.syncs} entry names: its schedule, and the
	 * thresholds (on a plan deactivating more than 5% of what the target holds) unless
	 * the job is not guarded.
	 */
	public static SyncProperties.SyncSettings defaults(TargetJob job, TargetAdapter target) {
		return new SyncProperties.SyncSettings(target.name(), job.description(), job.cron(),
				(job.timeZone() != null) ? job.timeZone() : ZoneId.of("Europe/Copenhagen"), false, job.guarded()
						? new SyncProperties.Thresholds(true, 0.05, 20) : new SyncProperties.Thresholds(false, 1.0, 0));
	}

	/** The same sync with other settings (from {@code hub.syncs.<name>}). */
	public TargetSync withSettings(SyncProperties.SyncSettings settings) {
		return new TargetSync(this.job, this.target, settings);
	}

	/** The same sync with the target's quarantine ({@link TargetJob#withQuarantine}). */
	public TargetSync withQuarantine(TargetQuarantine quarantine) {
		return new TargetSync(this.job.withQuarantine(quarantine), this.target, this.settings);
	}

	/**
	 * The same sync taking the lock of another sync of the target
	 * ({@link TargetJob#sharingLockOf}).
	 */
	public TargetSync sharingLockOf(String sync) {
		return new TargetSync(this.job.sharingLockOf(sync), this.target, this.settings);
	}

	/** What the target offers. */
	public TargetJob job() {
		return this.job;
	}

	@Override
	public String lock() {
		return this.job.lock();
	}

	/** The target's quarantine, or {@code null} when the sync has none. */
	public TargetQuarantine quarantine() {
		return this.job.quarantine();
	}

	@Override
	public String name() {
		return this.job.name();
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
	public TargetPlan plan() {
		return this.job.planner().plan();
	}

	/** Runs the change operation; {@code null} when there is none or it sent nothing. */
	public TargetOutcome change() {
		return (this.job.changes() != null) ? this.job.changes().operation().run() : null;
	}

	/** Whether the change operation has something to send. */
	public boolean changesWaiting() {
		return this.job.changes() != null && this.job.changes().waiting().getAsBoolean();
	}

}
