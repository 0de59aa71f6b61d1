package dk.orghub.adapters.ad;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dk.orghub.core.model.ItUser;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.ldap.SampleLdif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Unreachable and slow directories, a wrong password and bad account data: a clear error
 * naming the connection or the account, and a failed run changes nothing.
 */
class BadInputIT {

	private static SampleAccounts accounts;

	private static SampleLdapServer server;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	@BeforeAll
	static void start() {
		accounts = Fixtures.accounts(200);
		server = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anUnreachableDirectoryIsATemporaryErrorNamingTheConnection() {
		String url = "ldap://127.0.0.1:" + Fixtures.closedPort();
		AdAdapter adapter = adapter(Fixtures.config(server).withUrl(url, SampleDirectory.BIND_PASSWORD));
		assertThatThrownBy(() -> adapter.read(context(TestStores.h2(this.clock))))
			.isInstanceOfSatisfying(AdapterException.class, ex -> assertThat(ex.isTemporary()).isTrue())
			.hasMessageStartingWith("ad: reading the directory at " + url + " failed: cannot connect");
	}

	@Test
	void aSlowDirectoryTimesOut() {
		AdAdapter adapter = adapter(
				Fixtures.config(server).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
		try (SampleLdapServer.Stall stall = server.stallSearches()) {
			assertThatThrownBy(() -> adapter.read(context(TestStores.h2(this.clock))))
				.isInstanceOfSatisfying(AdapterException.class, ex -> assertThat(ex.isTemporary()).isTrue())
				.hasMessageContaining(server.url())
				.hasMessageContaining("no answer within 300 ms (read-timeout)");
		}
	}

	@Test
	void aBaseDnTheDirectoryLacksIsNamed() {
		SampleDirectory directory = server.directory();
		String missing = directory.ouDn("Nowhere");
		AdAdapter adapter = adapter(AdConfiguration
			.of(AdConfiguration.Mode.AD, server.url(), directory.bindDn(), SampleDirectory.BIND_PASSWORD,
					List.of(directory.ouDn(SampleAccounts.EMPLOYEES), missing))
			.withCpr(directory.cprAttribute(), directory.cprSeparator()));
		assertThatThrownBy(() -> adapter.read(context(TestStores.h2(this.clock))))
			.isInstanceOfSatisfying(AdapterException.class, ex -> assertThat(ex.isTemporary()).isFalse())
			.hasMessageContaining("base DN '" + missing + "' (hub.sources.ad.base-dns) does not exist");
	}

	@Test
	void aWrongPasswordIsAPermanentErrorNamingTheBindDn() {
		AdAdapter adapter = adapter(Fixtures.config(server).withUrl(server.url(), "wrong-password"));
		assertThatThrownBy(adapter::testConnection)
			.isInstanceOfSatisfying(AdapterException.class, ex -> assertThat(ex.isTemporary()).isFalse())
			.hasMessageContaining("the bind as '" + server.directory().bindDn() + "' was refused")
			.message()
			.doesNotContain("wrong-password");
	}

	@Test
	void aMalformedCprOrAShortGuidFailsTheRunNamingTheAccountsAndChangesNothing() {
		JdbcOrgStore store = TestStores.h2(this.clock);
		Fixtures.loadMunicipality(store, accounts.municipality());
		this.clock.advance(Duration.ofMinutes(1));
		try (SampleLdapServer bad = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts)) {
			AdAdapter adapter = adapter(Fixtures.config(bad), store);
			Reconciler reconciler = new Reconciler(store, FieldPolicy.none());
			AdRun first = adapter.read(context(store));
			reconciler.reconcile("ad", adapter.ownership(), first.snapshot(), false);
			int itUsers = itUsers(store);
			assertThat(itUsers).isPositive();

			bad.addEntry(entry(bad, "badcpr", SampleLdif.guidBytes(UUID.randomUUID()), "3113801234"));
			bad.addEntry(entry(bad, "shortguid", new byte[15], null));
			this.clock.advance(Duration.ofMinutes(1));
			assertThatThrownBy(() -> adapter.read(context(store)))
				.isInstanceOfSatisfying(AdapterException.class, ex -> assertThat(ex.isTemporary()).isFalse())
				.hasMessageContaining("ad: 2 account(s) in the directory at " + bad.url() + " have bad data")
				.hasMessageContaining("account 'badcpr' (CN=badcpr,OU=Medarbejdere,DC=samplekommune,DC=example)"
						+ ": employeeID is not a valid CPR number")
				.hasMessageContaining("311380-xxxx")
				.hasMessageContaining("account 'shortguid' (CN=shortguid,OU=Medarbejdere,DC=samplekommune,DC=example)"
						+ ": objectGUID has 15 bytes; a GUID has 16")
				.message()
				.doesNotContain("3113801234");
			assertThatThrownBy(() -> adapter.changes(context(store), first.snapshot().token()))
				.isInstanceOf(AdapterException.class)
				.hasMessageContaining("have bad data");
			assertThat(itUsers(store)).isEqualTo(itUsers);
			assertThat(store.token("ad")).contains(first.snapshot().token());
		}
	}

	private static Entry entry(SampleLdapServer server, String name, byte[] guid, String cpr) {
		Entry entry = new Entry("CN=" + name + "," + server.directory().ouDn(SampleAccounts.EMPLOYEES));
		entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
		entry.addAttribute("cn", name);
		entry.addAttribute("sn", name);
		entry.addAttribute("sAMAccountName", name);
		entry.addAttribute("objectGUID", guid);
		entry.addAttribute("userAccountControl", "512");
		entry.addAttribute("uSNChanged", Long.toString(server.nextUsn()));
		if (cpr != null) {
			entry.addAttribute("employeeID", cpr);
		}
		return entry;
	}

	private int itUsers(JdbcOrgStore store) {
		return store.list(Query.of(ItUser.class, ReadPoint.now(this.clock))).items().size();
	}

	private AdAdapter adapter(AdConfiguration config) {
		return new AdAdapter(config, PersonLookup.of(Map.of()));
	}

	private AdAdapter adapter(AdConfiguration config, JdbcOrgStore store) {
		return new AdAdapter(config, new StorePersonLookup(store, this.clock));
	}

	private StoreSourceContext context(JdbcOrgStore store) {
		return new StoreSourceContext(store, "ad", this.clock);
	}

}
