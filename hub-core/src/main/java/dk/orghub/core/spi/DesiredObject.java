package dk.orghub.core.spi;

import java.util.Objects;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Timeline;

/**
 * What a source says one object should be over time.
 *
 * @param externalId the source's own id of the object (an OPUS unit id, an employment
 * number), bound to the object's UUID by the hub
 * @param timeline the values over time; every segment's value has the same UUID
 */
public record DesiredObject<T extends OrgObject>(ObjectType type, String externalId, Timeline<T> timeline) {

	public DesiredObject {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(externalId, "externalId");
		Objects.requireNonNull(timeline, "timeline");
		if (timeline.isEmpty()) {
			throw new IllegalArgumentException(
					"desired " + type.collection() + " '" + externalId + "' has no validity");
		}
	}

	public java.util.UUID uuid() {
		return this.timeline.segments().get(0).value().uuid();
	}

}
