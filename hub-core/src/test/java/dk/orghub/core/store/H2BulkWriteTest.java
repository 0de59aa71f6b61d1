package dk.orghub.core.store;

import javax.sql.DataSource;

import dk.orghub.core.testing.TestStores;

class H2BulkWriteTest extends BulkWriteContract {

	@Override
	DataSource dataSource() {
		return TestStores.h2DataSource();
	}

	@Override
	boolean copies() {
		return false;
	}

}
