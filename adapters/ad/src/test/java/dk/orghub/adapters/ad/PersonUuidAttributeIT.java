package dk.orghub.adapters.ad;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
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
 * An external consultant without a CPR number gets an account in the in-process AD whose
 * {@code extensionAttribute2} holds the consultant's person UUID: the account becomes the
 * consultant's IT user; an account naming a person who is not there is reported.
 */
class PersonUuidAttributeIT {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	@Test
	void aConsultantWithoutCprIsMatchedByThePersonUuidAttribute() {
		SampleAccounts accounts = Fixtures.accounts(300);
		JdbcOrgStore store = TestStores.h2(this.clock);
		Fixtures.loadMunicipality(store, accounts.municipality());
		Person consultant = accounts.municipality()
			.actors()
			.persons()
			.values()
			.stream()
			.map(t -> t.segments().get(t.segments().size() - 1).value())
			.filter(p -> p.cpr() == null && p.noCprReason() != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the sample has no consultant without a CPR number"));
		try (SampleLdapServer server = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts)) {
			server.add(account("ekskon1", consultant));
			server.modify("ekskon1", "extensionAttribute2", consultant.uuid().toString());
			server.add(account("ekskon2", consultant));
			server.modify("ekskon2", "extensionAttribute2", UUID.randomUUID().toString());
			AdConfiguration config = Fixtures.config(server).withPersonUuidAttribute("extensionAttribute2");
			AdAdapter adapter = new AdAdapter(config, new StorePersonLookup(store, this.clock));

			this.clock.advance(Duration.ofMinutes(1));
			AdRun run = adapter.read(new StoreSourceContext(store, "ad", this.clock));
			new Reconciler(store, FieldPolicy.none()).reconcile("ad", adapter.ownership(), run.snapshot(), false);

			List<ItUser> itUsers = store
				.list(Query.of(ItUser.class, ReadPoint.now(this.clock)).where("person", consultant.uuid()))
				.items()
				.stream()
				.map(Versioned::value)
				.toList();
			assertThat(itUsers).extracting(ItUser::userKey).containsExactly("ekskon1");
			assertThat(run.report().unmatched()).anySatisfy(u -> {
				assertThat(u.accountName()).isEqualTo("ekskon2");
				assertThat(u.reason()).isEqualTo(AdReport.Reason.UNKNOWN_PERSON);
			}).noneMatch(u -> u.accountName().equals("ekskon1"));

			AdRun without = new AdAdapter(Fixtures.config(server), new StorePersonLookup(store, this.clock))
				.read(new StoreSourceContext(store, "ad", this.clock));
			assertThat(without.report().unmatched()).anySatisfy(u -> {
				assertThat(u.accountName()).isEqualTo("ekskon1");
				assertThat(u.reason()).isEqualTo(AdReport.Reason.NO_CPR);
			});
		}
	}

	private static SampleAccount account(String name, Person person) {
		return new SampleAccount(UUID.nameUUIDFromBytes(name.getBytes()), name, SampleAccounts.EXTERNALS,
				SampleAccount.Kind.EXTERNAL, person.givenName(), person.surname(), name + "@consult.example", null,
				null, true, null, null, LocalDate.parse("2026-02-01"));
	}

}
