package dk.orghub.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Page;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

/**
 * Questions about the organisation that span several objects: the unit tree, subtrees and
 * managers with inheritance. Reads only; thread-safe when the store is.
 */
public final class OrganisationQueries {

	private final OrgStore store;

	public OrganisationQueries(OrgStore store) {
		this.store = Objects.requireNonNull(store, "store");
	}

	/**
	 * The forest of all units valid at the read point, every hierarchy's roots among its
	 * roots; a unit's subtree and ancestors stay in its hierarchy, as the store keeps
	 * every unit in its parent's.
	 */
	public OrgTree tree(ReadPoint point) {
		return OrgTree.of(all(Query.of(OrgUnit.class, point)));
	}

	/**
	 * The tree of one hierarchy (a class of facet {@code org_unit_hierarchy}, e.g.
	 * {@link dk.orghub.core.classes.DefaultClasses#LINE_ORGANISATION}) at the read point.
	 */
	public OrgTree tree(ReadPoint point, UUID hierarchy) {
		return OrgTree.of(all(Query.of(OrgUnit.class, point).where("hierarchy", hierarchy)));
	}

	/**
	 * A unit and every unit below it at the read point, the unit first, then depth first;
	 * empty when the unit is not valid there.
	 */
	public List<Versioned<OrgUnit>> subtree(UUID root, ReadPoint point) {
		return tree(point).subtree(root);
	}

	/**
	 * The manager of a unit at the read point: a manager role of the unit held by a
	 * person, or with {@code inherit} the nearest ancestor's when the unit has none.
	 * Vacant roles are never returned; see {@link #resolveManager} to see them. Empty
	 * when no manager is found or the unit is not valid at the read point.
	 */
	public Optional<Versioned<Manager>> managerOf(UUID unit, ReadPoint point, boolean inherit) {
		return resolveManager(unit, point, inherit).flatMap(ManagerResolution::found);
	}

	/**
	 * Like {@link #managerOf}, telling also whether the manager is inherited and which
	 * vacant roles were passed over; empty when the unit is not valid at the read point.
	 */
	public Optional<ManagerResolution> resolveManager(UUID unit, ReadPoint point, boolean inherit) {
		if (this.store.get(OrgUnit.class, unit, point).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(ManagerInheritance.resolve(unit,
				u -> this.store.get(OrgUnit.class, u, point).map(v -> v.value().parent()),
				u -> all(Query.of(Manager.class, point).where("unit", u)), inherit));
	}

	private <T extends OrgObject> List<Versioned<T>> all(Query<T> query) {
		List<Versioned<T>> result = new ArrayList<>();
		int offset = 0;
		while (true) {
			Page<Versioned<T>> page = this.store.list(query.page(offset, Query.MAX_LIMIT));
			result.addAll(page.items());
			offset += page.items().size();
			if (page.items().isEmpty() || offset >= page.total()) {
				return result;
			}
		}
	}

}
