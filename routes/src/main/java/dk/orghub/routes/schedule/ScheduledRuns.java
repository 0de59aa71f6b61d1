package dk.orghub.routes.schedule;

import java.util.Date;

import dk.orghub.routes.run.SyncRunner;

/** What a schedule's route calls at each fire: the sync's run, in the Quartz thread. */
public class ScheduledRuns {

	private final SyncRunner runner;

	public ScheduledRuns(SyncRunner runner) {
		this.runner = runner;
	}

	public void fire(String sync, Date scheduledFireTime) {
		this.runner.fire(sync, (scheduledFireTime != null) ? scheduledFireTime.toInstant() : null);
	}

}
