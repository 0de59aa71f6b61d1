package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

/**
 * The bulk write through COPY on PostgreSQL; skipped unless
 * {@code -Dhub.test.postgres.url} names a database (see
 * {@link TestStores#postgresDataSource()}).
 */
class PostgresBulkWriteIT extends BulkWriteContract {

	@Override
	DataSource dataSource() {
		return TestStores.postgresDataSource();
	}

	@Override
	boolean copies() {
		return true;
	}

}
