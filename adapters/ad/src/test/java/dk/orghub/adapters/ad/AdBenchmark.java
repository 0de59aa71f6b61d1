package dk.orghub.adapters.ad;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.reconcile.StoreSourceContext;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.ldap.SampleAccount;
import dk.orghub.samples.ldap.SampleAccounts;
import dk.orghub.samples.ldap.SampleDirectory;
import dk.orghub.samples.ldap.SampleLdapServer;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads and matches the accounts of the 45,000-employee municipality from the in-process
 * directory with the store holding the persons, then an incremental run after 100 changed
 * accounts; prints times and heap. Run with {@code -Pbenchmark} (README.md). It fails
 * only on wrong counts, never because of time.
 */
class AdBenchmark {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));

	@Test
	void fullAndIncrementalRead() {
		Municipality municipality = time("generate 45,000 employees",
				() -> MunicipalityGenerator.generate(Fixtures.SEED, MunicipalityGenerator.MAX_EMPLOYEES));
		SampleAccounts accounts = time("generate the accounts", () -> SampleAccounts.of(municipality));
		JdbcOrgStore store = TestStores.h2(this.clock);
		time("load the persons into H2 (in memory)", () -> {
			ChangeSet.Builder persons = ChangeSet.by(Actor.source("payroll"));
			for (Timeline<Person> timeline : municipality.persons().values()) {
				persons.replace(ObjectType.PERSON, timeline.segments().get(0).value().uuid(), timeline);
			}
			return store.apply(persons.build());
		});
		this.clock.advance(Duration.ofMinutes(1));
		try (SampleLdapServer server = time("write the LDIF and start the directory from it",
				() -> SampleLdapServer.start(SampleDirectory.activeDirectory(), accounts))) {
			System.out.printf(Locale.ROOT, "[ad-benchmark] directory: %,d entries, %,d accounts%n", server.entryCount(),
					accounts.all().size());
			AdAdapter adapter = new AdAdapter(
					Fixtures.config(server).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)),
					new StorePersonLookup(store, this.clock));
			Reconciler reconciler = new Reconciler(store, FieldPolicy.none());

			AdRun full = measured("full read and match", () -> adapter.read(context(store)));
			long personal = accounts.all()
				.stream()
				.filter(a -> a.person() != null && a.enabled() && !a.ou().equals(SampleAccounts.SERVICES))
				.count();
			assertThat(full.report().itUsers()).isEqualTo(personal);
			System.out.printf(Locale.ROOT,
					"[ad-benchmark] full read: %,d accounts read, %,d IT users, %,d addresses, %,d without a person, "
							+ "%,d conflicts%n",
					full.report().accountsRead(), full.report().itUsers(), full.report().addresses(),
					full.report().unmatched().size(), full.report().conflicts().size());
			ApplyResult applied = time("reconcile and apply the snapshot",
					() -> reconciler.reconcile("ad", adapter.ownership(), full.snapshot(), false));
			assertThat(applied.applied()).isTrue();

			List<SampleAccount> employees = accounts.of(SampleAccount.Kind.EMPLOYEE);
			for (int i = 0; i < 100; i++) {
				SampleAccount account = employees.get(i * 400);
				if (i % 10 == 0) {
					server.disable(account.accountName());
				}
				else {
					server.modify(account.accountName(), "telephoneNumber",
							String.format(Locale.ROOT, "+45 70 00 %02d %02d", i / 100, i % 100));
				}
			}
			this.clock.advance(Duration.ofMinutes(1));
			AdChanges changes = measured("incremental read of 100 changed accounts",
					() -> adapter.changes(context(store), full.snapshot().token()));
			assertThat(changes.batch().ended()).filteredOn(e -> e.type() == ObjectType.IT_USER).hasSize(10);
			ApplyResult incremental = time("reconcile and apply the batch",
					() -> store.apply(reconciler.plan("ad", adapter.ownership(), changes.batch())));
			System.out.printf(Locale.ROOT, "[ad-benchmark] incremental: %,d accounts read, %,d objects changed%n",
					changes.report().accountsRead(), incremental.changes().size());
			assertThat(incremental.changes()).as("90 phones, 10 IT users and their 20 addresses").hasSize(90 + 10 + 20);
		}
	}

	private StoreSourceContext context(JdbcOrgStore store) {
		return new StoreSourceContext(store, "ad", this.clock);
	}

	private static <T> T measured(String step, Supplier<T> work) {
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		T result = time(step, work);
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf(Locale.ROOT,
				"[ad-benchmark] %s: heap used before %,d MB; sum of heap pool peaks during it %,d MB%n", step,
				before >> 20, peak >> 20);
		return result;
	}

	private static <T> T time(String step, Supplier<T> work) {
		long start = System.nanoTime();
		T result = work.get();
		System.out.printf(Locale.ROOT, "[ad-benchmark] %s: %,d ms%n", step, (System.nanoTime() - start) / 1_000_000);
		return result;
	}

}
