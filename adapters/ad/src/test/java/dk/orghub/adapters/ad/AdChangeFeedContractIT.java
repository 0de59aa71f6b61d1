package dk.orghub.adapters.ad;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.testkit.ChangeFeedSourceContract;

/**
 * The test kit's change-feed contract against the in-process AD (uSNChanged tokens), with
 * the persons loaded first; a change is a new telephone number on an employee's account.
 */
class AdChangeFeedContractIT extends ChangeFeedSourceContract {

	private static final Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

	private static SampleAccounts accounts;

	private static SampleLdapServer server;

	private static int changes;

	@BeforeAll
	static void start() {
		accounts = Fixtures.accounts(100);
		server = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Override
	protected Clock clock() {
		return clock;
	}

	@Override
	protected void prepareStore(JdbcOrgStore store) {
		Fixtures.loadMunicipality(store, accounts.municipality());
	}

	@Override
	protected Adapter createAdapter() {
		return new AdAdapter(Fixtures.config(server).withPageSize(20), new StorePersonLookup(this.store, clock));
	}

	@Override
	protected void changeTheSource() {
		SampleAccount employee = accounts.of(SampleAccount.Kind.EMPLOYEE).get(changes % 10);
		changes++;
		server.modify(employee.accountName(), "telephoneNumber", "+45 70 10 20 " + (10 + changes));
	}

}
