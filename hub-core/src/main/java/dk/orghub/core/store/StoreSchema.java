package dk.orghub.core.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Creates and upgrades the store's schema with Flyway. */
public final class StoreSchema {

	/**
	 * Where the store's migrations are: SQL files and the Java migration that seeds the
	 * default classes.
	 */
	public static final String LOCATION = "classpath:db/migration/hub";

	private StoreSchema() {
	}

	/** Migrates the database to the newest schema. */
	public static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
	}

}
