package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

/**
 * Associations and hierarchies in the store on PostgreSQL; skipped unless
 * {@code -Dhub.test.postgres.url} names a database.
 */
class PostgresActorsAndHierarchiesIT extends ActorsAndHierarchiesContract {

	@Override
	DataSource dataSource() {
		return TestStores.postgresDataSource();
	}

}
