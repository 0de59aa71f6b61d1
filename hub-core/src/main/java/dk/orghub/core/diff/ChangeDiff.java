package dk.orghub.core.diff;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * The difference between an object's timeline before and after a change, as field values
 * per validity interval: where the object came into existence, its fields with their new
 * values; where it ceased to exist, {@code exists} from yes to no; elsewhere the fields
 * whose values differ. Adjacent intervals with the same differences are joined. CPR
 * numbers are masked.
 */
public final class ChangeDiff {

	/** The pseudo-field that tells whether the object exists in an interval. */
	public static final String EXISTS = "exists";

	/** The field of a CPR number (of {@link Person}), shown masked. */
	private static final String CPR = "cpr";

	private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

	private ChangeDiff() {
	}

	/**
	 * The differences over time between two timelines of an object.
	 */
	public static List<Interval> of(Timeline<?> before, Timeline<?> after) {
		TreeSet<LocalDate> points = new TreeSet<>();
		for (Timeline<?> t : List.of(before, after)) {
			for (Segment<?> s : t.segments()) {
				points.add(s.validity().from());
				points.add(s.validity().toOrEnd());
			}
		}
		return over(points, (day) -> before.at(day).map(ChangeDiff::values).orElse(null),
				(day) -> after.at(day).map(ChangeDiff::values).orElse(null), ChangeDiff::text);
	}

	/**
	 * The differences over time between two states of anything that has named fields,
	 * e.g. an object as a target holds it and as the hub would send it.
	 * @param points the days on which either state may change, ascending; the last one
	 * ends the compared time ({@link Validity#END_OF_TIME} for open-ended)
	 * @param before the fields on a day before the change, in a stable order;
	 * {@code null} when the thing did not exist that day
	 * @param after the fields on a day after the change, likewise
	 */
	public static List<Interval> over(SortedSet<LocalDate> points, Function<LocalDate, Map<String, String>> before,
			Function<LocalDate, Map<String, String>> after) {
		return over(points, before, after, (field, value) -> value);
	}

	/**
	 * As {@link #over(SortedSet, Function, Function)}, comparing the values as they are
	 * and showing them as {@code text} makes them (e.g. a CPR number masked, yet a
	 * changed one still shown as changed).
	 */
	public static <V> List<Interval> over(SortedSet<LocalDate> points, Function<LocalDate, Map<String, V>> before,
			Function<LocalDate, Map<String, V>> after, BiFunction<String, V, String> text) {
		List<Interval> result = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				List<FieldChange> fields = fields(before.apply(previous), after.apply(previous), text);
				if (!fields.isEmpty()) {
					LocalDate to = point.equals(Validity.END_OF_TIME) ? null : point;
					Interval last = result.isEmpty() ? null : result.get(result.size() - 1);
					if (last != null && previous.equals(last.to()) && last.fields().equals(fields)) {
						result.set(result.size() - 1, new Interval(last.from(), to, fields));
					}
					else {
						result.add(new Interval(previous, to, fields));
					}
				}
			}
			previous = point;
		}
		return result;
	}

	private static <V> List<FieldChange> fields(Map<String, V> before, Map<String, V> after,
			BiFunction<String, V, String> text) {
		List<FieldChange> fields = new ArrayList<>();
		if (before == null && after == null) {
			return fields;
		}
		if (after == null) {
			fields.add(new FieldChange(EXISTS, "yes", "no"));
			return fields;
		}
		if (before == null) {
			fields.add(new FieldChange(EXISTS, "no", "yes"));
			after.forEach((field, value) -> {
				if (value != null) {
					fields.add(new FieldChange(field, null, text.apply(field, value)));
				}
			});
			return fields;
		}
		after.forEach((field, value) -> {
			V old = before.get(field);
			if (!Objects.equals(old, value)) {
				fields.add(new FieldChange(field, show(text, field, old), show(text, field, value)));
			}
		});
		before.forEach((field, old) -> {
			if (old != null && !after.containsKey(field)) {
				fields.add(new FieldChange(field, text.apply(field, old), null));
			}
		});
		return fields;
	}

	private static <V> String show(BiFunction<String, V, String> text, String field, V value) {
		return (value != null) ? text.apply(field, value) : null;
	}

	/** The record's field values in declaration order, without the UUID. */
	public static Map<String, Object> values(OrgObject object) {
		RecordComponent[] components = COMPONENTS.computeIfAbsent(object.getClass(), Class::getRecordComponents);
		Map<String, Object> values = new LinkedHashMap<>();
		for (RecordComponent component : components) {
			if (component.getName().equals("uuid")) {
				continue;
			}
			try {
				values.put(component.getName(), component.getAccessor().invoke(object));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("cannot read " + component, ex);
			}
		}
		return values;
	}

	/** A field's value as shown: CPR numbers masked. */
	private static String text(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (field.equals(CPR)) {
			return Cpr.mask(value.toString());
		}
		return value.toString();
	}

	/**
	 * The differences over one validity interval.
	 *
	 * @param to the day after the interval; {@code null} when open-ended
	 */
	public record Interval(LocalDate from, LocalDate to, List<FieldChange> fields) {

		public Interval {
			fields = List.copyOf(fields);
		}

	}

	/** A field's value before and after; {@code null} for none. */
	public record FieldChange(String field, String before, String after) {

	}

}
