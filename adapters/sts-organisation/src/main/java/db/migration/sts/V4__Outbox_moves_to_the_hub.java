package db.migration.sts;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The adapter's outbox moves to the hub's ({@code target_outbox}, hub migration V8): the
 * rows waiting in {@code sts_outbox} become the hub's rows for {@code sts-organisation},
 * in their order, and the adapter's outbox tables go. Without the hub's table (the
 * adapter's tables migrated on their own, as some tests do) there is nothing to move them
 * to, and they are dropped. The first drain after the upgrade compares the whole state
 * with what was last sent, since no instance is recorded as the last drainer.
 */
public class V4__Outbox_moves_to_the_hub extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection c = context.getConnection();
		try (Statement s = c.createStatement()) {
			if (exists(c, "target_outbox")) {
				s.executeUpdate("INSERT INTO target_outbox (target, object_type, uuid, change_kind, registration_id, "
						+ "created_at) SELECT 'sts-organisation', object_type, uuid, 'CHANGED', registration_id, "
						+ "created_at FROM sts_outbox ORDER BY id");
			}
			s.executeUpdate("DROP TABLE sts_outbox");
			s.executeUpdate("DROP TABLE sts_outbox_drainer");
		}
	}

	private static boolean exists(Connection c, String table) throws SQLException {
		DatabaseMetaData meta = c.getMetaData();
		for (String name : new String[] { table, table.toUpperCase(java.util.Locale.ROOT) }) {
			try (ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] { "TABLE" })) {
				if (rs.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
