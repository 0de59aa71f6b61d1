package dk.orghub.core.spi;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One sync a {@link PlanningTarget} offers.
 *
 * @param name the sync's name (lower-case letters, digits and dashes)
 * @param description a sentence for the dashboard
 * @param cron its default schedule (a Quartz cron expression), or {@code null} for one
 * that runs only when triggered; {@code hub.syncs.<name>.cron} replaces it
 * @param timeZone the zone {@code cron} is read in, or {@code null} for the hub's default
 * @param guarded whether the safety thresholds apply by default (a plan deactivating more
 * than 5% of what the target holds waits for approval)
 * @param planner plans a run (scheduled, on start, manual)
 * @param changes the change operation (e.g. an outbox drain), or {@code null} for none
 * @param quarantine the target's quarantine, or {@code null} for none
 * @param lock the sync whose lock runs take: the job's own name, or another job's so the
 * two never run at once
 * @param runOnStart how long after the start the hub runs it once, or {@code null} for
 * never
 */
public record TargetJob(String name, String description, String cron, ZoneId timeZone, boolean guarded, Planner planner,
		Changes changes, TargetQuarantine quarantine, String lock, Duration runOnStart) {

	public TargetJob {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(planner, "planner");
		lock = (lock != null) ? lock : name;
	}

	/** A guarded job with no change operation, quarantine or run at start. */
	public static TargetJob of(String name, String description, String cron, Planner planner) {
		return new TargetJob(name, description, cron, null, true, planner, null, null, name, null);
	}

	/** The same job with its cron read in this zone. */
	public TargetJob inZone(ZoneId zone) {
		return new TargetJob(this.name, this.description, this.cron, Objects.requireNonNull(zone, "zone"), this.guarded,
				this.planner, this.changes, this.quarantine, this.lock, this.runOnStart);
	}

	/** The same job with the safety thresholds off by default. */
	public TargetJob unguarded() {
		return new TargetJob(this.name, this.description, this.cron, this.timeZone, false, this.planner, this.changes,
				this.quarantine, this.lock, this.runOnStart);
	}

	/**
	 * The same job with a change operation, which the hub polls every {@code every}: a
	 * poll when {@code waiting} is true runs {@code operation} as a run with the trigger
	 * change.
	 */
	public TargetJob withChanges(Operation operation, BooleanSupplier waiting, Duration every) {
		return new TargetJob(this.name, this.description, this.cron, this.timeZone, this.guarded, this.planner,
				new Changes(operation, waiting, every), this.quarantine, this.lock, this.runOnStart);
	}

	/** The same job with the target's quarantine. */
	public TargetJob withQuarantine(TargetQuarantine quarantine) {
		return new TargetJob(this.name, this.description, this.cron, this.timeZone, this.guarded, this.planner,
				this.changes, Objects.requireNonNull(quarantine, "quarantine"), this.lock, this.runOnStart);
	}

	/** The same job taking the lock of another job of the target. */
	public TargetJob sharingLockOf(String sync) {
		return new TargetJob(this.name, this.description, this.cron, this.timeZone, this.guarded, this.planner,
				this.changes, this.quarantine, Objects.requireNonNull(sync, "sync"), this.runOnStart);
	}

	/** The same job run once, {@code delay} after the start. */
	public TargetJob runningOnStart(Duration delay) {
		return new TargetJob(this.name, this.description, this.cron, this.timeZone, this.guarded, this.planner,
				this.changes, this.quarantine, this.lock, Objects.requireNonNull(delay, "delay"));
	}

	/** Plans a run of a job. */
	@FunctionalInterface
	public interface Planner {

		/**
		 * @throws AdapterException when the target cannot be read
		 */
		TargetPlan plan();

	}

	/** What a change run of a job does. */
	@FunctionalInterface
	public interface Operation {

		/**
		 * @return what was sent, or {@code null} when nothing was
		 * @throws AdapterException when the target refuses or cannot be reached
		 */
		TargetOutcome run();

	}

	/**
	 * A change operation and how often the hub looks whether it has work.
	 *
	 * @param operation sends what waits
	 * @param waiting whether something waits (cheap: called at every poll)
	 * @param every how often to poll
	 */
	public record Changes(Operation operation, BooleanSupplier waiting, Duration every) {

		public Changes {
			Objects.requireNonNull(operation, "operation");
			Objects.requireNonNull(waiting, "waiting");
			Objects.requireNonNull(every, "every");
			if (every.isNegative() || every.isZero()) {
				throw new IllegalArgumentException("the change poll must be positive, was " + every);
			}
		}

	}

}
