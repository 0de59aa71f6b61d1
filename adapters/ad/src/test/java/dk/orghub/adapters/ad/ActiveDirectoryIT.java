package dk.orghub.adapters.ad;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.spi.ChangeBatch;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.ldap.SampleLdif;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the in-process AD over a real socket: more than 1,000 accounts in one OU (so
 * paging is needed), the CPR number in {@code extensionAttribute1} as
 * {@code DDMMYY-SSSS}, then an incremental run after changes in the directory.
 */
class ActiveDirectoryIT {

	private static final int EMPLOYEES = 1_500;

	private static SampleAccounts accounts;

	private static SampleLdapServer server;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	private JdbcOrgStore store;

	private AdAdapter adapter;

	@BeforeAll
	static void startDirectory() {
		accounts = Fixtures.accounts(EMPLOYEES);
		assertThat(accounts.in(SampleAccounts.EMPLOYEES)).hasSizeGreaterThan(SampleLdapServer.MAX_PAGE_SIZE);
		server = SampleLdapServer.start(SampleDirectory.activeDirectory().withCpr("extensionAttribute1", "-"),
				accounts);
	}

	@AfterAll
	static void stopDirectory() {
		server.close();
	}

	@BeforeEach
	void loadPersons() {
		this.store = TestStores.h2(this.clock);
		Fixtures.loadMunicipality(this.store, accounts.municipality());
		this.clock.advance(Duration.ofMinutes(1));
		this.adapter = new AdAdapter(Fixtures.config(server), new StorePersonLookup(this.store, this.clock));
	}

	@Test
	void aFullReadPagesThroughEveryAccountAndGivesThemToPersonsByCpr() {
		AdRun run = this.adapter.read(context());
		ApplyResult applied = reconciler().reconcile("ad", this.adapter.ownership(), run.snapshot(), false);
		assertThat(applied.applied()).isTrue();

		List<SampleAccount> personal = accounts.all().stream().filter(a -> a.person() != null && a.enabled()).toList();
		Map<String, ItUser> itUsers = itUsersAt(today());
		assertThat(itUsers).hasSize(personal.size());
		for (SampleAccount account : personal) {
			ItUser itUser = itUsers.get(account.accountName());
			assertThat(itUser).as(account.accountName()).isNotNull();
			assertThat(itUser.externalId()).isEqualTo(account.id().toString());
			assertThat(itUser.person()).isEqualTo(account.person());
			assertThat(itUser.itSystem())
				.isEqualTo(DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "Active Directory"));
		}
		assertThat(itUsers).doesNotContainKeys(
				accounts.of(SampleAccount.Kind.LEAVER).stream().map(SampleAccount::accountName).toArray(String[]::new));

		AdReport report = run.report();
		assertThat(report.accountsRead())
			.isEqualTo(accounts.in(SampleAccounts.EMPLOYEES).size() + accounts.in(SampleAccounts.EXTERNALS).size());
		assertThat(report.disabled()).isEqualTo(accounts.of(SampleAccount.Kind.LEAVER).size());
		assertThat(report.unmatched()).extracting(AdReport.UnmatchedAccount::accountName)
			.as("the externals are reported, the service accounts' OU is not read")
			.containsExactlyInAnyOrderElementsOf(
					accounts.in(SampleAccounts.EXTERNALS).stream().map(SampleAccount::accountName).toList());
		assertThat(report.conflicts()).extracting(AdReport.PersonConflict::person)
			.containsExactlyInAnyOrderElementsOf(
					accounts.of(SampleAccount.Kind.SECOND).stream().map(SampleAccount::person).toList());
		assertThat(this.adapter.lastReport()).contains(report);

		SampleAccount employee = accounts.of(SampleAccount.Kind.EMPLOYEE).get(0);
		assertThat(addressesOf(employee.person())).extracting(Address::value)
			.containsExactlyInAnyOrder(employee.mail(), employee.phone());
		SampleAccount second = accounts.of(SampleAccount.Kind.SECOND).get(0);
		SampleAccount first = accounts.ofPerson(second.person()).get(0);
		assertThat(addressesOf(second.person())).extracting(Address::value)
			.as("the older account is primary")
			.containsExactlyInAnyOrder(first.mail(), first.phone());

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(
				reconciler().plan("ad", this.adapter.ownership(), this.adapter.read(context()).snapshot()).operations())
			.as("reading the unchanged directory again changes nothing")
			.isEmpty();
	}

	@Test
	void anIncrementalRunAppliesTheChangesMadeInTheDirectory() {
		try (SampleLdapServer changing = SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts)) {
			AdAdapter adapter = new AdAdapter(Fixtures.config(changing), new StorePersonLookup(this.store, this.clock));
			AdRun first = adapter.read(context());
			reconciler().reconcile("ad", adapter.ownership(), first.snapshot(), false);
			String token = first.snapshot().token();
			assertThat(token).as("the highest uSNChanged under the base DNs").isEqualTo("usn:" + highestUsnInScope());

			List<SampleAccount> employees = accounts.of(SampleAccount.Kind.EMPLOYEE);
			SampleAccount moved = employees.get(1);
			SampleAccount disabled = employees.get(2);
			SampleAccount deleted = employees.get(3);
			SampleAccount gainsAccount = employees.get(4);
			changing.modify(moved.accountName(), "telephoneNumber", "+45 70 10 20 30");
			changing.disable(disabled.accountName());
			changing.delete(deleted.accountName());
			SampleAccount extra = new SampleAccount(UUID.randomUUID(), "x-" + gainsAccount.accountName(),
					SampleAccounts.EMPLOYEES, SampleAccount.Kind.SECOND, gainsAccount.givenName(),
					gainsAccount.surname(), null, null, null, true, gainsAccount.cpr(), gainsAccount.person(),
					LocalDate.of(2026, 3, 2));
			changing.add(extra);

			this.clock.advance(Duration.ofDays(1));
			AdChanges changes = adapter.changes(context(), token);
			ChangeBatch batch = changes.batch();
			assertThat(batch.nextToken()).isEqualTo("usn:" + changing.highestUsn());
			assertThat(batch.ended()).filteredOn(e -> e.type() == ObjectType.IT_USER)
				.extracting(ChangeBatch.EndedObject::externalId)
				.containsExactlyInAnyOrder(disabled.id().toString(), deleted.id().toString());
			assertThat(changes.report().accountsRead()).as("changed, their persons' other accounts, one tombstone")
				.isLessThan(10);
			this.store.apply(reconciler().plan("ad", adapter.ownership(), batch));

			LocalDate today = today();
			Map<String, ItUser> now = itUsersAt(today);
			Map<String, ItUser> before = itUsersAt(today.minusDays(1));
			assertThat(now).doesNotContainKeys(disabled.accountName(), deleted.accountName());
			assertThat(before).as("ending keeps the history")
				.containsKeys(disabled.accountName(), deleted.accountName());
			assertThat(now.get(extra.accountName()).person()).isEqualTo(gainsAccount.person());
			assertThat(addressesOf(moved.person())).extracting(Address::value)
				.containsExactlyInAnyOrder(moved.mail(), "+45 70 10 20 30");
			assertThat(addressesOf(disabled.person())).as("a disabled account's addresses end").isEmpty();
			assertThat(now).hasSize(first.report().itUsers() - 2 + 1);

			this.clock.advance(Duration.ofMinutes(1));
			ChangeBatch quiet = adapter.changesSince(context(), batch.nextToken());
			assertThat(quiet.changed()).isEmpty();
			assertThat(quiet.ended()).isEmpty();
			assertThat(quiet.nextToken()).isEqualTo(batch.nextToken());
		}
	}

	@Test
	void withoutATokenTheFeedStartsFromNow() {
		ChangeBatch batch = this.adapter.changesSince(context(), null);
		assertThat(batch.changed()).isEmpty();
		assertThat(batch.nextToken()).isEqualTo("usn:" + highestUsnInScope());
	}

	/**
	 * The sample LDIF numbers the accounts in order; the service accounts' OU is not
	 * read.
	 */
	private static long highestUsnInScope() {
		List<SampleAccount> all = accounts.all();
		int last = all.size() - 1;
		while (all.get(last).ou().equals(SampleAccounts.SERVICES)) {
			last--;
		}
		return SampleLdif.FIRST_USN + last;
	}

	private StoreSourceContext context() {
		return new StoreSourceContext(this.store, "ad", this.clock);
	}

	private Reconciler reconciler() {
		return new Reconciler(this.store, FieldPolicy.none());
	}

	private LocalDate today() {
		return ReadPoint.today(this.clock);
	}

	private Map<String, ItUser> itUsersAt(LocalDate date) {
		return this.store.list(Query.of(ItUser.class, ReadPoint.of(date, null, this.clock)))
			.items()
			.stream()
			.map(Versioned::value)
			.collect(Collectors.toMap(ItUser::userKey, Function.identity()));
	}

	private List<Address> addressesOf(UUID person) {
		return this.store.list(Query.of(Address.class, ReadPoint.now(this.clock)).where("owner", person))
			.items()
			.stream()
			.map(Versioned::value)
			.toList();
	}

}
