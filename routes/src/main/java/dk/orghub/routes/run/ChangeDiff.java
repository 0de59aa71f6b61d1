package dk.orghub.routes.run;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

	private ChangeDiff() {
	}

	/**
	 * The differences over time.
	 */
	public static List<Interval> of(Timeline<?> before, Timeline<?> after) {
		TreeSet<LocalDate> points = new TreeSet<>();
		for (Timeline<?> t : List.of(before, after)) {
			for (Segment<?> s : t.segments()) {
				points.add(s.validity().from());
				points.add(s.validity().toOrEnd());
			}
		}
		List<Interval> result = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				OrgObject b = before.at(previous).orElse(null);
				OrgObject a = after.at(previous).orElse(null);
				List<FieldChange> fields = fields(b, a);
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

	private static List<FieldChange> fields(OrgObject before, OrgObject after) {
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
		}
		Map<String, Object> newValues = values(after);
		Map<String, Object> oldValues = (before != null) ? values(before) : Map.of();
		newValues.forEach((field, value) -> {
			Object old = oldValues.get(field);
			if (before == null) {
				if (value != null) {
					fields.add(new FieldChange(field, null, text(after, field, value)));
				}
			}
			else if (!Objects.equals(old, value)) {
				fields.add(new FieldChange(field, text(before, field, old), text(after, field, value)));
			}
		});
		return fields;
	}

	/** The record's field values in declaration order, without the UUID. */
	static Map<String, Object> values(OrgObject object) {
		RecordComponent[] components = COMPONENTS.computeIfAbsent(object.getClass(), Class::getRecordComponents);
		Map<String, Object> values = new java.util.LinkedHashMap<>();
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

	private static String text(OrgObject object, String field, Object value) {
		if (value == null) {
			return null;
		}
		if (object instanceof Person && field.equals("cpr")) {
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
