package dk.orghub.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The business dates a fact holds for: {@code from} inclusive, {@code to} exclusive,
 * whole dates. A {@code null} {@code to} means open-ended.
 */
public record Validity(LocalDate from, LocalDate to) {

	/** The largest date the store can hold; used internally as the open end. */
	public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

	/** Earliest date the store accepts. */
	public static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

	public Validity {
		Objects.requireNonNull(from, "validity from");
		if (to != null && to.equals(END_OF_TIME)) {
			to = null;
		}
		if (to != null && !to.isAfter(from)) {
			throw new IllegalArgumentException("validity to " + to + " must be after from " + from);
		}
	}

	public static Validity from(LocalDate from) {
		return new Validity(from, null);
	}

	public static Validity between(LocalDate from, LocalDate to) {
		return new Validity(from, to);
	}

	public static Validity always() {
		return new Validity(BEGINNING, null);
	}

	public boolean isOpen() {
		return this.to == null;
	}

	/** The exclusive end, with {@link #END_OF_TIME} for open-ended. */
	public LocalDate toOrEnd() {
		return (this.to != null) ? this.to : END_OF_TIME;
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.from) && date.isBefore(toOrEnd());
	}

	public boolean overlaps(Validity other) {
		return this.from.isBefore(other.toOrEnd()) && other.from.isBefore(toOrEnd());
	}

	public boolean encloses(Validity other) {
		return !other.from.isBefore(this.from) && !other.toOrEnd().isAfter(toOrEnd());
	}

	@Override
	public String toString() {
		return "[" + this.from + ", " + ((this.to != null) ? this.to : "open") + ")";
	}

}
