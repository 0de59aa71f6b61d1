package dk.orghub.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which of the hub's business rules run on what a source delivers, and with which inputs.
 * The hub runs them after each read of the source and before reconciling (its
 * {@code rules} step); a source gives its defaults with {@link SourceAdapter#rules()},
 * and {@code hub.sources.<source>.rules.*} overrides each of them.
 *
 * @param primaryEngagement how each person's primary engagement is chosen, or
 * {@link PrimaryEngagement#NONE} to leave the flags as delivered
 * @param engagementTypeOrder engagement type class user keys, most preferred first (for
 * {@link PrimaryEngagement#ENGAGEMENT_TYPE_ORDER})
 * @param excludedUnits the source's external ids (or UUIDs) of units whose subtrees are
 * left out, with everything placed in them; empty for none
 * @param managerEnds what happens to a manager role when its holder's last engagement
 * ends, or {@link ManagerEnds#NONE} to leave manager roles as delivered
 * @param lineUnitLifting unit level class user keys whose units hold no engagements: an
 * engagement in such a unit is placed in the nearest unit above of another level; empty
 * for none
 */
public record SourceRules(PrimaryEngagement primaryEngagement, List<String> engagementTypeOrder,
		Set<String> excludedUnits, ManagerEnds managerEnds, Set<String> lineUnitLifting) {

	/** No rule runs: what the source delivers is reconciled as it is. */
	public static final SourceRules NONE = new SourceRules(PrimaryEngagement.NONE, List.of(), Set.of(),
			ManagerEnds.NONE, Set.of());

	public SourceRules {
		Objects.requireNonNull(primaryEngagement, "primaryEngagement");
		Objects.requireNonNull(managerEnds, "managerEnds");
		engagementTypeOrder = (engagementTypeOrder != null) ? List.copyOf(engagementTypeOrder) : List.of();
		excludedUnits = (excludedUnits != null) ? Set.copyOf(excludedUnits) : Set.of();
		lineUnitLifting = (lineUnitLifting != null) ? Set.copyOf(lineUnitLifting) : Set.of();
	}

	public SourceRules withPrimaryEngagement(PrimaryEngagement rule) {
		return new SourceRules(rule, this.engagementTypeOrder, this.excludedUnits, this.managerEnds,
				this.lineUnitLifting);
	}

	public SourceRules withEngagementTypeOrder(List<String> order) {
		return new SourceRules(this.primaryEngagement, order, this.excludedUnits, this.managerEnds,
				this.lineUnitLifting);
	}

	public SourceRules withExcludedUnits(Set<String> units) {
		return new SourceRules(this.primaryEngagement, this.engagementTypeOrder, units, this.managerEnds,
				this.lineUnitLifting);
	}

	public SourceRules withManagerEnds(ManagerEnds ends) {
		return new SourceRules(this.primaryEngagement, this.engagementTypeOrder, this.excludedUnits, ends,
				this.lineUnitLifting);
	}

	public SourceRules withLineUnitLifting(Set<String> levels) {
		return new SourceRules(this.primaryEngagement, this.engagementTypeOrder, this.excludedUnits, this.managerEnds,
				levels);
	}

	/** How a person's primary engagement is chosen. */
	public enum PrimaryEngagement {

		/**
		 * The engagement type earliest in {@code engagementTypeOrder} (types not listed
		 * last), ties to the lowest employment number (OPUS).
		 */
		ENGAGEMENT_TYPE_ORDER,
		/** The highest occupation rate, ties to the lowest employment number (SD-Løn). */
		HIGHEST_FRACTION,
		/** The flags stay as the source delivers them. */
		NONE

	}

	/** What happens to a manager role when its holder's last engagement ends. */
	public enum ManagerEnds {

		/** The role is held only while its holder is employed, and ends with that. */
		END,
		/**
		 * As {@link #END}, but the role goes on vacant for as long as its unit exists.
		 */
		VACATE,
		/** Manager roles stay as the source delivers them. */
		NONE

	}

}
