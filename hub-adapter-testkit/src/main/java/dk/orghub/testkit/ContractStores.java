package dk.orghub.testkit;

import java.time.Clock;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.StoreSchema;

/** Empty, migrated stores for contract tests: an in-memory H2 database per call. */
public final class ContractStores {

	private ContractStores() {
	}

	/**
	 * A fresh in-memory store with the hub's schema, reading "today" from {@code clock}.
	 */
	public static JdbcOrgStore h2(Clock clock) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		StoreSchema.migrate(dataSource);
		return new JdbcOrgStore(dataSource, clock);
	}

}
