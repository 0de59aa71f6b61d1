package dk.orghub.core.store;

import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;

/**
 * What a change set did (or, in a preview, would do) to one object: its timeline before
 * and after.
 */
public record ObjectChange(ObjectType type, UUID uuid, String userKey, Kind kind, Timeline<?> before,
		Timeline<?> after) {

	public enum Kind {

		/** The object did not exist before. */
		CREATED,
		/** Values or validity changed, the object still exists after. */
		CHANGED,
		/** The object's validity now ends earlier, or it no longer exists at all. */
		ENDED

	}

	static ObjectChange of(ObjectType type, UUID uuid, Timeline<?> before, Timeline<?> after) {
		Kind kind;
		if (before.isEmpty()) {
			kind = Kind.CREATED;
		}
		else if (after.isEmpty() || !after.coversAll(before) && before.coversAll(after)) {
			kind = Kind.ENDED;
		}
		else {
			kind = Kind.CHANGED;
		}
		String userKey = after.latest()
			.map(OrgObject::userKey)
			.orElseGet(() -> before.latest().map(OrgObject::userKey).orElse(null));
		return new ObjectChange(type, uuid, userKey, kind, before, after);
	}

}
