package db.migration.hub;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.StoreSeeding;

/**
 * Seeds the default facets and classes ({@link DefaultClasses}), registered at the hub's
 * epoch (2000-01-01) so that every read sees them.
 */
public class V2__Seed_default_classes extends BaseJavaMigration {

	static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

	@Override
	public void migrate(Context context) throws Exception {
		seedDefaults(context, "default facets and classes");
	}

	/**
	 * Puts every default facet and class; those already stored as they are change
	 * nothing, so a later migration calls this again to add the defaults that are new in
	 * its version.
	 */
	static void seedDefaults(Context context, String note) throws Exception {
		ChangeSet.Builder changes = ChangeSet.by(Actor.system("migration")).note(note);
		DefaultClasses.facets().forEach(facet -> changes.put(facet, Validity.always()));
		DefaultClasses.classes().forEach(klasse -> changes.put(klasse, Validity.always()));
		StoreSeeding.apply(context.getConnection(), Clock.fixed(EPOCH, ZoneOffset.UTC), changes.build());
	}

}
