package dk.orghub.routes.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.Violation;

/**
 * A planned change set checked against the model's rules, with the objects that break
 * them taken out. The store refuses a whole change set when one object breaks a rule; so
 * the objects the violations name are set aside (for the quarantine) and the rest is
 * checked again, until it passes. Taking an object out can break another (an engagement
 * in a unit that could not be created): that one goes too, in the next round.
 *
 * @param accepted the change set without the failed objects
 * @param preview the preview of {@code accepted}
 * @param failed the failed objects with the first violation that named each
 */
record CheckedPlan(ChangeSet accepted, ApplyResult preview, Map<UUID, Violation> failed) {

	static final int MAX_ROUNDS = 20;

	/**
	 * @throws InvariantViolationException when a violation names an object the change set
	 * does not touch (the change breaks an object already stored), which taking objects
	 * out cannot mend
	 */
	static CheckedPlan check(ChangeSet plan, Function<ChangeSet, ApplyResult> preview) {
		Map<UUID, Violation> failed = new LinkedHashMap<>();
		ChangeSet current = plan;
		for (int round = 0;; round++) {
			try {
				return new CheckedPlan(current, preview.apply(current), failed);
			}
			catch (InvariantViolationException ex) {
				Set<UUID> touched = ChangeSets.objects(current);
				List<Violation> removable = new ArrayList<>();
				for (Violation violation : ex.violations()) {
					if (violation.uuid() == null || !touched.contains(violation.uuid())) {
						throw ex;
					}
					removable.add(violation);
				}
				if (round >= MAX_ROUNDS || removable.isEmpty()) {
					throw ex;
				}
				Set<UUID> out = new HashSet<>();
				for (Violation violation : removable) {
					failed.putIfAbsent(violation.uuid(), violation);
					out.add(violation.uuid());
				}
				current = ChangeSets.without(current, out);
			}
		}
	}

}
