package dk.orghub.routes.testing;

import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh database with the store's and the operations' tables. */
public final class OpsDatabase {

	private OpsDatabase() {
	}

	/** A fresh in-memory H2 database. */
	public static DataSource migrated() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return withOperations(dataSource);
	}

	/**
	 * A fresh schema in the PostgreSQL database of {@code hub.test.postgres.url}; skips
	 * the calling test with a message when the property is not set (see
	 * {@link TestStores}).
	 */
	public static DataSource postgres() {
		return withOperations(TestStores.postgresDataSource());
	}

	private static DataSource withOperations(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/hub", "classpath:db/migration/ops")
			.outOfOrder(true)
			.load()
			.migrate();
		return dataSource;
	}

}
