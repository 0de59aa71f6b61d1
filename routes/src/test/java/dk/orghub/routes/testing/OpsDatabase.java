package dk.orghub.routes.testing;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the store's and the operations' tables. */
public final class OpsDatabase {

	private OpsDatabase() {
	}

	public static DataSource migrated() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:ops-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/hub", "classpath:db/migration/ops")
			.outOfOrder(true)
			.load()
			.migrate();
		return dataSource;
	}

}
