package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

/** The store on the embedded H2 database. */
class H2OrgStoreTest extends OrgStoreContract {

	@Override
	DataSource dataSource() {
		return TestStores.h2DataSource();
	}

}
