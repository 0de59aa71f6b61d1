package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

/** Associations and hierarchies in the store on the embedded H2 database. */
class H2ActorsAndHierarchiesTest extends ActorsAndHierarchiesContract {

	@Override
	DataSource dataSource() {
		return TestStores.h2DataSource();
	}

}
