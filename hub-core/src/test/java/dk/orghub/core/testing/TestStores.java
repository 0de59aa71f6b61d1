package dk.orghub.core.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.StoreSchema;

/**
 * Migrated, empty stores for tests: an in-memory H2 database of its own per call, or a
 * schema of its own in the PostgreSQL database named by the system property
 * {@value #POSTGRES_URL_PROPERTY} (tests skip with a message when it is not set).
 */
public final class TestStores {

	public static final String POSTGRES_URL_PROPERTY = "hub.test.postgres.url";

	/**
	 * Set in CI so that a missing PostgreSQL fails the tests instead of skipping them.
	 */
	public static final String POSTGRES_REQUIRED_PROPERTY = "hub.test.postgres.required";

	private static final String SKIP_MESSAGE = "PostgreSQL tests skipped: no PostgreSQL configured. Set -D"
			+ POSTGRES_URL_PROPERTY + "=jdbc:postgresql://host:5432/db?user=... to run them (.ci/run does).";

	private static volatile boolean skipReported;

	private TestStores() {
	}

	/** A fresh, migrated in-memory H2 database. */
	public static DataSource h2DataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		StoreSchema.migrate(dataSource);
		return dataSource;
	}

	public static JdbcOrgStore h2(Clock clock) {
		return new JdbcOrgStore(h2DataSource(), clock);
	}

	public static JdbcOrgStore h2() {
		return h2(Clock.systemUTC());
	}

	/**
	 * A fresh schema in the PostgreSQL database of {@value #POSTGRES_URL_PROPERTY},
	 * migrated; aborts (skips) the calling test when the property is not set.
	 */
	public static DataSource postgresDataSource() {
		String url = System.getProperty(POSTGRES_URL_PROPERTY, "");
		if (url.isBlank() && Boolean.getBoolean(POSTGRES_REQUIRED_PROPERTY)) {
			throw new IllegalStateException(POSTGRES_REQUIRED_PROPERTY + " is set but " + POSTGRES_URL_PROPERTY
					+ " is not: PostgreSQL tests must run here");
		}
		if (url.isBlank() && !skipReported) {
			skipReported = true;
			System.err.println("[orghub] " + SKIP_MESSAGE);
		}
		Assumptions.assumeFalse(url.isBlank(), SKIP_MESSAGE);
		String schema = "test_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(url);
		try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test schema in " + url + ": " + ex.getMessage(), ex);
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(url);
		dataSource.setCurrentSchema(schema);
		StoreSchema.migrate(dataSource);
		return dataSource;
	}

}
