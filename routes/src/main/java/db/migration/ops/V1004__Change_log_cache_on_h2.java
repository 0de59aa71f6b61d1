package db.migration.ops;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, the run change log's identity column hands out its values from a cache of
 * 100,000 instead of 32, as the store's tables do (hub migration V10): H2 records a
 * sequence's new limit in a commit of its own each time the cache runs out, and with the
 * hub's {@code WRITE_DELAY=0} each such commit writes the changed pages to disk, every 32
 * lines of a run that logs 100,000 changes. A crash may leave a gap in the ids.
 * PostgreSQL is left as it is.
 */
public class V1004__Change_log_cache_on_h2 extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		if (!"H2".equals(context.getConnection().getMetaData().getDatabaseProductName())) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("ALTER TABLE ops_run_change ALTER COLUMN id SET CACHE 100000");
		}
	}

}
