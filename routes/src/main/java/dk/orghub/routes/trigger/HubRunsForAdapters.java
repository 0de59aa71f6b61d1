package dk.orghub.routes.trigger;

import dk.orghub.core.spi.HubRuns;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.SyncRunner;

/** The hub's runs as adapters ask for them ({@link HubRuns}), through the runner. */
class HubRunsForAdapters implements HubRuns {

	private final SyncRunner runner;

	HubRunsForAdapters(SyncRunner runner) {
		this.runner = runner;
	}

	@Override
	public boolean exists(String sync) {
		return this.runner.registry().find(sync).isPresent();
	}

	@Override
	public Result run(String sync, HubRuns.Trigger trigger, String user) {
		if (!exists(sync)) {
			throw new IllegalArgumentException("There is no sync '" + sync + "'");
		}
		Run run = this.runner.runNow(sync, (trigger == HubRuns.Trigger.STARTUP) ? dk.orghub.routes.run.Trigger.STARTUP
				: dk.orghub.routes.run.Trigger.MANUAL, user, false);
		return new Result(run.id(), run.status().name(), run.message(), run.counts().created());
	}

}
