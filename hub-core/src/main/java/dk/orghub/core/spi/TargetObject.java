package dk.orghub.core.spi;

import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;

/** An object as the hub wants a target to hold it: its full current timeline. */
public record TargetObject<T extends OrgObject>(ObjectType type, UUID uuid, Timeline<T> timeline) {

	public TargetObject {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(uuid, "uuid");
		Objects.requireNonNull(timeline, "timeline");
	}

}
