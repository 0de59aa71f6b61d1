package dk.orghub.core.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Danish CPR numbers: format, birth date with the century rule, and the modulus-11 check.
 * <p>
 * A CPR number whose format or date does not hold is invalid. A failed modulus-11 check
 * is only a warning: numbers without it have been issued since 1 October 2007.
 */
public final class Cpr {

	private static final int[] WEIGHTS = { 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 };

	private Cpr() {
	}

	/** Result of checking a CPR number. */
	public record Check(boolean valid, String error, boolean modulus11, LocalDate birthDate) {

		/**
		 * A warning to show when the number is valid but fails modulus 11, else empty.
		 */
		public Optional<String> warning() {
			return (this.valid && !this.modulus11)
					? Optional.of("CPR number fails the modulus-11 check (allowed since 2007)") : Optional.empty();
		}

	}

	/**
	 * Checks a CPR number given as ten digits, optionally with a dash after the sixth.
	 * The error message never contains the number.
	 */
	public static Check check(String value) {
		if (value == null) {
			return new Check(false, "CPR number is missing", false, null);
		}
		String digits = normalise(value);
		if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
			return new Check(false, "CPR number must be ten digits (DDMMYY-SSSS)", false, null);
		}
		int day = Integer.parseInt(digits.substring(0, 2));
		int month = Integer.parseInt(digits.substring(2, 4));
		int yy = Integer.parseInt(digits.substring(4, 6));
		int seventh = digits.charAt(6) - '0';
		int year = century(seventh, yy) + yy;
		LocalDate birth;
		try {
			birth = LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return new Check(false, "CPR number does not start with a valid date (DDMMYY)", false, null);
		}
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			sum += (digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return new Check(true, null, sum % 11 == 0, birth);
	}

	/** Strips one dash or space between date and serial number. */
	public static String normalise(String value) {
		String trimmed = value.trim();
		if (trimmed.length() == 11 && (trimmed.charAt(6) == '-' || trimmed.charAt(6) == ' ')) {
			return trimmed.substring(0, 6) + trimmed.substring(7);
		}
		return trimmed;
	}

	/**
	 * Masks a CPR number for display and logs: {@code 010203-xxxx}; {@code null} stays.
	 */
	public static String mask(String cpr) {
		if (cpr == null) {
			return null;
		}
		String digits = normalise(cpr);
		return (digits.length() >= 6) ? digits.substring(0, 6) + "-xxxx" : "xxxxxx-xxxx";
	}

	/**
	 * Masks the text when it is a CPR number (ten digits, optionally with a dash, with a
	 * valid date), for identifiers that may be one (a person's user key or a source's
	 * id); other text stays as it is.
	 */
	public static String maskIfCpr(String text) {
		return (text != null && check(normalise(text)).valid()) ? mask(text) : text;
	}

	private static int century(int seventh, int yy) {
		if (seventh <= 3) {
			return 1900;
		}
		if (seventh == 4 || seventh == 9) {
			return (yy <= 36) ? 2000 : 1900;
		}
		return (yy <= 57) ? 2000 : 1800;
	}

}
