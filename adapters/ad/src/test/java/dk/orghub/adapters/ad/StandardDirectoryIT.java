package dk.orghub.adapters.ad;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a standard directory (inetOrgPerson, entryUUID, modifyTimestamp) with
 * {@code mode: ldap}: a full read, then an incremental run after a change.
 */
class StandardDirectoryIT {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	@Test
	void readsAStandardDirectoryAndFollowsModifyTimestamp() {
		SampleAccounts accounts = Fixtures.accounts(300);
		JdbcOrgStore store = TestStores.h2(this.clock);
		Fixtures.loadMunicipality(store, accounts.municipality());
		try (SampleLdapServer server = SampleLdapServer.start(SampleDirectory.inetOrgPerson(), accounts)) {
			AdConfiguration config = Fixtures.config(server).withPageSize(100);
			assertThat(config.mode()).isEqualTo(AdConfiguration.Mode.LDAP);
			AdAdapter adapter = new AdAdapter(config, new StorePersonLookup(store, this.clock));
			Reconciler reconciler = new Reconciler(store, FieldPolicy.none());

			this.clock.advance(Duration.ofMinutes(1));
			AdRun run = adapter.read(new StoreSourceContext(store, "ad", this.clock));
			reconciler.reconcile("ad", adapter.ownership(), run.snapshot(), false);
			List<ItUser> itUsers = store.list(Query.of(ItUser.class, ReadPoint.now(this.clock)))
				.items()
				.stream()
				.map(Versioned::value)
				.toList();
			List<SampleAccount> personal = accounts.all()
				.stream()
				.filter(a -> a.person() != null && a.enabled())
				.toList();
			assertThat(itUsers).extracting(ItUser::userKey)
				.containsExactlyInAnyOrderElementsOf(personal.stream().map(SampleAccount::accountName).toList());
			assertThat(itUsers).allSatisfy(u -> {
				assertThat(UUID.fromString(u.externalId())).as("entryUUID").isNotNull();
				assertThat(u.enabled()).isTrue();
			});
			assertThat(run.snapshot().token()).startsWith("modifyTimestamp:");
			assertThat(run.report().unmatched()).hasSize(accounts.in(SampleAccounts.EXTERNALS).size());

			SampleAccount changed = personal.get(7);
			server.modify(changed.accountName(), "mail", "ny.adresse@samplekommune.example");
			this.clock.advance(Duration.ofMinutes(1));
			ChangeBatch batch = adapter.changesSince(new StoreSourceContext(store, "ad", this.clock),
					run.snapshot().token());
			assertThat(batch.changed()).extracting(o -> o.timeline().segments().get(0).value().userKey())
				.contains(changed.accountName(), changed.accountName() + "/email");
			assertThat(batch.nextToken()).isNotEqualTo(run.snapshot().token());
			store.apply(reconciler.plan("ad", adapter.ownership(), batch));
			assertThat(store.list(Query.of(Address.class, ReadPoint.now(this.clock)).where("owner", changed.person()))
				.items()).extracting(v -> v.value().value()).contains("ny.adresse@samplekommune.example");
		}
	}

}
