package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.model.Validity;

/**
 * What a publish would send, computed without sending: the objects to register
 * ({@code importer}) or correct ({@code ret}), and those the hub sent before and no
 * longer maps, to deactivate. {@link StsPublisher#publish(StsPlan)} carries it out; a
 * preview shows {@link #changes()} and sends nothing.
 *
 * @param sends the objects to send, with what STS holds of them as far as the hub knows
 * @param orphans the objects to deactivate, with what was last sent of them where known
 * @param forget keys to forget in the ledger before sending (a reconcile's drift)
 * @param considered the mapped objects in scope
 * @param unchanged in scope and as last sent
 * @param skipped never sent and already over, so not sent
 * @param held what the ledger holds per kind: the base of the safety thresholds
 * @param today the day the plan was made for
 */
public record StsPlan(List<Send> sends, List<Orphan> orphans, Set<Key> forget, int considered, int unchanged,
		int skipped, Map<StsKind, Integer> held, LocalDate today) {

	public StsPlan {
		sends = List.copyOf(sends);
		orphans = List.copyOf(orphans);
		forget = Set.copyOf(forget);
		held = Map.copyOf(held);
	}

	/** What a plan does to one object. */
	public enum Action {

		/** Registered anew ({@code importer}). */
		CREATE,
		/** Corrected ({@code ret}). */
		CHANGE,
		/** Deactivated: Gyldighed Inaktiv from today, relations ended; never deleted. */
		DEACTIVATE

	}

	/**
	 * An object to send.
	 *
	 * @param object the object as the hub maps it
	 * @param known whether the ledger holds it ({@code ret}) or not ({@code importer})
	 * @param before what STS holds of it as far as the hub knows; {@code null} when new
	 * or not known (sent before the ledger kept content)
	 * @param ending whether the object as sent is over by the plan's day (Inaktiv, or all
	 * its properties ended) while STS holds it: a deactivation by the hub's own data
	 */
	public record Send(StsObject object, boolean known, StsObject before, boolean ending) {

		public Action action() {
			if (this.ending) {
				return Action.DEACTIVATE;
			}
			return (this.known || this.before != null) ? Action.CHANGE : Action.CREATE;
		}

	}

	/**
	 * An object to deactivate.
	 *
	 * @param key the object
	 * @param before what was last sent of it; {@code null} when not known
	 */
	public record Orphan(Key key, StsObject before) {

	}

	/**
	 * One object's change for a log or a preview.
	 *
	 * @param userKey the object's user key, where known
	 * @param source the canonical object it comes from, where known (e.g.
	 * {@code org-units:<uuid>})
	 * @param intervals the old and new field values per validity interval
	 */
	public record Change(Key key, String userKey, String source, Action action, List<ChangeDiff.Interval> intervals) {

	}

	/** Whether the plan sends nothing. */
	public boolean empty() {
		return this.sends.isEmpty() && this.orphans.isEmpty();
	}

	/**
	 * How many objects of each kind the plan deactivates: those the hub no longer maps,
	 * and those whose mapping is over by today while STS holds them.
	 */
	public Map<StsKind, Integer> deactivating() {
		Map<StsKind, Integer> counts = new EnumMap<>(StsKind.class);
		this.orphans.forEach(o -> counts.merge(o.key().kind(), 1, Integer::sum));
		this.sends.stream().filter(Send::ending).forEach(s -> counts.merge(s.object().kind(), 1, Integer::sum));
		return counts;
	}

	/** Every object's change, in the order they would be sent. */
	public List<Change> changes() {
		List<Change> changes = new ArrayList<>(this.sends.size() + this.orphans.size());
		this.sends.forEach(s -> changes.add(change(s)));
		this.orphans.forEach(o -> changes.add(change(o, this.today)));
		return changes;
	}

	static Change change(Send send) {
		StsObject after = send.object();
		StsObject before = send.before();
		List<ChangeDiff.Interval> intervals = diff(before, after);
		if (send.known() && before == null) {
			// sent before the ledger kept content: the new values only
			intervals = intervals.stream()
				.map(i -> new ChangeDiff.Interval(i.from(), i.to(),
						i.fields().stream().filter(f -> !f.field().equals(ChangeDiff.EXISTS)).toList()))
				.toList();
		}
		return new Change(StsMapper.Key.of(after), after.userKey(), after.source(), send.action(), intervals);
	}

	static Change change(Orphan orphan, LocalDate today) {
		StsObject before = orphan.before();
		if (before == null) {
			// what was sent is not known: say what the deactivation does
			return new Change(orphan.key(), null, null, Action.DEACTIVATE, List.of(new ChangeDiff.Interval(today, null,
					List.of(new ChangeDiff.FieldChange("Gyldighed", "Aktiv", "Inaktiv")))));
		}
		return new Change(orphan.key(), before.userKey(), before.source(), Action.DEACTIVATE,
				diff(before, before.endedOn(today)));
	}

	/** The field differences between what STS holds and what is sent. */
	static List<ChangeDiff.Interval> diff(StsObject before, StsObject after) {
		TreeSet<LocalDate> days = StsObjectText.days(after);
		if (before != null) {
			days.addAll(StsObjectText.days(before));
		}
		if (days.isEmpty()) {
			return List.of();
		}
		days.add(Validity.END_OF_TIME);
		return ChangeDiff.over(days, (day) -> (before != null) ? StsObjectText.fieldsOn(before, day) : null,
				(day) -> StsObjectText.fieldsOn(after, day));
	}

}
