package dk.orghub.routes.demo;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: when the store holds no units, runs the sync
 * {@code samples-import} once at start, so that the synthetic municipality of the samples
 * module ({@code hub.demo.*}) is loaded and the load is the first run on the dashboard.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoMunicipality implements ApplicationRunner {

	static final String SYNC = "samples-import";

	private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

	private final OrgStore store;

	private final SyncRunner runner;

	private final Clock clock;

	DemoMunicipality(OrgStore store, SyncRunner runner, Clock clock) {
		this.store = store;
		this.runner = runner;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		ReadPoint now = ReadPoint.now(this.clock);
		long units = this.store.list(Query.of(OrgUnit.class, now).page(0, 1)).total();
		if (units > 0) {
			log.info("Demo: the store holds {} units on {}; no sample municipality loaded", units, now.at());
			return;
		}
		if (this.runner.registry().find(SYNC).isEmpty()) {
			log.warn("Demo: there is no sync '{}' (hub.syncs.{}); the store stays empty", SYNC, SYNC);
			return;
		}
		log.info("Demo: the store is empty; loading the sample municipality with sync '{}'", SYNC);
		Run run = this.runner.runNow(SYNC, Trigger.STARTUP, "system", false);
		if (run.counts().created() == 0) {
			throw new IllegalStateException(
					"Demo: the first run of '" + SYNC + "' created nothing: " + run.status() + " " + run.message());
		}
	}

}
