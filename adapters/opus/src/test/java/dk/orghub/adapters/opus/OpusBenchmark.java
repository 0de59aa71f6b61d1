package dk.orghub.adapters.opus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.StoreSchema;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.samples.opus.OpusScenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OPUS import of the 45,000-employee sample municipality into an empty file-based H2
 * store: the first load, the same dump again (no change, no writes), a dump with about 1%
 * changes, through the adapter's inbox and as the hub runs them, and a bare baseline
 * ({@link OpusBaseline}), with wall and CPU times, the ratio and each step's peak heap;
 * the hub's steps and the baseline also on PostgreSQL when
 * {@value #POSTGRES_URL_PROPERTY} names a database. Run with
 * {@code ./mvnw -pl adapters/opus -Pbenchmark verify}; it fails only when a result is
 * wrong, never because of time.
 */
class OpusBenchmark {

	@TempDir
	Path directory;

	/**
	 * The store's URL settings the hub uses by default ({@code spring.datasource.url} is
	 * {@code jdbc:h2:file:<data dir>/orghub;WRITE_DELAY=0}).
	 */
	private static final String H2_SETTINGS = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";

	/** {@code false} leaves out the H2 steps (for a run on PostgreSQL alone). */
	static final String H2_PROPERTY = "benchmark.h2";

	/** A PostgreSQL database to run the hub's steps and the baseline against too. */
	static final String POSTGRES_URL_PROPERTY = "benchmark.postgres.url";

	@Test
	void importTheLargestMunicipality() throws Exception {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%nOPUS import benchmark: %d cores, Java %s, max heap %d MB, load average %.1f%n",
				runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		Path inbox = Files.createDirectories(this.directory.resolve("inbox"));
		Path first;
		Path changed;
		int employees;
		{
			Municipality municipality = MunicipalityGenerator.generate(20070101L, 45_000);
			OpusDump dump = OpusSampleDumps.first(municipality);
			employees = dump.employees().size();
			first = OpusDumpWriter.write(dump, this.directory);
			OpusScenario.Step step = new OpusScenario(3L).next(dump, LocalDateTime.of(2025, 2, 1, 2, 0), 450);
			changed = OpusDumpWriter.write(step.dump(), this.directory);
		}
		System.out.printf("dump: %,d units, %,d employee records, %,d MB%n", countUnits(first), employees,
				Files.size(first) >> 20);
		System.out.println("each step: wall time, then the JVM's CPU time (all threads) and the main thread's");

		if (Boolean.parseBoolean(System.getProperty(H2_PROPERTY, "true"))) {
			Database h2 = new Database("H2", this::h2);
			JdbcOrgStore store = new JdbcOrgStore(h2.create("store"), Clock.systemUTC());
			OpusConfig config = OpusConfig.of("29189919", inbox);
			// held so that it can be let go, to weigh what the importer keeps between
			// dumps
			AtomicReference<OpusInbox> opus = new AtomicReference<>(
					new OpusInbox(new OpusImporter(config, store, FieldPolicy.none(), Clock.systemUTC())));

			Files.copy(first, inbox.resolve(first.getFileName()));
			ImportReport load = measure("first load", () -> opus.get().processNext().orElseThrow());
			assertThat(load.status()).isEqualTo(ImportReport.Status.APPLIED);
			System.out.printf("                %,d objects created%n", load.result().changes().size());

			Files.copy(first, inbox.resolve(first.getFileName()));
			ImportReport same = measure("same dump again", () -> opus.get().processNext().orElseThrow());
			assertThat(same.status()).isEqualTo(ImportReport.Status.UNCHANGED);
			assertThat(same.result().registration()).as("no writes").isNull();
			System.out.printf("                no writes (no registration), %d changes%n",
					same.result().changes().size());

			Files.copy(changed, inbox.resolve(changed.getFileName()));
			ImportReport delta = measure("1% changes", () -> opus.get().processNext().orElseThrow());
			assertThat(delta.status()).isEqualTo(ImportReport.Status.APPLIED);
			System.out.printf("                %,d objects changed (created %d, changed %d, ended %d)%n",
					delta.result().changes().size(), delta.count(dk.orghub.core.store.ObjectChange.Kind.CREATED),
					delta.count(dk.orghub.core.store.ObjectChange.Kind.CHANGED),
					delta.count(dk.orghub.core.store.ObjectChange.Kind.ENDED));
			long withImporter = heapAfterFullGc();
			opus.set(null);
			System.out.printf("the importer keeps the last dump as mapped: %,d MB of heap (used heap after a full GC, "
					+ "with the importer and without it)%n", (withImporter - heapAfterFullGc()) >> 20);
			h2.closeAll();

			throughTheHubAndBaseline(h2, first, changed, OpusBaseline.Method.MULTI_ROW, OpusBaseline.Method.BATCH);
		}
		else {
			System.out.println("H2 skipped (-D" + H2_PROPERTY + "=false)");
		}

		String postgres = System.getProperty(POSTGRES_URL_PROPERTY, "");
		if (postgres.isBlank()) {
			System.out.println("PostgreSQL skipped: set -D" + POSTGRES_URL_PROPERTY
					+ "=jdbc:postgresql://127.0.0.1:5432/<db>?user=postgres to run the hub and the baseline there too");
			return;
		}
		System.out.println("PostgreSQL " + postgres + " (CPU times are the JVM's, the server's not included)");
		Database pg = new Database("PostgreSQL", (name) -> postgres(postgres, name));
		throughTheHubAndBaseline(pg, first, changed, OpusBaseline.Method.MULTI_ROW, OpusBaseline.Method.COPY);
	}

	/**
	 * The same dumps as the hub's OPUS sync runs them with the thresholds on (the
	 * default): the hub plans the dump once and writes the plan itself (the store's guard
	 * takes the verdict); then the bare baseline into an empty store of the same kind.
	 */
	private void throughTheHubAndBaseline(Database database, Path first, Path changed, OpusBaseline.Method... methods)
			throws Exception {
		String prefix = database.name.equals("H2") ? "hub: " : "pg hub: ";
		Path inbox = Files.createDirectories(this.directory.resolve("hub-inbox-" + database.name));
		DataSource hubData = database.create("hub");
		JdbcOrgStore store = new JdbcOrgStore(hubData, Clock.systemUTC());
		OpusImporter importer = new OpusImporter(OpusConfig.of("29189919", inbox), store, FieldPolicy.none(),
				Clock.systemUTC());
		OpusFileInbox files = new OpusFileInbox(new OpusInbox(importer), importer, java.time.Duration.ofDays(90),
				Clock.systemUTC());
		long firstLoad = 0;
		for (String[] step : new String[][] { { "first load", "first" }, { "same dump", "first" },
				{ "1% changes", "changed" } }) {
			Path dump = step[1].equals("first") ? first : changed;
			Path file = Files.copy(dump, inbox.resolve(dump.getFileName()));
			int[] changes = new int[1];
			measure(prefix + step[0], () -> {
				changes[0] = hubRun(files, store, file);
				return null;
			});
			System.out.printf("                %,d changes%n", changes[0]);
			if (step[0].equals("first load")) {
				firstLoad = this.lastNanos;
				System.out.println("                rows " + rows(hubData));
			}
		}
		database.closeAll();
		long baseline = Long.MAX_VALUE;
		for (OpusBaseline.Method method : methods) {
			String step = (database.name.equals("H2") ? "baseline " : "pg baseline ")
					+ method.name().toLowerCase(java.util.Locale.ROOT);
			baseline = Math.min(baseline, measureBaseline(database, first, method, step));
		}
		System.out.printf("ratio %sfirst load / fastest baseline: %.2f%n", prefix, (double) firstLoad / baseline);
	}

	private long measureBaseline(Database database, Path first, OpusBaseline.Method method, String step) {
		DataSource bare = database.create("baseline-" + method);
		Map<String, Long> written = new LinkedHashMap<>();
		measure(step, () -> {
			written.putAll(OpusBaseline.load(first, bare, method));
			return null;
		});
		long nanos = this.lastNanos;
		System.out.printf("                %,d rows: %s%n", written.values().stream().mapToLong(l -> l).sum(), written);
		assertThat(rows(bare)).isEqualTo(written);
		database.closeAll();
		return nanos;
	}

	private static Map<String, Long> rows(DataSource dataSource) {
		Map<String, Long> result = new LinkedHashMap<>();
		try (Connection c = dataSource.getConnection()) {
			for (String table : new String[] { "org_unit", "address", "person", "engagement", "manager", "klasse",
					"source_identity" }) {
				try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table
						+ " WHERE registration_id IN (SELECT id FROM registration WHERE actor_kind <> 'SYSTEM')");
						ResultSet rs = ps.executeQuery()) {
					rs.next();
					result.put(table, rs.getLong(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return result;
	}

	private static int hubRun(OpusFileInbox files, JdbcOrgStore store, Path file) {
		FilePlan plan = files.plan(file);
		ApplyResult result = store.apply(plan.changes(), (computed) -> true);
		files.applied(file, plan, result);
		return result.changes().size();
	}

	private long lastNanos;

	private <T> T measure(String step, Supplier<T> work) {
		System.gc();
		resetPeaks();
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = os.getProcessCpuTime();
		long thread = threads.getCurrentThreadCpuTime();
		double load = os.getSystemLoadAverage();
		long start = System.nanoTime();
		T result = work.get();
		long nanos = System.nanoTime() - start;
		this.lastNanos = nanos;
		System.out.printf("%-22s %7.2f s   cpu %6.2f s   main thread %6.2f s   peak heap %4d MB   load %.1f%n",
				step + ":", nanos / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
				(threads.getCurrentThreadCpuTime() - thread) / 1e9, peakHeap() >> 20, load);
		return result;
	}

	/** Databases of one kind, each made empty and migrated, closed when done with. */
	private static final class Database {

		private final String name;

		private final Function<String, DataSource> factory;

		private final List<DataSource> open = new ArrayList<>();

		Database(String name, Function<String, DataSource> factory) {
			this.name = name;
			this.factory = factory;
		}

		DataSource create(String store) {
			DataSource dataSource = this.factory.apply(store);
			StoreSchema.migrate(dataSource);
			this.open.add(dataSource);
			return dataSource;
		}

		/**
		 * Shuts the H2 databases down, so the next step does not share the heap with
		 * them.
		 */
		void closeAll() {
			for (DataSource dataSource : this.open) {
				if (dataSource instanceof JdbcDataSource) {
					try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
						s.execute("SHUTDOWN");
					}
					catch (SQLException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
			this.open.clear();
		}

	}

	private DataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve(name).toAbsolutePath() + H2_SETTINGS);
		return dataSource;
	}

	/** A fresh schema of its own in the database. */
	private static DataSource postgres(String url, String name) {
		String schema = "bench_" + name.replaceAll("[^a-z]", "_") + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(url);
		try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a schema in " + url + ": " + ex.getMessage(), ex);
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		dataSource.setCurrentSchema(schema);
		return dataSource;
	}

	private static long countUnits(Path file) {
		long[] units = new long[1];
		OpusParser.parse(file, r -> {
			if (r.element().equals("orgUnit")) {
				units[0]++;
			}
		});
		return units[0];
	}

	private static long heapAfterFullGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
	}

}
