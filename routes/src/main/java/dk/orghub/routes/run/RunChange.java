package dk.orghub.routes.run;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.store.ObjectChange;

/**
 * One line of a run's log: what changed on one object, from which source or rule, over
 * which validity.
 *
 * @param type the object's type: the hub's (e.g. {@code ORG_UNIT}) or, for a target sync,
 * the target's (e.g. {@code OrganisationEnhed})
 * @param actor the source or rule the change came from, e.g. {@code source:opus}
 * @param validFrom the first day the change concerns
 * @param validTo the day after the last one it concerns; {@code null} when open-ended
 * @param intervals the old and new field values per validity interval
 */
public record RunChange(long id, long run, String sync, String type, UUID uuid, String userKey, ObjectChange.Kind kind,
		String actor, LocalDate validFrom, LocalDate validTo, List<ChangeDiff.Interval> intervals) {

}
