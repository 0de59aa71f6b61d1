package dk.orghub.adapters.sts.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import dk.orghub.adapters.sts.CanonicalState;
import dk.orghub.adapters.sts.SentLedger;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsSchema;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.HubRuns;
import dk.orghub.core.spi.TargetUnitScope;
import dk.orghub.core.store.OrgStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * STS Organisation as a target, on when {@code hub.targets.sts.base-url} or a KOMBIT
 * environment is set ({@link ConditionalOnStsTarget}): the settings
 * ({@link StsProperties}) with the units sent ({@link StsUnitProperties}), the adapter's
 * tables (migrated after the hub's own Flyway migration), the adapter with the syncs it
 * offers ({@code sts-publish} with its publish at start, whose change runs drain the
 * hub's outbox for the adapter, and {@code sts-reconcile}: {@link StsRuns}; the hub makes
 * their routes), the endpoints {@code /api/v1/targets/sts} and {@code /api/v1/profiles},
 * the target's health and certificate metrics, and the consumer profiles for the
 * dashboard. Every bean can be replaced by one of the same type.
 */
@AutoConfiguration
@ConditionalOnStsTarget
@EnableConfigurationProperties({ StsProperties.class, StsUnitProperties.class })
public class StsAutoConfiguration {

	/**
	 * Set by the demo's local STS service, whose objects live in memory: the hub forgets
	 * at start what it sent before.
	 */
	public static final String LOCAL_SERVICE = "hub.targets.sts.local-service";

	/**
	 * The adapter's tables ({@code sts_sent}, {@code sts_quarantine}; own history table),
	 * migrated after the hub's Flyway migration (an upgrade moves the rows of the
	 * adapter's old outbox into the hub's).
	 */
	@Bean
	@DependsOnDatabaseInitialization
	StsTables stsTables(DataSource dataSource, StsProperties properties, Environment environment) {
		properties.settings();
		StsSchema.migrate(dataSource);
		if (environment.getProperty(LOCAL_SERVICE, Boolean.class, false)) {
			// the demo's in-memory service starts empty: forget what was sent to the last
			// one
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.update("DELETE FROM sts_sent");
			jdbc.update("DELETE FROM sts_quarantine");
			jdbc.update("DELETE FROM target_outbox WHERE target = ?", StsOrganisationAdapter.NAME);
		}
		return new StsTables();
	}

	/** The adapter's tables are migrated. */
	static final class StsTables {

	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	StsOrganisationAdapter stsOrganisationAdapter(StsProperties properties, StsUnitProperties units,
			DataSource dataSource, Clock clock, ObjectProvider<OrgStore> store, StsTables tables,
			ObjectProvider<StsOperations> operations) {
		UnitScope scope = units.scope();
		StsOrganisationAdapter adapter = new StsOrganisationAdapter(properties.settings(),
				new SentLedger(dataSource, clock), clock, () -> CanonicalState.load(store.getObject(), scope));
		return adapter.drainedAs(outbox(properties))
			.knowingRegistrations(() -> store.getObject().lastRegistered())
			.offering(() -> StsRuns.jobs(adapter, operations.getObject(), properties));
	}

	/**
	 * The hub drains its outbox for the adapter as change runs of {@code sts-publish},
	 * whose quarantine is the adapter's.
	 */
	static ChangePublisher.Outbox outbox(StsProperties properties) {
		return new ChangePublisher.Outbox(StsRuns.PUBLISH, properties.outbox().period(), properties.outbox().batch(),
				properties.outbox().enabled());
	}

	@Bean
	@ConditionalOnMissingBean
	StsOperations stsOperations(StsOrganisationAdapter adapter, TargetOutbox outbox, Clock clock,
			StsCertificates certificates) {
		return new StsOperations(adapter, outbox, clock, certificates::certificates);
	}

	/**
	 * The units sent ({@code hub.targets.sts.units.*}), for the organisation pages'
	 * marks.
	 */
	@Bean
	TargetUnitScope stsUnitScope(StsUnitProperties units) {
		return TargetUnitScope.of(StsOrganisationAdapter.NAME, units.scope());
	}

	@Bean
	StsRuns stsRuns(HubRuns runs, StsOperations operations) {
		return new StsRuns(runs, operations);
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
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	StsController stsController(StsRuns runs, StsOperations operations) {
		return new StsController(runs, operations);
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ProfileController stsProfileController(StsOrganisationAdapter adapter) {
		return new ProfileController(adapter);
	}

	@Bean
	@ConditionalOnMissingBean
	StsProfileReadiness stsProfileReadiness(StsOrganisationAdapter adapter) {
		return new StsProfileReadiness(adapter);
	}

}
