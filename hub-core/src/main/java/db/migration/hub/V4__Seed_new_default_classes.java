package db.migration.hub;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Adds the default classes that are new since V2 (the TITLE address type). */
public class V4__Seed_new_default_classes extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		V2__Seed_default_classes.seedDefaults(context, "default classes new in version 4");
	}

}
