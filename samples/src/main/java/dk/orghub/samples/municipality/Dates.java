package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * Random dates within bounds.
 */
final class Dates {

	private Dates() {
	}

	/** A day in {@code [from, to)}, or {@code from} when that is empty. */
	static LocalDate between(Random random, LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to);
		return (days <= 1) ? from : from.plusDays(random.nextInt((int) Math.min(days, Integer.MAX_VALUE)));
	}

	/**
	 * A first of a month in {@code [from, to)}, or the first such day on or after
	 * {@code from} when there is none before {@code to}.
	 */
	static LocalDate monthBetween(Random random, LocalDate from, LocalDate to) {
		LocalDate first = firstOfMonthOnOrAfter(from);
		long months = ChronoUnit.MONTHS.between(first, to);
		return (months <= 0) ? first : first.plusMonths(random.nextInt((int) months));
	}

	/**
	 * A first of a month in {@code [from, to)}, most likely early in the interval.
	 */
	static LocalDate earlyMonthBetween(Random random, LocalDate from, LocalDate to) {
		LocalDate first = firstOfMonthOnOrAfter(from);
		long months = ChronoUnit.MONTHS.between(first, to);
		if (months <= 0) {
			return first;
		}
		double u = random.nextDouble();
		return first.plusMonths((long) (months * u * u));
	}

	static LocalDate firstOfMonthOnOrAfter(LocalDate date) {
		return (date.getDayOfMonth() == 1) ? date : date.withDayOfMonth(1).plusMonths(1);
	}

	static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
