package dk.orghub.adapters.sts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.store.OrgStore;

/**
 * The canonical timelines the STS mapping reads: every unit in the target's
 * {@link #scope()} (by default the line organisation; the days a unit is in a hierarchy
 * out of scope, such as the MED organisation, are left out here, the excluded subtrees by
 * the mapping), every person, engagement, manager, address, IT user, KLE task and
 * association, and the classes they refer to. Mutable maps, so a cached state can be
 * patched with changed objects ({@link #put}).
 */
public record CanonicalState(Map<UUID, Timeline<OrgUnit>> units, Map<UUID, Timeline<Person>> persons,
		Map<UUID, Timeline<Engagement>> engagements, Map<UUID, Timeline<Manager>> managers,
		Map<UUID, Timeline<Address>> addresses, Map<UUID, Timeline<ItUser>> itUsers, Map<UUID, Timeline<Kle>> kle,
		Map<UUID, Timeline<Association>> associations, Map<UUID, Klasse> classes, UnitScope scope) {

	/** An empty state of the line organisation that knows the default classes. */
	public static CanonicalState empty() {
		return empty(UnitScope.lineOrganisation());
	}

	/** An empty state of the units in {@code scope} that knows the default classes. */
	public static CanonicalState empty(UnitScope scope) {
		Map<UUID, Klasse> classes = new LinkedHashMap<>();
		DefaultClasses.classes().forEach(k -> classes.put(k.uuid(), k));
		return new CanonicalState(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
				new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
				new LinkedHashMap<>(), classes, scope);
	}

	/** {@link #load(OrgStore, UnitScope)} of the line organisation. */
	public static CanonicalState load(OrgStore store) {
		return load(store, UnitScope.lineOrganisation());
	}

	/**
	 * Everything the mapping reads, as the store holds it now (every current timeline of
	 * the mapped types, the units as far as they are in {@code scope}'s hierarchies, and
	 * the current value of every class).
	 */
	public static CanonicalState load(OrgStore store, UnitScope scope) {
		CanonicalState state = empty(scope);
		store.allCurrentTimelines(OrgUnit.class)
			.forEach((uuid, timeline) -> state.put(ObjectType.ORG_UNIT, uuid, timeline));
		state.persons().putAll(store.allCurrentTimelines(Person.class));
		state.engagements().putAll(store.allCurrentTimelines(Engagement.class));
		state.managers().putAll(store.allCurrentTimelines(Manager.class));
		state.addresses().putAll(store.allCurrentTimelines(Address.class));
		state.itUsers().putAll(store.allCurrentTimelines(ItUser.class));
		state.kle().putAll(store.allCurrentTimelines(Kle.class));
		state.associations().putAll(store.allCurrentTimelines(Association.class));
		store.allCurrentTimelines(Klasse.class)
			.forEach((uuid, timeline) -> timeline.latest().ifPresent(k -> state.classes().put(uuid, k)));
		return state;
	}

	/** Replaces (or, with an empty timeline, removes) one object's timeline. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void put(ObjectType type, UUID uuid, Timeline<? extends OrgObject> timeline) {
		if (type == ObjectType.ORG_UNIT) {
			timeline = Timeline.of(timeline.segments()
				.stream()
				.filter(s -> this.scope.inHierarchies((OrgUnit) s.value()))
				.map(s -> (Segment<OrgObject>) (Segment) s)
				.toList());
		}
		Map map = switch (type) {
			case ORG_UNIT -> this.units;
			case PERSON -> this.persons;
			case ENGAGEMENT -> this.engagements;
			case MANAGER -> this.managers;
			case ADDRESS -> this.addresses;
			case IT_USER -> this.itUsers;
			case KLE -> this.kle;
			case ASSOCIATION -> this.associations;
			default -> null;
		};
		if (type == ObjectType.KLASSE) {
			timeline.latest().ifPresent(k -> this.classes.put(uuid, (Klasse) k));
			return;
		}
		if (map == null) {
			return;
		}
		if (timeline.isEmpty()) {
			map.remove(uuid);
		}
		else {
			map.put(uuid, timeline);
		}
	}

	/** The current timeline of an object, empty when unknown. */
	public Timeline<? extends OrgObject> get(ObjectType type, UUID uuid) {
		Timeline<? extends OrgObject> result = switch (type) {
			case ORG_UNIT -> this.units.get(uuid);
			case PERSON -> this.persons.get(uuid);
			case ENGAGEMENT -> this.engagements.get(uuid);
			case MANAGER -> this.managers.get(uuid);
			case ADDRESS -> this.addresses.get(uuid);
			case IT_USER -> this.itUsers.get(uuid);
			case KLE -> this.kle.get(uuid);
			case ASSOCIATION -> this.associations.get(uuid);
			default -> null;
		};
		return (result != null) ? result : Timeline.empty();
	}

	String classKey(UUID uuid) {
		Klasse k = (uuid != null) ? this.classes.get(uuid) : null;
		return (k != null) ? k.userKey() : null;
	}

	String classTitle(UUID uuid) {
		Klasse k = (uuid != null) ? this.classes.get(uuid) : null;
		return (k != null) ? k.title() : null;
	}

}
