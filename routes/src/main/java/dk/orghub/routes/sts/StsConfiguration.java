package dk.orghub.routes.sts;

import java.time.Clock;

import javax.sql.DataSource;

import dk.orghub.adapters.sts.CanonicalState;
import dk.orghub.adapters.sts.SentLedger;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsOutbox;
import dk.orghub.adapters.sts.StsSchema;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.OrgStore;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.sync.TargetSync;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * STS Organisation as a target, on when {@code hub.targets.sts.base-url} or a KOMBIT
 * environment is set ({@link ConditionalOnStsTarget}): the settings
 * ({@link StsProperties}), the adapter's tables (migrated after the hub's own Flyway
 * migration), the outbox written in each change set's transaction (a write listener of
 * the store), the adapter, the syncs {@code sts-publish} and {@code sts-reconcile}
 * ({@link StsRuns}), the routes that drain the outbox and publish at start, and the
 * consumer profiles. Every bean can be replaced by one of the same type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStsTarget
class StsConfiguration {

	/**
	 * The outbox. Creating it migrates the adapter's tables ({@code sts_sent},
	 * {@code sts_quarantine}, {@code sts_outbox}, {@code sts_outbox_drainer}; own history
	 * table), after the hub's Flyway migration and before the store, which takes its
	 * writer as a listener.
	 */
	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	StsOutbox stsOutbox(DataSource dataSource, Clock clock, StsProperties properties, Environment environment) {
		properties.settings();
		StsSchema.migrate(dataSource);
		if (environment.getProperty(DemoLocalSts.LOCAL_SERVICE, Boolean.class, false)) {
			// the demo's in-memory service starts empty: forget what was sent to the last
			// one
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.update("DELETE FROM sts_sent");
			jdbc.update("DELETE FROM sts_quarantine");
			jdbc.update("DELETE FROM sts_outbox");
		}
		return new StsOutbox(dataSource, clock, properties.outbox().batch());
	}

	@Bean
	JdbcOrgStore.WriteListener stsOutboxWriter(StsOutbox outbox) {
		return outbox.writer();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	StsOrganisationAdapter stsOrganisationAdapter(StsProperties properties, DataSource dataSource, Clock clock,
			ObjectProvider<OrgStore> store, StsOutbox outbox) {
		return new StsOrganisationAdapter(properties.settings(), new SentLedger(dataSource, clock), clock,
				() -> CanonicalState.load(store.getObject()));
	}

	@Bean
	@ConditionalOnMissingBean
	StsOperations stsOperations(StsOrganisationAdapter adapter, StsOutbox outbox, OrgStore store, Clock clock,
			StsCertificates certificates) {
		return new StsOperations(adapter, outbox, store, clock, certificates::certificates);
	}

	@Bean
	TargetSync stsPublishSync(StsOrganisationAdapter adapter, StsOperations operations, StsOutbox outbox) {
		return StsRuns.publishSync(adapter, operations, outbox);
	}

	@Bean
	TargetSync stsReconcileSync(StsOrganisationAdapter adapter, StsOperations operations) {
		return StsRuns.reconcileSync(adapter, operations);
	}

	@Bean
	StsRuns stsRuns(SyncRunner runner, StsOperations operations) {
		return new StsRuns(runner, operations);
	}

	@Bean
	StsRoutes stsRoutes(StsProperties properties, StsRuns runs) {
		return new StsRoutes(properties, runs);
	}

	/** The certificates' expiry (dashboard, metrics). */
	@Bean
	StsCertificates stsCertificates(StsOrganisationAdapter adapter, Clock clock, MeterRegistry meters) {
		return new StsCertificates(adapter.settings(), clock, meters);
	}

	/** The target's health ({@code stsTarget}). */
	@Bean("stsTarget")
	StsHealth stsTargetHealth(StsCertificates certificates, StsOperations operations) {
		return new StsHealth(certificates, operations::lastFailure);
	}

	@Bean
	@ConditionalOnMissingBean
	StsProfileReadiness stsProfileReadiness(StsOrganisationAdapter adapter) {
		return new StsProfileReadiness(adapter);
	}

}
