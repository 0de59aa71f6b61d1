package dk.orghub.samples.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.store.StoreSchema;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the largest municipality the generator makes (45,000 employees) into an empty
 * file-based H2 store in one change set, then reads the whole unit tree and the largest
 * unit's engagements at a date, several times each, and prints the times.
 * <p>
 * Not part of the normal build (its name does not end in {@code Test}); run it with
 * {@code ./mvnw -pl samples -Pbenchmark verify}. It fails only when a read returns the
 * wrong number of rows, never because of time.
 */
class StoreBenchmark {

	private static final long SEED = 20_070_101L;

	private static final int EMPLOYEES = 45_000;

	private static final int RUNS = 5;

	@TempDir
	Path directory;

	@Test
	void loadAndReadTheLargestMunicipality() throws SQLException {
		resetPeakHeap();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%n=== Store benchmark: %,d employees, seed %d ===%n", EMPLOYEES, SEED);
		System.out.printf("machine: %d cores, Java %s (%s), max heap %,d MB%n", runtime.availableProcessors(),
				System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.maxMemory() >> 20);

		long start = System.nanoTime();
		Municipality municipality = MunicipalityGenerator.generate(SEED, EMPLOYEES);
		long generated = System.nanoTime();
		MunicipalityGenerator.generate(SEED, EMPLOYEES);
		long generatedAgain = System.nanoTime();
		System.out.printf("generate:       %,8d ms (again, warm: %,d ms)  %s%n", millis(generated - start),
				millis(generatedAgain - generated), municipality);

		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve("store").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
		try {
			run(municipality, dataSource);
		}
		finally {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("SHUTDOWN");
			}
		}
	}

	private void run(Municipality municipality, JdbcDataSource dataSource) {
		long start = System.nanoTime();
		StoreSchema.migrate(dataSource);
		long migrated = System.nanoTime();
		Clock clock = Clock.systemUTC();
		JdbcOrgStore store = new JdbcOrgStore(dataSource, clock);
		ChangeSet changeSet = municipality.toChangeSet(Actor.source("samples"));
		long built = System.nanoTime();
		ApplyResult result = store.apply(changeSet);
		long loaded = System.nanoTime();
		System.out.printf("migrate:        %,8d ms%n", millis(migrated - start));
		System.out.printf("change set:     %,8d ms  (%,d operations)%n", millis(built - migrated),
				changeSet.operations().size());
		System.out.printf("load (apply):   %,8d ms  (%,d objects created, %,d warnings; database %,d MB on disk)%n",
				millis(loaded - built), result.count(ObjectChange.Kind.CREATED), result.warnings().size(),
				databaseSize() >> 20);
		assertThat(result.count(ObjectChange.Kind.CREATED)).isEqualTo(municipality.objectCount());

		LocalDate date = municipality.referenceDate();
		ReadPoint point = ReadPoint.of(date, null, clock);
		long units = municipality.units().values().stream().filter((t) -> t.at(date).isPresent()).count();
		Timing tree = time(
				() -> store.list(Query.of(OrgUnit.class, point).where("hierarchy", DefaultClasses.LINE_ORGANISATION))
					.items()
					.size());
		System.out.printf("read line unit tree at %s: %s%n", date, tree);
		assertThat(tree.rows()).isEqualTo(units);

		UUID largest = municipality.largestUnitByEngagements(date);
		String name = municipality.units().get(largest).at(date).orElseThrow().name();
		Timing engagements = time(
				() -> store.list(Query.of(Engagement.class, point).where("unit", largest)).items().size());
		System.out.printf("read engagements of the largest unit ('%s') at %s: %s%n", name, date, engagements);
		assertThat(engagements.rows()).isEqualTo(municipality.engagementCount(largest, date));

		System.out.printf("peak heap:      %,8d MB  (sum of the heap pools' peaks since the start)%n",
				peakHeap() >> 20);
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("live heap:      %,8d MB  (after a GC, municipality and store in reach)%n",
				(runtime.totalMemory() - runtime.freeMemory()) >> 20);
		System.out.println("===");
	}

	/** Times {@value #RUNS} runs of a read that returns its number of rows. */
	private static Timing time(IntSupplier read) {
		long[] nanos = new long[RUNS];
		int rows = -1;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			rows = read.getAsInt();
			nanos[i] = System.nanoTime() - start;
		}
		long first = nanos[0];
		Arrays.sort(nanos);
		return new Timing(rows, first, nanos[0], nanos[RUNS / 2]);
	}

	private long databaseSize() {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.mapToLong((f) -> f.toFile().length()).sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void resetPeakHeap() {
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((p) -> p.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((p) -> p.getType() == MemoryType.HEAP)
			.mapToLong((p) -> p.getPeakUsage().getUsed())
			.sum();
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	private record Timing(long rows, long first, long best, long median) {

		@Override
		public String toString() {
			return String.format("%,6d rows; first %.1f ms, best %.1f ms, median %.1f ms of %d runs", this.rows,
					this.first / 1e6, this.best / 1e6, this.median / 1e6, RUNS);
		}

	}

}
