package dk.orghub.routes.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.config.HubProperties;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: when the store holds no units, generates the synthetic
 * municipality of the samples module ({@code hub.demo.employees}, {@code hub.demo.seed},
 * today as its reference date) and applies it in one change set by
 * {@code source:samples}.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoMunicipality implements ApplicationRunner {

	static final Actor ACTOR = Actor.source("samples");

	private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

	private final OrgStore store;

	private final HubProperties.Demo properties;

	private final Clock clock;

	DemoMunicipality(OrgStore store, HubProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties.demo();
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
		LocalDate today = now.at();
		log.info("Demo: generating a sample municipality of {} employees (seed {}, as at {})",
				this.properties.employees(), this.properties.seed(), today);
		long start = System.nanoTime();
		Municipality municipality = MunicipalityGenerator.generate(this.properties.seed(), this.properties.employees(),
				today);
		long generated = System.nanoTime();
		log.info("Demo: generated {} objects in {} ms: {}; storing them in one change set", municipality.objectCount(),
				millis(start, generated), municipality);
		ApplyResult result = this.store.apply(municipality.toChangeSet(ACTOR));
		long stored = System.nanoTime();
		log.info(
				"Demo: stored the sample municipality in {} ms ({} objects created, registration {}); "
						+ "{} ms in all",
				millis(generated, stored), result.count(ObjectChange.Kind.CREATED),
				(result.registration() != null) ? result.registration().id() : "none", millis(start, stored));
	}

	private static long millis(long from, long to) {
		return Duration.ofNanos(to - from).toMillis();
	}

}
