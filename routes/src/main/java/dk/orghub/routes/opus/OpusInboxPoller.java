package dk.orghub.routes.opus;

import java.util.Date;

import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.FileInbox;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.Sync;

/**
 * What the inbox route calls at each poll: one scheduled run of the inbox's sync per
 * waiting dump, oldest first, each recorded as a run. Makes none while a dump awaits
 * approval or a run of the sync is going on (a run now, an approved run), and stops when
 * the sync is paused; the next poll takes the rest.
 */
public class OpusInboxPoller {

	private final SyncRunner runner;

	private final RunRepository runs;

	private final FileInbox inbox;

	public OpusInboxPoller(SyncRunner runner, RunRepository runs, FileInbox inbox) {
		this.runner = runner;
		this.runs = runs;
		this.inbox = inbox;
	}

	/** Imports the waiting dumps; returns how many runs were made. */
	public int poll(Date scheduledFireTime) {
		int waiting = this.inbox.pending().size();
		if (waiting == 0) {
			return 0;
		}
		Sync inboxSync = this.runner.registry()
			.all()
			.stream()
			.filter((s) -> s instanceof InboxSync candidate && candidate.inbox() == this.inbox)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no sync runs the inbox " + this.inbox.location()));
		String sync = inboxSync.name();
		if (this.runs.list(sync, RunStatus.AWAITING_APPROVAL, 0, 1).total() > 0) {
			// the oldest dump waits for an operator; the later ones must wait behind it
			return 0;
		}
		if (this.runs.runningRun(inboxSync.lock()).isPresent()) {
			// a run (one now, or an approved one) is importing: the next poll goes on
			return 0;
		}
		int runs = 0;
		for (int i = 0; i < waiting; i++) {
			Run run = this.runner.fire(sync, (scheduledFireTime != null) ? scheduledFireTime.toInstant() : null);
			if (run == null || run.status() == RunStatus.SKIPPED || run.status() == RunStatus.AWAITING_APPROVAL) {
				break;
			}
			runs++;
		}
		return runs;
	}

}
