package dk.orghub.demo;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.spi.HubRuns;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Profile {@code demo}: when the store holds no units, runs the sync
 * {@code samples-import} once at start, so that the synthetic municipality of the samples
 * module ({@code hub.demo.*}) is loaded and the load is the first run on the dashboard.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoMunicipality implements ApplicationRunner {

	static final String SYNC = "samples-import";

	private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

	private final OrgStore store;

	private final HubRuns runs;

	private final Clock clock;

	DemoMunicipality(OrgStore store, HubRuns runs, Clock clock) {
		this.store = store;
		this.runs = runs;
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
		if (!this.runs.exists(SYNC)) {
			log.warn("Demo: there is no sync '{}' (hub.syncs.{}); the store stays empty", SYNC, SYNC);
			return;
		}
		log.info("Demo: the store is empty; loading the sample municipality with sync '{}'", SYNC);
		HubRuns.Result run = this.runs.run(SYNC, HubRuns.Trigger.STARTUP, "system");
		if (run.created() == 0) {
			throw new IllegalStateException(
					"Demo: the first run of '" + SYNC + "' created nothing: " + run.status() + " " + run.message());
		}
	}

}
