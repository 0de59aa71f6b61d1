package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;

/**
 * {@link SubtreeFilter} on a delivery: the excluded units (by the source's external id or
 * UUID) and the units below them are left out on the dates they are below one, with the
 * engagements, manager roles and unit addresses placed in them; a person left with no
 * engagement of the delivery loses its contact addresses and IT users of the delivery too
 * (the person stays). Objects placed in units the delivery does not hold are left alone.
 */
final class SubtreeStep implements RuleStep {

	private final Set<String> excluded;

	SubtreeStep(Set<String> excluded) {
		this.excluded = Set.copyOf(excluded);
	}

	@Override
	public String name() {
		return "subtree-filter";
	}

	@Override
	public List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context) {
		Set<UUID> roots = new HashSet<>();
		for (DesiredObject<?> object : delivered) {
			if (object.type() == ObjectType.ORG_UNIT && (this.excluded.contains(object.externalId())
					|| this.excluded.contains(object.uuid().toString()))) {
				roots.add(object.uuid());
			}
		}
		if (roots.isEmpty()) {
			return delivered;
		}
		Map<UUID, Timeline<OrgUnit>> units = Delivered.units(delivered);
		SubtreeFilter filter = new SubtreeFilter(roots);
		Map<UUID, Timeline<OrgUnit>> kept = filter.units(units);
		Set<UUID> employed = new HashSet<>();
		Set<UUID> stillEmployed = new HashSet<>();
		List<DesiredObject<?>> filtered = new ArrayList<>(delivered.size());
		for (DesiredObject<?> object : delivered) {
			DesiredObject<?> result = switch (object.type()) {
				case ORG_UNIT -> Delivered.with(object, kept.getOrDefault(object.uuid(), Timeline.empty()));
				case ENGAGEMENT -> placed(object, Engagement::unit, filter, units, kept);
				case MANAGER -> placed(object, Manager::unit, filter, units, kept);
				case ADDRESS -> (owner(object).ownerKind() == OwnerKind.ORG_UNIT)
						? placed(object, Address::owner, filter, units, kept) : object;
				default -> object;
			};
			if (object.type() == ObjectType.ENGAGEMENT) {
				UUID person = ((Engagement) object.timeline().segments().get(0).value()).person();
				employed.add(person);
				if (result != null) {
					stillEmployed.add(person);
				}
			}
			if (result != null) {
				filtered.add(result);
			}
		}
		employed.removeAll(stillEmployed);
		if (employed.isEmpty()) {
			return filtered;
		}
		return filtered.stream().filter((object) -> !contactOf(object, employed)).toList();
	}

	/** An address or IT user of one of the persons. */
	private static boolean contactOf(DesiredObject<?> object, Set<UUID> persons) {
		if (object.type() == ObjectType.ADDRESS) {
			Address address = owner(object);
			return address.ownerKind() == OwnerKind.PERSON && persons.contains(address.owner());
		}
		return object.type() == ObjectType.IT_USER
				&& persons.contains(((ItUser) object.timeline().segments().get(0).value()).person());
	}

	private static Address owner(DesiredObject<?> object) {
		return (Address) object.timeline().segments().get(0).value();
	}

	@SuppressWarnings("unchecked")
	private static <T extends OrgObject> DesiredObject<?> placed(DesiredObject<?> object, Function<T, UUID> unitOf,
			SubtreeFilter filter, Map<UUID, Timeline<OrgUnit>> units, Map<UUID, Timeline<OrgUnit>> kept) {
		Timeline<T> timeline = (Timeline<T>) object.timeline();
		boolean inDelivered = false;
		for (Segment<T> segment : timeline.segments()) {
			inDelivered |= units.containsKey(unitOf.apply(segment.value()));
		}
		return inDelivered ? Delivered.with(object, filter.placed(timeline, unitOf, kept)) : object;
	}

}
