package dk.orghub.routes.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.core.spi.SourceRules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the hub does with each source's deliveries ({@code hub.sources.<source>.rules.*}
 * and {@code hub.sources.<source>.reconcile.*}, by the source's name). Each setting left
 * out keeps the source's own default ({@link dk.orghub.core.spi.SourceAdapter#rules()}:
 * for OPUS its {@code engagement-type-order}, {@code primary-rule}, {@code manager-ends}
 * and {@code excluded-units}; for SD its {@code too-deep-levels}). The source's other
 * settings under {@code hub.sources.<source>} are its adapter's.
 *
 * @param sources the settings by source name
 */
@ConfigurationProperties("hub")
public record SourceProperties(@DefaultValue Map<String, Source> sources) {

	/**
	 * One source.
	 *
	 * @param rules the business rules the hub runs after each read of the source
	 * @param reconcile how the hub reads the source's dates when it reconciles
	 */
	public record Source(@DefaultValue Rules rules, @DefaultValue Reconcile reconcile) {

	}

	/**
	 * The rule pipeline's settings; each one left out keeps the source's default.
	 *
	 * @param primaryEngagement {@code engagement-type-order}, {@code highest-fraction} or
	 * {@code none}
	 * @param engagementTypeOrder engagement type class user keys, most preferred first
	 * @param excludedUnits the source's unit ids (or unit UUIDs) whose subtrees are left
	 * out
	 * @param managerEnds {@code end}, {@code vacate} or {@code none} (manager roles as
	 * delivered)
	 * @param lineUnitLifting unit level class user keys whose engagements are placed in
	 * the line unit above (e.g. {@code Afdelings-niveau}); an empty list turns it off
	 */
	public record Rules(SourceRules.PrimaryEngagement primaryEngagement, List<String> engagementTypeOrder,
			Set<String> excludedUnits, SourceRules.ManagerEnds managerEnds, Set<String> lineUnitLifting) {

		/** The source's defaults with the settings given here. */
		public SourceRules over(SourceRules defaults) {
			SourceRules rules = defaults;
			if (this.primaryEngagement != null) {
				rules = rules.withPrimaryEngagement(this.primaryEngagement);
			}
			if (this.engagementTypeOrder != null) {
				rules = rules.withEngagementTypeOrder(this.engagementTypeOrder);
			}
			if (this.excludedUnits != null) {
				rules = rules.withExcludedUnits(this.excludedUnits);
			}
			if (this.managerEnds != null) {
				rules = rules.withManagerEnds(this.managerEnds);
			}
			if (this.lineUnitLifting != null) {
				rules = rules.withLineUnitLifting(this.lineUnitLifting);
			}
			return rules;
		}

	}

	/**
	 * The reconciler's effective-dating choices for a source the hub imports
	 * ({@link dk.orghub.core.reconcile.Reconciler.Options}); OPUS and SD make theirs in
	 * their own planning.
	 *
	 * @param endAtEarlierEnd an object whose delivered timeline ends before the
	 * delivery's effective date ends there in the stored history too
	 * @param keepStoredParents units keep the parent the store holds before today (for a
	 * source that knows only today's tree)
	 */
	public record Reconcile(@DefaultValue("false") boolean endAtEarlierEnd,
			@DefaultValue("false") boolean keepStoredParents) {

	}

}
