package dk.orghub.routes.schedule;

import java.util.Date;

import dk.orghub.routes.run.RunState;
import dk.orghub.routes.run.SyncRunner;

/**
 * What a schedule's route calls at each fire, in the Quartz thread: the start of the
 * sync's run, which the route then sends to the sync's own route.
 */
public class ScheduledRuns {

	private final SyncRunner runner;

	public ScheduledRuns(SyncRunner runner) {
		this.runner = runner;
	}

	/**
	 * The run of this fire, or {@code null} when there is none to run: the sync is
	 * paused, or running (the fire is recorded as skipped).
	 */
	public RunState<?> fire(String sync, Date scheduledFireTime) {
		RunState<?> run = this.runner.scheduled(sync,
				(scheduledFireTime != null) ? scheduledFireTime.toInstant() : null);
		return (run != null && run.goesOn()) ? run : null;
	}

}
