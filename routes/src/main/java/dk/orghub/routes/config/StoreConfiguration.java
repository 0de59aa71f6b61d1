package dk.orghub.routes.config;

import java.time.Clock;

import javax.sql.DataSource;

import dk.orghub.core.query.OrganisationQueries;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the store (after Flyway has migrated its schema) and the queries on it. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/** The embedded database's folder and files for the hub's user only. */
	@Bean
	static EmbeddedDatabaseFiles embeddedDatabaseFiles() {
		return new EmbeddedDatabaseFiles();
	}

	@Bean
	Clock clock() {
		return Clock.system(ReadPoint.ZONE);
	}

	/**
	 * The store. Every {@link JdbcOrgStore.WriteListener} bean (e.g. a target's outbox)
	 * is called in the transaction of each change set the store applies.
	 */
	@Bean
	@DependsOnDatabaseInitialization
	OrgStore orgStore(DataSource dataSource, Clock clock, ObjectProvider<JdbcOrgStore.WriteListener> listeners) {
		return new JdbcOrgStore(dataSource, clock, listeners.orderedStream().toList());
	}

	@Bean
	OrganisationQueries organisationQueries(OrgStore store) {
		return new OrganisationQueries(store);
	}

}
