package dk.orghub.routes.api;

import java.time.LocalDate;
import java.util.stream.Collectors;

import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/** The validity a local edit writes, from the dates a caller gave. */
final class Periods {

	private Periods() {
	}

	/** {@code [from, to)}, open-ended when {@code to} is {@code null}. */
	static Validity of(LocalDate from, LocalDate to) {
		if (to != null && !to.isAfter(from)) {
			throw new BadParameterException("validTo", "must be after validFrom " + from);
		}
		return new Validity(from, to);
	}

	/**
	 * The period a new value of an existing object holds for: from {@code from} to
	 * {@code to}, or without {@code to} to the end of the period in which the object
	 * exists on {@code from}, so a change never extends an object's life.
	 * @throws BadParameterException if the object does not exist on {@code from}
	 */
	static Validity change(Timeline<?> timeline, LocalDate from, LocalDate to, String what) {
		Validity existing = timeline.coverage()
			.stream()
			.filter(v -> v.contains(from))
			.findFirst()
			.orElseThrow(() -> new BadParameterException("validFrom",
					"the " + what + " is not valid on " + from + "; it is valid "
							+ timeline.coverage().stream().map(Validity::toString).collect(Collectors.joining(", "))));
		return of(from, (to != null) ? to : existing.to());
	}

}
