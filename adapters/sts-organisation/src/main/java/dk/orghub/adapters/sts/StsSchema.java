package dk.orghub.adapters.sts;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The adapter's tables (last sent state and quarantine; the outbox is the hub's): Flyway
 * migrations in {@value #LOCATION} with their own history table, so their versions never
 * clash with the hub's. Same SQL for H2 and PostgreSQL.
 */
public final class StsSchema {

	public static final String LOCATION = "classpath:db/migration/sts";

	public static final String HISTORY_TABLE = "sts_schema_history";

	private StsSchema() {
	}

	public static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
