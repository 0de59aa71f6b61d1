package db.migration.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's tables for the clustered JDBC job store, on PostgreSQL only. On the
 * embedded H2 database the schedules run in memory and this migration does nothing. The
 * statements are Quartz's own {@code tables_postgres.sql} without its DROP lines and its
 * final COMMIT.
 */
public class V1002__Quartz_tables_on_postgresql extends BaseJavaMigration {

	static final String SCRIPT = "/dk/orghub/routes/schedule/quartz-tables-postgresql.sql";

	@Override
	public void migrate(Context context) throws SQLException, IOException {
		Connection connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements()) {
				statement.execute(sql);
			}
		}
	}

	static List<String> statements() throws IOException {
		String script;
		try (InputStream in = V1002__Quartz_tables_on_postgresql.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IOException("missing " + SCRIPT);
			}
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		StringBuilder withoutComments = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.trim().startsWith("--")) {
				withoutComments.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String part : withoutComments.toString().split(";")) {
			if (!part.isBlank()) {
				statements.add(part.trim());
			}
		}
		return statements;
	}

}
