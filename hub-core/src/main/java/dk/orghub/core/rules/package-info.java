/**
 * The business rules of DESIGN.md section 6 as plain functions over canonical timelines:
 * primary engagement ({@link dk.orghub.core.rules.PrimaryEngagementRule}), managers
 * ({@link dk.orghub.core.rules.ManagerRule}, {@link dk.orghub.core.rules.ManagerLookup}),
 * lifting engagements from too-deep levels
 * ({@link dk.orghub.core.rules.LineUnitPlacement}), CPR validation
 * ({@link dk.orghub.core.rules.CprRule}) and subtree filters
 * ({@link dk.orghub.core.rules.SubtreeFilter}). Adapters (or a reconcile step) apply them
 * before a change set is built; each is tested alone. No store, no Camel, no Spring.
 */
package dk.orghub.core.rules;
