package dk.orghub.core.rules;

import java.util.List;

import dk.orghub.core.spi.DesiredObject;

/**
 * One step of a {@link RulePipeline}: takes what a source delivered in one read and
 * returns it with the rule applied. A step never writes; it may leave objects out (a
 * subtree filter) but keeps the order of those it keeps.
 */
public interface RuleStep {

	/** The step's name, for the run's log and the documentation. */
	String name();

	List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context);

}
