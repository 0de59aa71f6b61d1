package dk.orghub.adapters.ad;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.testkit.SnapshotSourceContract;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;

/**
 * the test kit's snapshot contract against the in-process AD, with the persons loaded
 * first.
 */
class AdSnapshotSourceContractIT extends SnapshotSourceContract {

	private static SampleAccounts accounts;

	private static SampleLdapServer server;

	@BeforeAll
	static void start() {
		accounts = Fixtures.accounts(200);
		server = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Override
	protected void prepareStore(JdbcOrgStore store) {
		Fixtures.loadMunicipality(store, accounts.municipality());
	}

	@Override
	protected SnapshotSource createAdapter() {
		return new AdAdapter(Fixtures.config(server).withPageSize(50), new StorePersonLookup(this.store, this.clock));
	}

}
