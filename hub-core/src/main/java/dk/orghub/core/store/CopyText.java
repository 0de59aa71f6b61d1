package dk.orghub.core.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}: columns separated
 * by a tab, rows ended by a newline, NULL as {@code \N}, and a backslash, tab, newline or
 * carriage return inside a value written as its backslash escape. Dates and timestamps
 * are written in ISO form (read the same whatever the server's {@code DateStyle}),
 * timestamps in UTC; years before 1 AD with {@code BC}, as PostgreSQL writes them.
 */
final class CopyText {

	private CopyText() {
	}

	/** Appends one row, its newline included. */
	static void row(StringBuilder out, Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			value(out, values[i]);
		}
		out.append('\n');
	}

	static void value(StringBuilder out, Object value) {
		if (value == null) {
			out.append("\\N");
		}
		else if (value instanceof String text) {
			text(out, text);
		}
		else if (value instanceof UUID || value instanceof Long || value instanceof Integer) {
			out.append(value);
		}
		else if (value instanceof Boolean flag) {
			out.append(flag ? 't' : 'f');
		}
		else if (value instanceof BigDecimal number) {
			out.append(number.toPlainString());
		}
		else if (value instanceof LocalDate date) {
			date(out, date);
			era(out, date.getYear());
		}
		else if (value instanceof OffsetDateTime timestamp) {
			OffsetDateTime utc = timestamp.withOffsetSameInstant(ZoneOffset.UTC);
			date(out, utc.toLocalDate());
			out.append(' ');
			digits(out, utc.getHour(), 2);
			out.append(':');
			digits(out, utc.getMinute(), 2);
			out.append(':');
			digits(out, utc.getSecond(), 2);
			out.append('.');
			digits(out, utc.getNano(), 9);
			out.append("+00");
			era(out, utc.getYear());
		}
		else {
			throw new IllegalArgumentException("no COPY text form for a " + value.getClass().getName());
		}
	}

	private static void text(StringBuilder out, String text) {
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(ch);
			}
		}
	}

	/** {@code yyyy-MM-dd}, the year of an era (1 BC is year 0 of Java's calendar). */
	private static void date(StringBuilder out, LocalDate date) {
		int year = date.getYear();
		digits(out, (year > 0) ? year : 1 - year, 4);
		out.append('-');
		digits(out, date.getMonthValue(), 2);
		out.append('-');
		digits(out, date.getDayOfMonth(), 2);
	}

	private static void era(StringBuilder out, int year) {
		if (year <= 0) {
			out.append(" BC");
		}
	}

	/** At least {@code width} digits, zero-padded. */
	private static void digits(StringBuilder out, int value, int width) {
		String text = Integer.toString(value);
		for (int i = text.length(); i < width; i++) {
			out.append('0');
		}
		out.append(text);
	}

}
