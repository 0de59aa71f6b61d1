package dk.orghub.routes.classes;

import java.time.Clock;
import java.util.List;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.routes.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds the classes of {@code hub.classes} the store lacks, in one change set by
 * {@code system:configuration}, when the application starts. A bad entry stops the start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConfiguredClasses implements ApplicationRunner {

	static final Actor ACTOR = Actor.system("configuration");

	private static final Logger log = LoggerFactory.getLogger(ConfiguredClasses.class);

	private final OrgStore store;

	private final HubProperties properties;

	private final Clock clock;

	ConfiguredClasses(OrgStore store, HubProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.properties.classes().isEmpty()) {
			return;
		}
		ReadPoint now = ReadPoint.now(this.clock);
		List<Facet> facets = values(this.store.list(Query.of(Facet.class, now)).items());
		List<Klasse> classes = values(this.store.list(Query.of(Klasse.class, now)).items());
		ClassPlan plan = ClassPlan.of(this.properties.classes(), facets, classes);
		if (!plan.errors().isEmpty()) {
			throw new IllegalStateException("Bad hub.classes configuration: " + String.join("; ", plan.errors()));
		}
		if (plan.missing().isEmpty()) {
			log.info("All {} configured classes are in the store", this.properties.classes().size());
			return;
		}
		ChangeSet.Builder changes = ChangeSet.by(ACTOR).note("classes from hub.classes");
		for (Klasse klasse : plan.missing()) {
			changes.put(klasse, Validity.always());
		}
		this.store.apply(changes.build());
		log.info("Added {} configured classes: {}", plan.missing().size(),
				plan.missing().stream().map(Klasse::userKey).toList());
	}

	private static <T extends OrgObject> List<T> values(List<Versioned<T>> versions) {
		return versions.stream().map(Versioned::value).toList();
	}

}
