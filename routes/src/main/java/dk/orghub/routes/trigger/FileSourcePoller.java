package dk.orghub.routes.trigger;

import java.util.Date;

import dk.orghub.core.spi.FileSource;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.InboxSync;

/**
 * What the poll route of a {@link FileSource} calls: one scheduled run of the source's
 * sync per waiting file, oldest first, each recorded as a run. Makes none while a file
 * awaits approval or a run of the sync is going on (a run now, an approved run), and
 * stops when the sync is paused; the next poll takes the rest.
 */
public class FileSourcePoller {

	private final SyncRunner runner;

	private final RunRepository runs;

	private final InboxSync sync;

	public FileSourcePoller(SyncRunner runner, RunRepository runs, InboxSync sync) {
		this.runner = runner;
		this.runs = runs;
		this.sync = sync;
	}

	/** Imports the waiting files; returns how many runs were made. */
	public int poll(Date scheduledFireTime) {
		int waiting = this.sync.inbox().pending().size();
		if (waiting == 0) {
			return 0;
		}
		if (this.runs.list(this.sync.name(), RunStatus.AWAITING_APPROVAL, 0, 1).total() > 0) {
			// the oldest file waits for an operator; the later ones must wait behind it
			return 0;
		}
		if (this.runs.runningRun(this.sync.lock()).isPresent()) {
			// a run (one now, or an approved one) is importing: the next poll goes on
			return 0;
		}
		int made = 0;
		for (int i = 0; i < waiting; i++) {
			Run run = this.runner.fire(this.sync.name(),
					(scheduledFireTime != null) ? scheduledFireTime.toInstant() : null);
			if (run == null || run.status() == RunStatus.SKIPPED || run.status() == RunStatus.AWAITING_APPROVAL) {
				break;
			}
			made++;
		}
		return made;
	}

}
