package dk.orghub.core.rules;

import java.time.LocalDate;
import java.util.Optional;

import dk.orghub.core.model.Cpr;

/**
 * CPR validation for imports: the format (ten digits, optionally DDMMYY-SSSS) and the
 * birth date with the century rule must hold, else the record is rejected; a failed
 * modulus-11 check is only a warning, because valid numbers without it have been issued
 * since 2007. Messages never contain the number; use {@link Cpr#mask} to name it.
 */
public final class CprRule {

	private CprRule() {
	}

	/**
	 * The outcome for one record.
	 *
	 * @param cpr the number as ten digits when accepted, else {@code null}
	 * @param rejection why the record is rejected, when it is
	 * @param warning a warning to report for an accepted number, when there is one
	 */
	public record Outcome(String cpr, LocalDate birthDate, Optional<String> rejection, Optional<String> warning) {

		public boolean accepted() {
			return this.rejection.isEmpty();
		}

	}

	public static Outcome check(String value) {
		if (value == null || value.isBlank()) {
			return new Outcome(null, null, Optional.of("CPR number is missing"), Optional.empty());
		}
		Cpr.Check check = Cpr.check(value);
		if (!check.valid()) {
			return new Outcome(null, null, Optional.of(check.error() + ", was " + Cpr.mask(value)), Optional.empty());
		}
		return new Outcome(Cpr.normalise(value), check.birthDate(), Optional.empty(),
				check.warning().map(w -> w + ": " + Cpr.mask(value)));
	}

}
