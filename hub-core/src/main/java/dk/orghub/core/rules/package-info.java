/**
 * The business rules of DESIGN.md section 6 as plain functions over canonical timelines:
 * primary engagement ({@link dk.orghub.core.rules.PrimaryEngagementRule}), managers
 * ({@link dk.orghub.core.rules.ManagerRule}, {@link dk.orghub.core.rules.ManagerLookup}),
 * lifting engagements from too-deep levels
 * ({@link dk.orghub.core.rules.LineUnitPlacement}), CPR validation
 * ({@link dk.orghub.core.rules.CprRule}) and subtree filters
 * ({@link dk.orghub.core.rules.SubtreeFilter}); each is tested alone. The hub runs them
 * on what a source delivered, before reconciling, as a
 * {@link dk.orghub.core.rules.RulePipeline} configured per source
 * ({@link dk.orghub.core.spi.SourceRules}); adapters only validate records (CPR). No
 * Camel, no Spring.
 */
package dk.orghub.core.rules;
