package dk.orghub.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The values of one object over time as known at one registration: ordered,
 * non-overlapping validity segments, adjacent equal values merged. Immutable.
 */
public final class Timeline<T extends OrgObject> {

	private static final Timeline<?> EMPTY = new Timeline<>(List.of());

	private final List<Segment<T>> segments;

	private Timeline(List<Segment<T>> segments) {
		this.segments = List.copyOf(segments);
	}

	@SuppressWarnings("unchecked")
	public static <T extends OrgObject> Timeline<T> empty() {
		return (Timeline<T>) EMPTY;
	}

	/**
	 * A timeline from segments in any order.
	 * @throws IllegalArgumentException if two segments overlap
	 */
	public static <T extends OrgObject> Timeline<T> of(List<Segment<T>> segments) {
		List<Segment<T>> sorted = new ArrayList<>(segments);
		sorted.sort(Comparator.comparing((Segment<T> s) -> s.validity().from()));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).validity().overlaps(sorted.get(i).validity())) {
				throw new IllegalArgumentException(
						"overlapping validity " + sorted.get(i - 1).validity() + " and " + sorted.get(i).validity());
			}
		}
		return new Timeline<>(coalesce(sorted));
	}

	public static <T extends OrgObject> Timeline<T> of(Validity validity, T value) {
		return new Timeline<>(List.of(new Segment<>(validity, value)));
	}

	public List<Segment<T>> segments() {
		return this.segments;
	}

	public boolean isEmpty() {
		return this.segments.isEmpty();
	}

	public Optional<T> at(LocalDate date) {
		return segmentAt(date).map(Segment::value);
	}

	public Optional<Segment<T>> segmentAt(LocalDate date) {
		for (Segment<T> segment : this.segments) {
			if (segment.validity().contains(date)) {
				return Optional.of(segment);
			}
		}
		return Optional.empty();
	}

	/** The latest value, whatever its validity (for a name in a message). */
	public Optional<T> latest() {
		return this.segments.isEmpty() ? Optional.empty()
				: Optional.of(this.segments.get(this.segments.size() - 1).value());
	}

	/**
	 * This timeline with {@code value} holding over {@code validity}, replacing what was
	 * there.
	 */
	public Timeline<T> put(Validity validity, T value) {
		List<Segment<T>> result = new ArrayList<>(remove(validity).segments);
		result.add(new Segment<>(validity, value));
		result.sort(Comparator.comparing((Segment<T> s) -> s.validity().from()));
		return new Timeline<>(coalesce(result));
	}

	/** This timeline with nothing holding over {@code validity}. */
	public Timeline<T> remove(Validity validity) {
		List<Segment<T>> result = new ArrayList<>();
		for (Segment<T> segment : this.segments) {
			Validity v = segment.validity();
			if (!v.overlaps(validity)) {
				result.add(segment);
				continue;
			}
			if (v.from().isBefore(validity.from())) {
				result.add(new Segment<>(new Validity(v.from(), validity.from()), segment.value()));
			}
			if (validity.to() != null && v.toOrEnd().isAfter(validity.to())) {
				result.add(new Segment<>(new Validity(validity.to(), v.to()), segment.value()));
			}
		}
		return new Timeline<>(result);
	}

	/** The validity intervals on which the object exists, adjacent segments joined. */
	public List<Validity> coverage() {
		List<Validity> result = new ArrayList<>();
		for (Segment<T> segment : this.segments) {
			Validity v = segment.validity();
			if (!result.isEmpty() && Objects.equals(result.get(result.size() - 1).to(), v.from())) {
				Validity last = result.remove(result.size() - 1);
				result.add(new Validity(last.from(), v.to()));
			}
			else {
				result.add(v);
			}
		}
		return result;
	}

	/** Whether the object exists on every day of {@code validity}. */
	public boolean covers(Validity validity) {
		for (Validity v : coverage()) {
			if (v.encloses(validity)) {
				return true;
			}
		}
		return false;
	}

	/** Whether this timeline exists on every day the other one does. */
	public boolean coversAll(Timeline<?> other) {
		for (Validity v : other.coverage()) {
			if (!covers(v)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Combines two timelines over every elementary interval where either has a value; the
	 * combiner gets {@code null} where one side has none and may return {@code null} for
	 * no value.
	 */
	public static <T extends OrgObject> Timeline<T> combine(Timeline<T> a, Timeline<T> b,
			BiFunction<T, T, T> combiner) {
		TreeSet<LocalDate> points = new TreeSet<>();
		for (Timeline<T> t : List.of(a, b)) {
			for (Segment<T> s : t.segments) {
				points.add(s.validity().from());
				points.add(s.validity().toOrEnd());
			}
		}
		List<Segment<T>> result = new ArrayList<>();
		LocalDate previous = null;
		for (LocalDate point : points) {
			if (previous != null) {
				T va = a.at(previous).orElse(null);
				T vb = b.at(previous).orElse(null);
				if (va != null || vb != null) {
					T combined = combiner.apply(va, vb);
					if (combined != null) {
						result.add(new Segment<>(new Validity(previous, point), combined));
					}
				}
			}
			previous = point;
		}
		return new Timeline<>(coalesce(result));
	}

	private static <T extends OrgObject> List<Segment<T>> coalesce(List<Segment<T>> sorted) {
		List<Segment<T>> result = new ArrayList<>(sorted.size());
		for (Segment<T> segment : sorted) {
			if (!result.isEmpty()) {
				Segment<T> last = result.get(result.size() - 1);
				if (Objects.equals(last.validity().to(), segment.validity().from())
						&& last.value().equals(segment.value())) {
					result.set(result.size() - 1,
							new Segment<>(new Validity(last.validity().from(), segment.validity().to()), last.value()));
					continue;
				}
			}
			result.add(segment);
		}
		return result;
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof Timeline<?> other) && this.segments.equals(other.segments);
	}

	@Override
	public int hashCode() {
		return this.segments.hashCode();
	}

	@Override
	public String toString() {
		return this.segments.toString();
	}

}
