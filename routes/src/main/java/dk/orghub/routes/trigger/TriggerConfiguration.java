package dk.orghub.routes.trigger;

import dk.orghub.core.spi.HubRuns;
import dk.orghub.routes.run.RunRepository;
import dk.orghub.routes.run.SyncRunner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes that trigger runs for what adapters offer (file polls, change polls, runs at
 * start), and the hub's runs as adapters ask for them.
 */
@Configuration(proxyBeanMethods = false)
class TriggerConfiguration {

	@Bean
	AdapterTriggers adapterTriggers(SyncRunner runner, RunRepository runs) {
		return new AdapterTriggers(runner, runs);
	}

	@Bean
	HubRuns hubRuns(SyncRunner runner) {
		return new HubRunsForAdapters(runner);
	}

}
