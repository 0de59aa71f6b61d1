package db.migration.hub;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, the identity columns of the tables a change set fills hand out their values from
 * a cache of 100,000 instead of 32. H2 records a sequence's new limit in a commit of its
 * own each time its cache runs out, and with the hub's {@code WRITE_DELAY=0} each such
 * commit writes the whole store's changed pages to disk: every 32 rows of a large change
 * set (about two thirds of the time the 45,000-employee first load spent writing). The
 * values still come in order; a crash may leave a gap. PostgreSQL is left as it is: its
 * sequences are cheap, and there a cache is per session, so outbox ids would no longer
 * follow the order of the transactions.
 */
public class V10__Identity_cache_on_h2 extends BaseJavaMigration {

	static final String[] TABLES = { "organisation", "org_unit", "person", "engagement", "manager", "address",
			"it_user", "kle", "facet", "klasse", "association", "target_outbox" };

	@Override
	public void migrate(Context context) throws Exception {
		if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			for (String table : TABLES) {
				String column = table.equals("target_outbox") ? "id" : "row_id";
				statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET CACHE 100000");
			}
		}
	}

}
