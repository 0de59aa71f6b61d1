package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.ChangeSet;

/**
 * A generated municipality: the organisation and every unit, person, engagement, manager,
 * unit address and KLE task as timelines, keyed by UUID, as payroll and the hub know
 * them, and beside them the MED organisation and the persons and associations payroll
 * does not know ({@link LocalActors}). Immutable; the maps keep the order the objects
 * were generated in (units parents first).
 *
 * @param seed the seed it was generated from
 * @param employees the number of persons
 * @param referenceDate the date that stood for "today" when it was generated
 * @param units the units of the line organisation (payroll's), parents first
 * @param persons the employees
 * @param actors what is kept beside payroll: the MED organisation, the persons payroll
 * does not know, and the associations
 */
public record Municipality(long seed, int employees, LocalDate referenceDate, Timeline<Organisation> organisation,
		Map<UUID, Timeline<OrgUnit>> units, Map<UUID, Timeline<Person>> persons,
		Map<UUID, Timeline<Engagement>> engagements, Map<UUID, Timeline<Manager>> managers,
		Map<UUID, Timeline<Address>> addresses, Map<UUID, Timeline<Kle>> kle, LocalActors actors) {

	public Municipality {
		Objects.requireNonNull(referenceDate, "referenceDate");
		Objects.requireNonNull(organisation, "organisation");
		Objects.requireNonNull(actors, "actors");
		units = frozen(units);
		persons = frozen(persons);
		engagements = frozen(engagements);
		managers = frozen(managers);
		addresses = frozen(addresses);
		kle = frozen(kle);
	}

	/** A municipality of payroll data only (no MED organisation, no associations). */
	public Municipality(long seed, int employees, LocalDate referenceDate, Timeline<Organisation> organisation,
			Map<UUID, Timeline<OrgUnit>> units, Map<UUID, Timeline<Person>> persons,
			Map<UUID, Timeline<Engagement>> engagements, Map<UUID, Timeline<Manager>> managers,
			Map<UUID, Timeline<Address>> addresses, Map<UUID, Timeline<Kle>> kle) {
		this(seed, employees, referenceDate, organisation, units, persons, engagements, managers, addresses, kle,
				LocalActors.none());
	}

	/** The root unit (the municipality itself, NY0). */
	public UUID root() {
		return this.units.values()
			.stream()
			.map((t) -> t.segments().get(0).value())
			.filter((u) -> u.parent() == null)
			.map(OrgUnit::uuid)
			.findFirst()
			.orElseThrow();
	}

	/** How many objects there are, the organisation included. */
	public int objectCount() {
		return 1 + this.units.size() + this.persons.size() + this.engagements.size() + this.managers.size()
				+ this.addresses.size() + this.kle.size() + this.actors.objectCount();
	}

	/**
	 * The number of unit levels from the root to the deepest unit (the root alone is 1).
	 */
	public int depth() {
		Map<UUID, UUID> parents = new HashMap<>();
		for (Timeline<OrgUnit> timeline : this.units.values()) {
			OrgUnit unit = timeline.segments().get(0).value();
			parents.put(unit.uuid(), unit.parent());
		}
		Map<UUID, Integer> depths = new HashMap<>();
		int deepest = 0;
		for (UUID uuid : parents.keySet()) {
			deepest = Math.max(deepest, depth(uuid, parents, depths));
		}
		return deepest;
	}

	private static int depth(UUID uuid, Map<UUID, UUID> parents, Map<UUID, Integer> depths) {
		Integer known = depths.get(uuid);
		if (known != null) {
			return known;
		}
		UUID parent = parents.get(uuid);
		int depth = (parent != null) ? 1 + depth(parent, parents, depths) : 1;
		depths.put(uuid, depth);
		return depth;
	}

	/** The number of engagements in a unit (not below it) valid on a date. */
	public long engagementCount(UUID unit, LocalDate date) {
		return this.engagements.values()
			.stream()
			.map((t) -> t.at(date).orElse(null))
			.filter((e) -> e != null && e.unit().equals(unit))
			.count();
	}

	/**
	 * The unit with the most engagements valid on a date (the first such in generation
	 * order when several tie).
	 */
	public UUID largestUnitByEngagements(LocalDate date) {
		Map<UUID, Integer> counts = new HashMap<>();
		for (Timeline<Engagement> timeline : this.engagements.values()) {
			timeline.at(date).ifPresent((e) -> counts.merge(e.unit(), 1, Integer::sum));
		}
		UUID largest = null;
		int most = -1;
		for (UUID unit : this.units.keySet()) {
			int count = counts.getOrDefault(unit, 0);
			if (count > most) {
				largest = unit;
				most = count;
			}
		}
		return largest;
	}

	/**
	 * The whole municipality as one change set that replaces each object's timeline: the
	 * organisation, the units (parents before children), the MED units, persons
	 * (employees first), engagements, associations, managers, addresses and KLE tasks.
	 */
	public ChangeSet toChangeSet(Actor actor) {
		ChangeSet.Builder builder = ChangeSet.by(actor)
			.note("Sample municipality: seed " + this.seed + ", " + this.employees + " employees");
		replace(builder, ObjectType.ORGANISATION,
				Map.of(this.organisation.segments().get(0).value().uuid(), this.organisation));
		replace(builder, ObjectType.ORG_UNIT, this.units);
		replace(builder, ObjectType.ORG_UNIT, this.actors.medUnits());
		replace(builder, ObjectType.PERSON, this.persons);
		replace(builder, ObjectType.PERSON, this.actors.persons());
		replace(builder, ObjectType.ENGAGEMENT, this.engagements);
		replace(builder, ObjectType.ASSOCIATION, this.actors.associations());
		replace(builder, ObjectType.MANAGER, this.managers);
		replace(builder, ObjectType.ADDRESS, this.addresses);
		replace(builder, ObjectType.KLE, this.kle);
		return builder.build();
	}

	private static <T extends OrgObject> void replace(ChangeSet.Builder builder, ObjectType type,
			Map<UUID, Timeline<T>> timelines) {
		timelines.forEach((uuid, timeline) -> builder.replace(type, uuid, timeline));
	}

	private static <T extends OrgObject> Map<UUID, Timeline<T>> frozen(Map<UUID, Timeline<T>> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
	}

	/** A summary; the objects themselves are too many to show. */
	@Override
	public String toString() {
		return "Municipality[seed=" + this.seed + ", employees=" + this.employees + ", referenceDate="
				+ this.referenceDate + ", units=" + this.units.size() + ", persons=" + this.persons.size()
				+ ", engagements=" + this.engagements.size() + ", managers=" + this.managers.size() + ", addresses="
				+ this.addresses.size() + ", kle=" + this.kle.size() + ", medUnits=" + this.actors.medUnits().size()
				+ ", otherPersons=" + this.actors.persons().size() + ", associations="
				+ this.actors.associations().size() + "]";
	}

}
