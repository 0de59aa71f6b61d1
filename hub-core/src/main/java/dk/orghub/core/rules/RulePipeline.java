package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SourceRules;

/**
 * The business rules the hub runs on what a source delivered in one read, before it is
 * reconciled with the store: in this order, those the {@link SourceRules} turn on:
 * {@code subtree-filter} (excluded units), {@code line-unit-lifting}, {@code managers}
 * and {@code primary-engagement}. Each step sees only the delivery (and the engagements
 * the store holds, through the {@link RuleContext}); a rule that needs several objects
 * together (a person's engagements, a unit's ancestors) needs the source to deliver them
 * together, as a snapshot or a change feed that delivers whole persons and the whole unit
 * tree does.
 */
public final class RulePipeline {

	private final List<RuleStep> steps;

	private final SourceRules rules;

	private RulePipeline(SourceRules rules, List<RuleStep> steps) {
		this.rules = rules;
		this.steps = List.copyOf(steps);
	}

	/** The pipeline the settings turn on; empty for {@link SourceRules#NONE}. */
	public static RulePipeline of(SourceRules rules) {
		Objects.requireNonNull(rules, "rules");
		List<RuleStep> steps = new ArrayList<>();
		if (!rules.excludedUnits().isEmpty()) {
			steps.add(new SubtreeStep(rules.excludedUnits()));
		}
		if (!rules.lineUnitLifting().isEmpty()) {
			steps.add(new LineUnitStep(
					new LineUnitPlacement(classes(DefaultClasses.ORG_UNIT_LEVEL, rules.lineUnitLifting()))));
		}
		switch (rules.managerEnds()) {
			case END -> steps.add(new ManagerStep(new ManagerRule(ManagerRule.WhenEmploymentEnds.END)));
			case VACATE -> steps.add(new ManagerStep(new ManagerRule(ManagerRule.WhenEmploymentEnds.VACATE)));
			case NONE -> {
			}
		}
		switch (rules.primaryEngagement()) {
			case ENGAGEMENT_TYPE_ORDER -> steps.add(new PrimaryStep(
					new PrimaryEngagementRule(PrimaryEngagementRule.byEngagementTypeOrder(rules.engagementTypeOrder()
						.stream()
						.map((type) -> DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, type))
						.toList()))));
			case HIGHEST_FRACTION ->
				steps.add(new PrimaryStep(new PrimaryEngagementRule(PrimaryEngagementRule.byHighestFraction())));
			case NONE -> {
			}
		}
		return new RulePipeline(rules, steps);
	}

	/** The settings the pipeline was made from. */
	public SourceRules rules() {
		return this.rules;
	}

	/** The names of the steps that run, in order. */
	public List<String> stepNames() {
		return this.steps.stream().map(RuleStep::name).toList();
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	/** The delivery with every step applied, in order. */
	public List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context) {
		List<DesiredObject<?>> result = delivered;
		for (RuleStep step : this.steps) {
			result = step.apply(result, context);
		}
		return result;
	}

	private static Set<UUID> classes(String facet, Set<String> userKeys) {
		return userKeys.stream().map((key) -> DefaultClasses.classUuid(facet, key)).collect(Collectors.toSet());
	}

}
