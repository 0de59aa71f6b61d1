package dk.orghub.core.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;

/**
 * The unit tree at one read point, built from the unit versions valid there. Immutable.
 * <p>
 * A unit whose parent is not among the given units (a root, or an orphan whose parent is
 * not valid at the read point) is a root of this tree. Children are ordered by user key,
 * then name, then UUID. The store rejects cycles; should the given units contain one
 * anyway, walks stop at the first unit seen twice instead of looping, and the units of
 * the cycle are reachable from no root.
 */
public final class OrgTree {

	private static final Comparator<Versioned<OrgUnit>> ORDER = Comparator
		.comparing((Versioned<OrgUnit> v) -> v.value().userKey(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(v -> v.value().name(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(v -> v.value().uuid());

	private final Map<UUID, Versioned<OrgUnit>> units;

	private final Map<UUID, List<Versioned<OrgUnit>>> children;

	private final List<Versioned<OrgUnit>> roots;

	private OrgTree(Map<UUID, Versioned<OrgUnit>> units) {
		this.units = units;
		Map<UUID, List<Versioned<OrgUnit>>> byParent = new LinkedHashMap<>();
		List<Versioned<OrgUnit>> rootList = new ArrayList<>();
		for (Versioned<OrgUnit> unit : units.values()) {
			UUID parent = unit.value().parent();
			if (parent != null && !parent.equals(unit.value().uuid()) && units.containsKey(parent)) {
				byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit);
			}
			else if (parent == null || !units.containsKey(parent)) {
				rootList.add(unit);
			}
		}
		byParent.replaceAll((k, list) -> sorted(list));
		this.children = Map.copyOf(byParent);
		this.roots = sorted(rootList);
	}

	/**
	 * A tree of the given unit versions, normally those valid at one read point.
	 * @throws IllegalArgumentException if two versions of one unit are given
	 */
	public static OrgTree of(Collection<Versioned<OrgUnit>> units) {
		Map<UUID, Versioned<OrgUnit>> byUuid = new LinkedHashMap<>();
		for (Versioned<OrgUnit> unit : units) {
			if (byUuid.put(unit.value().uuid(), unit) != null) {
				throw new IllegalArgumentException("unit " + unit.value().uuid() + " is given twice");
			}
		}
		return new OrgTree(byUuid);
	}

	public int size() {
		return this.units.size();
	}

	public boolean contains(UUID unit) {
		return this.units.containsKey(unit);
	}

	public Optional<Versioned<OrgUnit>> unit(UUID unit) {
		return Optional.ofNullable(this.units.get(unit));
	}

	/** Units without a parent in this tree. */
	public List<Versioned<OrgUnit>> roots() {
		return this.roots;
	}

	/** The direct children of a unit; empty for a leaf or a unit not in the tree. */
	public List<Versioned<OrgUnit>> children(UUID unit) {
		return this.children.getOrDefault(unit, List.of());
	}

	/**
	 * The ancestors of a unit, nearest first (parent, grandparent, ..., root); empty for
	 * a root or a unit not in the tree.
	 */
	public List<Versioned<OrgUnit>> ancestors(UUID unit) {
		List<Versioned<OrgUnit>> result = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		seen.add(unit);
		Versioned<OrgUnit> current = this.units.get(unit);
		while (current != null) {
			UUID parent = current.value().parent();
			if (parent == null || !seen.add(parent)) {
				break;
			}
			current = this.units.get(parent);
			if (current != null) {
				result.add(current);
			}
		}
		return result;
	}

	/**
	 * A unit and everything below it, depth first in pre-order (a unit before its
	 * children, children in order); empty when the unit is not in the tree.
	 */
	public List<Versioned<OrgUnit>> subtree(UUID root) {
		Versioned<OrgUnit> start = this.units.get(root);
		if (start == null) {
			return List.of();
		}
		List<Versioned<OrgUnit>> result = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		Deque<Versioned<OrgUnit>> stack = new ArrayDeque<>();
		stack.push(start);
		while (!stack.isEmpty()) {
			Versioned<OrgUnit> unit = stack.pop();
			if (!seen.add(unit.value().uuid())) {
				continue;
			}
			result.add(unit);
			List<Versioned<OrgUnit>> kids = children(unit.value().uuid());
			for (int i = kids.size() - 1; i >= 0; i--) {
				stack.push(kids.get(i));
			}
		}
		return result;
	}

	/** Whether {@code unit} is {@code ancestor} or lies below it. */
	public boolean isWithin(UUID unit, UUID ancestor) {
		if (!this.units.containsKey(unit)) {
			return false;
		}
		return unit.equals(ancestor) || ancestors(unit).stream().anyMatch(a -> a.value().uuid().equals(ancestor));
	}

	/**
	 * The names from the root down to the unit itself, e.g.
	 * {@code [Kommune, Borgerservice,
	 * Team Pas]}; empty when the unit is not in the tree.
	 */
	public List<String> pathNames(UUID unit) {
		Versioned<OrgUnit> self = this.units.get(unit);
		if (self == null) {
			return List.of();
		}
		List<Versioned<OrgUnit>> ancestors = ancestors(unit);
		List<String> names = new ArrayList<>(ancestors.size() + 1);
		for (int i = ancestors.size() - 1; i >= 0; i--) {
			names.add(ancestors.get(i).value().name());
		}
		names.add(self.value().name());
		return names;
	}

	/**
	 * {@link #pathNames} joined with {@code " / "}; empty when the unit is not in the
	 * tree.
	 */
	public String path(UUID unit) {
		return String.join(" / ", pathNames(unit));
	}

	private static List<Versioned<OrgUnit>> sorted(List<Versioned<OrgUnit>> list) {
		List<Versioned<OrgUnit>> copy = new ArrayList<>(list);
		copy.sort(ORDER);
		return List.copyOf(copy);
	}

}
