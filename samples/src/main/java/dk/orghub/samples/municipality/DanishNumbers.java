package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Fictitious CPR, CVR, EAN and P-numbers of valid format. CPR numbers are unique per
 * instance.
 */
final class DanishNumbers {

	private static final int[] CPR_WEIGHTS = { 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 };

	private static final int[] CVR_WEIGHTS = { 2, 7, 6, 5, 4, 3, 2, 1 };

	private final Random random;

	private final Set<String> issuedCprs = new HashSet<>();

	private final Set<String> issuedPNumbers = new HashSet<>();

	DanishNumbers(Random random) {
		this.random = random;
	}

	/**
	 * A new CPR number for a birth date: the seventh digit fits the century rule, the
	 * last digit is odd for men and even for women. Numbers that pass the modulus-11
	 * check are the rule; those that do not (issued since 2007) are asked for explicitly.
	 */
	String cpr(LocalDate birthDate, boolean male, boolean modulus11) {
		String date = twoDigits(birthDate.getDayOfMonth()) + twoDigits(birthDate.getMonthValue())
				+ twoDigits(birthDate.getYear() % 100);
		int[] centuryDigits = centuryDigits(birthDate.getYear());
		while (true) {
			int seventh = centuryDigits[this.random.nextInt(centuryDigits.length)];
			String first9 = date + seventh + this.random.nextInt(10) + this.random.nextInt(10);
			int sum = 0;
			for (int i = 0; i < 9; i++) {
				sum += (first9.charAt(i) - '0') * CPR_WEIGHTS[i];
			}
			int last = lastDigit(sum, male, modulus11);
			if (last < 0) {
				continue;
			}
			String cpr = first9 + last;
			if (this.issuedCprs.add(cpr)) {
				return cpr;
			}
		}
	}

	/** An 8-digit CVR number that passes CVR's modulus-11 check. */
	String cvr() {
		while (true) {
			StringBuilder digits = new StringBuilder().append(1 + this.random.nextInt(9));
			for (int i = 1; i < 7; i++) {
				digits.append(this.random.nextInt(10));
			}
			int sum = 0;
			for (int i = 0; i < 7; i++) {
				sum += (digits.charAt(i) - '0') * CVR_WEIGHTS[i];
			}
			int check = (11 - sum % 11) % 11;
			if (check < 10) {
				return digits.append(check).toString();
			}
		}
	}

	/**
	 * The {@code number}th EAN location number of the municipality: 13 digits with the
	 * GS1 check digit.
	 */
	static String ean(int number) {
		String first12 = "5798009" + String.format("%05d", number);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (first12.charAt(i) - '0') * ((i % 2 == 0) ? 1 : 3);
		}
		return first12 + (10 - sum % 10) % 10;
	}

	/** A new 10-digit P-number. */
	String pNumber() {
		while (true) {
			String number = "10" + String.format("%08d", this.random.nextInt(100_000_000));
			if (this.issuedPNumbers.add(number)) {
				return number;
			}
		}
	}

	/** The seventh digits that give a birth year's century (see FORMATS.md). */
	private static int[] centuryDigits(int year) {
		int yy = year % 100;
		if (year >= 1900 && year <= 1999) {
			return (yy >= 37) ? new int[] { 0, 1, 2, 3, 4, 9 } : new int[] { 0, 1, 2, 3 };
		}
		if (year >= 2000 && year <= 2036) {
			return new int[] { 4, 5, 6, 7, 8, 9 };
		}
		if (year >= 2037 && year <= 2057) {
			return new int[] { 5, 6, 7, 8 };
		}
		throw new IllegalArgumentException("no CPR century digit for birth year " + year);
	}

	/** The tenth digit, or -1 when none fits. */
	private static int lastDigit(int sumOf9, boolean male, boolean modulus11) {
		if (modulus11) {
			int last = (11 - sumOf9 % 11) % 11;
			return (last < 10 && (last % 2 == 1) == male) ? last : -1;
		}
		for (int last = male ? 1 : 0; last < 10; last += 2) {
			if ((sumOf9 + last) % 11 != 0) {
				return last;
			}
		}
		return -1;
	}

	private static String twoDigits(int value) {
		return (value < 10) ? "0" + value : Integer.toString(value);
	}

}
