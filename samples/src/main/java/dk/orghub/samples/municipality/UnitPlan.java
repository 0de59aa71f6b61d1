package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.Validity;

/**
 * A unit while the municipality is being generated: its place in the tree, its dates, how
 * many people it employs and whether it has a manager.
 */
final class UnitPlan {

	final int index;

	final String key;

	final UUID uuid;

	final UnitPlan parent;

	final int depth;

	final Tier tier;

	final String name;

	final Departments.Department department;

	/** The kind of institution, {@code null} above the institutions. */
	final InstitutionKind kind;

	final List<UnitPlan> children = new ArrayList<>();

	LocalDate from;

	/** Exclusive end; {@code null} while the unit is open. */
	LocalDate to;

	/** The name before {@link #renamedOn}, or {@code null} if never renamed. */
	String formerName;

	LocalDate renamedOn;

	/** How many people have their main engagement here. */
	int slots;

	boolean managed;

	boolean vacant;

	UnitPlan(int index, String key, UUID uuid, UnitPlan parent, Tier tier, String name,
			Departments.Department department, InstitutionKind kind) {
		this.index = index;
		this.key = key;
		this.uuid = uuid;
		this.parent = parent;
		this.depth = (parent != null) ? parent.depth + 1 : 1;
		this.tier = tier;
		this.name = name;
		this.department = department;
		this.kind = kind;
		if (parent != null) {
			parent.children.add(this);
		}
	}

	Validity validity() {
		return new Validity(this.from, this.to);
	}

	boolean isOpen() {
		return this.to == null;
	}

	/** The exclusive end, with {@link Validity#END_OF_TIME} while open. */
	LocalDate end() {
		return (this.to != null) ? this.to : Validity.END_OF_TIME;
	}

	/** The NY1 unit above (or this one), {@code null} for the root. */
	UnitPlan payoutUnit() {
		UnitPlan unit = this;
		while (unit != null && unit.tier != Tier.DEPARTMENT) {
			unit = unit.parent;
		}
		return unit;
	}

	/** This unit or the nearest ancestor that is open. */
	UnitPlan openSelfOrAncestor() {
		UnitPlan unit = this;
		while (!unit.isOpen()) {
			unit = unit.parent;
		}
		return unit;
	}

	/** The job functions of the people who work here. */
	Weighted jobs() {
		return (this.kind != null && (this.tier == Tier.INSTITUTION || this.tier == Tier.TEAM)) ? this.kind.jobs()
				: InstitutionKind.ADMINISTRATION;
	}

}
