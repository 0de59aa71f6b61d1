package dk.orghub.adapters.opus;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * changes, and a bare baseline (a streaming parse writing the same rows with JDBC
 * batches), with times, the ratio and each step's peak heap. Run with
 * {@code ./mvnw -pl adapters/opus -Pbenchmark verify}; it fails only when a result is
 * wrong, never because of time.
 */
class OpusBenchmark {

	@TempDir
	Path directory;

	@Test
	void importTheLargestMunicipality() throws Exception {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%nOPUS import benchmark: %d cores, Java %s, max heap %d MB%n", runtime.availableProcessors(),
				System.getProperty("java.version"), runtime.maxMemory() >> 20);
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

		JdbcOrgStore store = new JdbcOrgStore(dataSource("store"), Clock.systemUTC());
		OpusConfig config = OpusConfig.of("29189919", inbox);
		OpusInbox opus = new OpusInbox(new OpusImporter(config, store, FieldPolicy.none(), Clock.systemUTC()));

		Files.copy(first, inbox.resolve(first.getFileName()));
		ImportReport load = measure("first load", () -> opus.processNext().orElseThrow());
		assertThat(load.status()).isEqualTo(ImportReport.Status.APPLIED);
		System.out.printf("                %,d objects created%n", load.result().changes().size());

		Files.copy(first, inbox.resolve(first.getFileName()));
		ImportReport same = measure("same dump again", () -> opus.processNext().orElseThrow());
		assertThat(same.status()).isEqualTo(ImportReport.Status.UNCHANGED);
		assertThat(same.result().registration()).as("no writes").isNull();
		System.out.printf("                no writes (no registration), %d changes%n", same.result().changes().size());

		Files.copy(changed, inbox.resolve(changed.getFileName()));
		ImportReport delta = measure("1% changes", () -> opus.processNext().orElseThrow());
		assertThat(delta.status()).isEqualTo(ImportReport.Status.APPLIED);
		System.out.printf("                %,d objects changed (created %d, changed %d, ended %d)%n",
				delta.result().changes().size(), delta.count(dk.orghub.core.store.ObjectChange.Kind.CREATED),
				delta.count(dk.orghub.core.store.ObjectChange.Kind.CHANGED),
				delta.count(dk.orghub.core.store.ObjectChange.Kind.ENDED));

		throughTheHub(first, changed);

		DataSource bare = dataSource("baseline");
		long[] rows = new long[1];
		ImportReport baseline = measure("bare baseline", () -> {
			rows[0] = baseline(first, bare);
			return null;
		});
		System.out.printf("                %,d rows written%n", rows[0]);
		System.out.printf("ratio first load / baseline: %.2f%n",
				(double) load.duration().toNanos() / this.lastNanos[1]);
		assertThat(baseline).isNull();
	}

	/**
	 * The same dumps as the hub's OPUS sync runs them with the thresholds on (the
	 * default): the hub plans the dump once and writes the plan itself (the store's guard
	 * takes the verdict).
	 */
	private void throughTheHub(Path first, Path changed) throws Exception {
		Path inbox = Files.createDirectories(this.directory.resolve("hub-inbox"));
		JdbcOrgStore store = new JdbcOrgStore(dataSource("hub"), Clock.systemUTC());
		OpusImporter importer = new OpusImporter(OpusConfig.of("29189919", inbox), store, FieldPolicy.none(),
				Clock.systemUTC());
		OpusFileInbox files = new OpusFileInbox(new OpusInbox(importer), importer, java.time.Duration.ofDays(90),
				Clock.systemUTC());
		for (String[] step : new String[][] { { "hub: first load", "first" }, { "hub: same dump", "first" },
				{ "hub: 1% changes", "changed" } }) {
			Path dump = step[1].equals("first") ? first : changed;
			Path file = Files.copy(dump, inbox.resolve(dump.getFileName()));
			int[] changes = new int[1];
			measure(step[0], () -> {
				changes[0] = hubRun(files, store, file);
				return null;
			});
			System.out.printf("                %,d changes%n", changes[0]);
		}
	}

	private static int hubRun(OpusFileInbox files, JdbcOrgStore store, Path file) {
		FilePlan plan = files.plan(file);
		ApplyResult result = store.apply(plan.changes(), (computed) -> true);
		files.applied(file, plan, result);
		return result.changes().size();
	}

	private final long[] lastNanos = new long[2];

	private ImportReport measure(String step, java.util.function.Supplier<ImportReport> work) {
		System.gc();
		resetPeaks();
		long cpu = processCpuNanos();
		long start = System.nanoTime();
		ImportReport report = work.get();
		long nanos = System.nanoTime() - start;
		cpu = processCpuNanos() - cpu;
		this.lastNanos[0] = this.lastNanos[1];
		this.lastNanos[1] = nanos;
		System.out.printf("%-16s %8.2f s   process CPU %6.2f s   peak heap %4d MB%n", step + ":", nanos / 1e9,
				cpu / 1e9, peakHeap() >> 20);
		return report;
	}

	/** The least work: parse as a stream and write the rows with JDBC batches. */
	private static long baseline(Path file, DataSource dataSource) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long registration;
			try (PreparedStatement ps = c.prepareStatement(
					"INSERT INTO registration (registered_at, actor_kind, actor_name, note) VALUES (?, 'SOURCE', 'baseline', null)",
					new String[] { "id" })) {
				ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					registration = keys.getLong(1);
				}
			}
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			OffsetDateTime open = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
			String columns = "(uuid, user_key, valid_from, valid_to, reg_from, reg_to, registration_id, ";
			PreparedStatement units = c.prepareStatement("INSERT INTO org_unit " + columns
					+ "name, parent_uuid, unit_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			PreparedStatement persons = c.prepareStatement("INSERT INTO person " + columns
					+ "cpr, given_name, surname) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			PreparedStatement engagements = c.prepareStatement("INSERT INTO engagement " + columns
					+ "person_uuid, unit_uuid, fraction, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			PreparedStatement identities = c.prepareStatement(
					"INSERT INTO source_identity (source, object_type, external_id, uuid, registration_id) VALUES ('baseline', ?, ?, ?, ?)");
			Map<String, UUID> people = new HashMap<>();
			long[] count = new long[1];
			OpusParser.parse(file, record -> {
				try {
					LocalDate from = LocalDate
						.parse(record.field(record.element().equals("orgUnit") ? "startDate" : "entryDate"));
					if (record.element().equals("orgUnit")) {
						UUID uuid = uuid("unit:" + record.id());
						common(units, uuid, record.id(), from, now, open, registration);
						units.setString(8, record.field("longName"));
						units.setObject(9, (record.field("parentOrgUnit") != null)
								? uuid("unit:" + record.field("parentOrgUnit")) : null);
						units.setObject(10, uuid("type"));
						units.addBatch();
						identity(identities, "ORG_UNIT", record.id(), uuid, registration);
					}
					else {
						String cpr = record.field("cpr");
						UUID person = people.get(cpr);
						if (person == null) {
							person = UUID.randomUUID();
							people.put(cpr, person);
							common(persons, person, person.toString(), LocalDate.of(1900, 1, 1), now, open,
									registration);
							persons.setString(8, cpr);
							persons.setString(9, record.field("firstName"));
							persons.setString(10, record.field("lastName"));
							persons.addBatch();
							identity(identities, "PERSON", cpr, person, registration);
							count[0]++;
						}
						UUID uuid = uuid("engagement:" + record.id());
						common(engagements, uuid, record.id(), from, now, open, registration);
						engagements.setObject(8, person);
						engagements.setObject(9, uuid("unit:" + record.field("orgUnit")));
						int d = Integer.parseInt(record.field("denominator"));
						engagements.setBigDecimal(10, (d == 0) ? null : new BigDecimal(record.field("numerator"))
							.divide(BigDecimal.valueOf(d), 4, RoundingMode.HALF_UP));
						engagements.setBoolean(11, true);
						engagements.addBatch();
						identity(identities, "ENGAGEMENT", record.id(), uuid, registration);
					}
					if (++count[0] % 1000 == 0) {
						units.executeBatch();
						persons.executeBatch();
						engagements.executeBatch();
						identities.executeBatch();
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			units.executeBatch();
			persons.executeBatch();
			engagements.executeBatch();
			identities.executeBatch();
			c.commit();
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT (SELECT COUNT(*) FROM org_unit) + (SELECT COUNT(*) FROM person) + (SELECT COUNT(*) FROM engagement)");
					ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void common(PreparedStatement ps, UUID uuid, String key, LocalDate from, OffsetDateTime now,
			OffsetDateTime open, long registration) throws SQLException {
		ps.setObject(1, uuid);
		ps.setString(2, key);
		ps.setObject(3, from);
		ps.setObject(4, LocalDate.of(9999, 12, 31));
		ps.setObject(5, now);
		ps.setObject(6, open);
		ps.setLong(7, registration);
	}

	private static void identity(PreparedStatement ps, String type, String id, UUID uuid, long registration)
			throws SQLException {
		ps.setString(1, type);
		ps.setString(2, id);
		ps.setObject(3, uuid);
		ps.setLong(4, registration);
		ps.addBatch();
	}

	private static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(("baseline:" + name).getBytes(StandardCharsets.UTF_8));
	}

	private DataSource dataSource(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:file:" + this.directory.resolve(name).toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
		StoreSchema.migrate(dataSource);
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

	/**
	 * The CPU time of the whole JVM (every thread, the garbage collector's and the
	 * compiler's too), which a busy machine stretches less than the wall time.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
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
