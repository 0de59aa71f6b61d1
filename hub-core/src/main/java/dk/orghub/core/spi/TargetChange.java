package dk.orghub.core.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.store.ObjectChange;

/**
 * One object a target run changes, for its log and its preview.
 *
 * @param type the object's type in the target (e.g. {@code OrganisationEnhed})
 * @param uuid the object's UUID (in STS the same as the hub's object it comes from)
 * @param userKey the object's user key, or {@code null}
 * @param kind created, changed or ended
 * @param actor where the change comes from, e.g.
 * {@code target:sts-organisation from org-units:<uuid>}
 * @param intervals the old and new field values per validity interval
 */
public record TargetChange(String type, UUID uuid, String userKey, ObjectChange.Kind kind, String actor,
		List<ChangeDiff.Interval> intervals) {

	public TargetChange {
		intervals = List.copyOf(intervals);
	}

	/** The first day the change concerns, or {@code null}. */
	public LocalDate validFrom() {
		return this.intervals.isEmpty() ? null : this.intervals.get(0).from();
	}

	/** The day after the last one it concerns; {@code null} when open-ended. */
	public LocalDate validTo() {
		return this.intervals.isEmpty() ? null : this.intervals.get(this.intervals.size() - 1).to();
	}

}
