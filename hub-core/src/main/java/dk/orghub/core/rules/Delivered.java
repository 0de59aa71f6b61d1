package dk.orghub.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;

/** Reading a delivery by type, for the steps of the pipeline. */
final class Delivered {

	private Delivered() {
	}

	/** The delivered objects of a type, by UUID, in the delivery's order. */
	@SuppressWarnings("unchecked")
	static <T extends OrgObject> Map<UUID, Timeline<T>> timelines(List<DesiredObject<?>> delivered, ObjectType type) {
		Map<UUID, Timeline<T>> result = new LinkedHashMap<>();
		for (DesiredObject<?> object : delivered) {
			if (object.type() == type) {
				result.put(object.uuid(), (Timeline<T>) object.timeline());
			}
		}
		return result;
	}

	static Map<UUID, Timeline<OrgUnit>> units(List<DesiredObject<?>> delivered) {
		return timelines(delivered, ObjectType.ORG_UNIT);
	}

	/** The object with another timeline; {@code null} when nothing of it is left. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static DesiredObject<?> with(DesiredObject<?> object, Timeline<?> timeline) {
		if (timeline.isEmpty()) {
			return null;
		}
		return timeline.equals(object.timeline()) ? object
				: new DesiredObject(object.type(), object.externalId(), timeline);
	}

}
