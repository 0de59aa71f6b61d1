package dk.orghub.adapters.sts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The database of the benchmark's ledger, behind a pool of 10 connections (Hikari's
 * default, as in the hub): H2 in memory, in the benchmark's JVM, or, with
 * {@code -Dbenchmark.ledger.postgres.url=jdbc:postgresql://...}, a fresh schema of that
 * PostgreSQL database, which is where a production hub keeps it: the client's CPU is then
 * the JVM's alone and the server's is read apart ({@link #serverCpuNanos}).
 */
final class LedgerDatabase implements AutoCloseable {

	static final String URL_PROPERTY = "benchmark.ledger.postgres.url";

	private final DataSource dataSource;

	private final HikariDataSource pool;

	private LedgerDatabase(DataSource dataSource, HikariDataSource pool) {
		this.dataSource = dataSource;
		this.pool = pool;
	}

	/** Where the ledger of {@link #create} is, for the benchmark's lines. */
	static String where() {
		return (postgresUrl() == null) ? "H2 in this JVM" : "PostgreSQL";
	}

	private static String postgresUrl() {
		String url = System.getProperty(URL_PROPERTY);
		return (url == null || url.isBlank()) ? null : url;
	}

	/**
	 * A new, empty ledger database, migrated, behind a pool of 10 connections as in the
	 * hub (Spring Boot's Hikari; without a pool every batch opened an H2 session of its
	 * own and parsed its statements again).
	 */
	static LedgerDatabase create() {
		String url = postgresUrl();
		if (url == null) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl("jdbc:h2:mem:sts-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
			config.setMaximumPoolSize(10);
			HikariDataSource pool = new HikariDataSource(config);
			StsSchema.migrate(pool);
			return new LedgerDatabase(pool, pool);
		}
		String schema = "sts_bench_" + System.nanoTime();
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a schema in " + url + ": " + ex.getMessage(), ex);
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		config.setMaximumPoolSize(10);
		HikariDataSource pool = new HikariDataSource(config);
		StsSchema.migrate(pool);
		return new LedgerDatabase(pool, pool);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	boolean onPostgres() {
		return postgresUrl() != null;
	}

	/**
	 * The CPU time so far of this machine's PostgreSQL server processes (all of them,
	 * from {@code /proc}, at Linux's 100 clock ticks a second), or -1 where it cannot be
	 * read (not Linux, or the server elsewhere).
	 */
	static long serverCpuNanos() {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			long ticks = 0;
			boolean found = false;
			for (Path process : processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					if (!"postgres".equals(Files.readString(process.resolve("comm")).strip())) {
						continue;
					}
					String stat = Files.readString(process.resolve("stat"));
					List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
					ticks += Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
					found = true;
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			}
			return found ? ticks * 10_000_000L : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		if (this.pool != null) {
			this.pool.close();
		}
	}

}
