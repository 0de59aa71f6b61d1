package db.migration.hub;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the default classes that are new since V4: the association types and the unit
 * hierarchies.
 */
public class V7__Seed_association_and_hierarchy_classes extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		V2__Seed_default_classes.seedDefaults(context, "default classes new in version 7");
	}

}
