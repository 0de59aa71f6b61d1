package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

/**
 * The store on PostgreSQL; skipped unless {@code -Dhub.test.postgres.url} names a
 * database (see {@link TestStores#postgresDataSource()}).
 */
class PostgresOrgStoreIT extends OrgStoreContract {

	@Override
	DataSource dataSource() {
		return TestStores.postgresDataSource();
	}

}
