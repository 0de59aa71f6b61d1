package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;

/**
 * Which units a target receives (STS Organisation, an export): the units of some
 * hierarchies (classes of facet {@code org_unit_hierarchy}), without the subtrees below
 * some units. A unit is in scope on a date when its hierarchy is one of
 * {@link #hierarchies()} and neither it nor a unit above it is one of
 * {@link #excludedSubtrees()}. What is placed in a unit (an engagement, an association, a
 * manager role, a unit's address) follows its unit: a target leaves it out with the unit.
 * <p>
 * The default ({@link #lineOrganisation()}) is the line organisation, whole.
 *
 * @param hierarchies the hierarchy classes whose units are in scope; at least one
 * @param excludedSubtrees units left out together with every unit below them
 */
public record UnitScope(Set<UUID> hierarchies, Set<UUID> excludedSubtrees) {

	public UnitScope {
		hierarchies = Set.copyOf(Objects.requireNonNull(hierarchies, "hierarchies"));
		excludedSubtrees = Set.copyOf(Objects.requireNonNull(excludedSubtrees, "excludedSubtrees"));
		if (hierarchies.isEmpty()) {
			throw new IllegalArgumentException("hierarchies: at least one hierarchy is needed");
		}
	}

	/** The line organisation, whole: what every target receives unless configured. */
	public static UnitScope lineOrganisation() {
		return new UnitScope(Set.of(DefaultClasses.LINE_ORGANISATION), Set.of());
	}

	/**
	 * A scope from its settings.
	 * @param hierarchies user keys (e.g. {@code Linjeorganisation},
	 * {@code MED-organisation}) or UUIDs of classes of facet {@code org_unit_hierarchy};
	 * {@code null} or empty for the line organisation
	 * @param excludedSubtrees the UUIDs of the units whose subtrees are left out;
	 * {@code null} for none
	 * @throws IllegalArgumentException naming a blank hierarchy
	 */
	public static UnitScope of(Collection<String> hierarchies, Collection<UUID> excludedSubtrees) {
		Set<UUID> classes = new LinkedHashSet<>();
		for (String hierarchy : (hierarchies != null) ? hierarchies : List.<String>of()) {
			if (hierarchy == null || hierarchy.isBlank()) {
				throw new IllegalArgumentException("hierarchies: a blank hierarchy (give a user key such as "
						+ "Linjeorganisation or MED-organisation, or a class UUID)");
			}
			classes.add(hierarchyClass(hierarchy.trim()));
		}
		if (classes.isEmpty()) {
			classes.add(DefaultClasses.LINE_ORGANISATION);
		}
		Set<UUID> excluded = new LinkedHashSet<>();
		if (excludedSubtrees != null) {
			excludedSubtrees.forEach(u -> excluded.add(Objects.requireNonNull(u, "excludedSubtrees: a blank UUID")));
		}
		return new UnitScope(classes, excluded);
	}

	private static UUID hierarchyClass(String reference) {
		try {
			return UUID.fromString(reference);
		}
		catch (IllegalArgumentException ex) {
			return DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_HIERARCHY, reference);
		}
	}

	/** Whether the scope is the default one (the line organisation, whole). */
	public boolean isLineOrganisation() {
		return equals(lineOrganisation());
	}

	/** Whether a unit's hierarchy is in scope (its place in the tree aside). */
	public boolean inHierarchies(OrgUnit unit) {
		return this.hierarchies.contains(unit.hierarchy());
	}

	/** The days of a unit's timeline on which it is in a hierarchy in scope. */
	public Timeline<OrgUnit> inHierarchies(Timeline<OrgUnit> unit) {
		if (unit.segments().stream().allMatch(s -> inHierarchies(s.value()))) {
			return unit;
		}
		List<Segment<OrgUnit>> kept = new ArrayList<>();
		for (Segment<OrgUnit> segment : unit.segments()) {
			if (inHierarchies(segment.value())) {
				kept.add(segment);
			}
		}
		return Timeline.of(kept);
	}

	/**
	 * The units in scope on each of their days: the days in a hierarchy out of scope, and
	 * the days below an excluded unit, cut away; a unit left with no day is absent.
	 */
	public Map<UUID, Timeline<OrgUnit>> units(Map<UUID, Timeline<OrgUnit>> units) {
		Map<UUID, Timeline<OrgUnit>> kept = new LinkedHashMap<>();
		units.forEach((uuid, timeline) -> {
			Timeline<OrgUnit> part = inHierarchies(timeline);
			if (!part.isEmpty()) {
				kept.put(uuid, part);
			}
		});
		return new SubtreeFilter(this.excludedSubtrees).units(kept);
	}

	/**
	 * Of the units valid on one date (each once, as it stands that day), the UUIDs of
	 * those in scope.
	 */
	public Set<UUID> included(Collection<OrgUnit> unitsOnADay) {
		Set<UUID> below = belowExcluded(unitsOnADay);
		Set<UUID> result = new LinkedHashSet<>();
		for (OrgUnit unit : unitsOnADay) {
			if (inHierarchies(unit) && !below.contains(unit.uuid())) {
				result.add(unit.uuid());
			}
		}
		return result;
	}

	/**
	 * Of the units valid on one date (each once, as it stands that day), the UUIDs of
	 * those that are excluded or lie below an excluded unit, in any hierarchy.
	 */
	public Set<UUID> belowExcluded(Collection<OrgUnit> unitsOnADay) {
		if (this.excludedSubtrees.isEmpty()) {
			return Set.of();
		}
		Map<UUID, OrgUnit> byUuid = new HashMap<>();
		unitsOnADay.forEach(u -> byUuid.put(u.uuid(), u));
		Map<UUID, Boolean> known = new HashMap<>();
		Set<UUID> result = new LinkedHashSet<>();
		for (OrgUnit unit : unitsOnADay) {
			if (underExcluded(unit.uuid(), byUuid, known)) {
				result.add(unit.uuid());
			}
		}
		return result;
	}

	/** Whether a unit or one above it is excluded; remembers each unit's answer. */
	private boolean underExcluded(UUID unit, Map<UUID, OrgUnit> byUuid, Map<UUID, Boolean> known) {
		List<UUID> path = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		boolean excluded = false;
		UUID current = unit;
		while (current != null && seen.add(current)) {
			Boolean answer = known.get(current);
			if (answer != null) {
				excluded = answer;
				break;
			}
			path.add(current);
			if (this.excludedSubtrees.contains(current)) {
				excluded = true;
				break;
			}
			OrgUnit value = byUuid.get(current);
			current = (value != null) ? value.parent() : null;
		}
		for (UUID u : path) {
			known.put(u, excluded);
		}
		return excluded;
	}

}
