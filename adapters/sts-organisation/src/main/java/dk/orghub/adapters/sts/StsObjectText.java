package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Validity;

/**
 * An {@link StsObject} as text, for the ledger's record of what was sent, and as named
 * fields per day, for showing what a publish changes. The text keeps CPR numbers masked
 * (the ledger never holds a whole one), so an object read back from it is for display
 * only, never for sending.
 * <p>
 * The text is one line per part, tab-separated: {@code O} kind, UUID, user key, source;
 * {@code P} an Egenskab; {@code S} a Gyldighed; {@code R} a relation. A field that is
 * absent is {@code \N}; a backslash, tab or line break inside a value is escaped.
 */
public final class StsObjectText {

	private static final String NULL = "\\N";

	private StsObjectText() {
	}

	/**
	 * The object as text, with the CPR number masked (written for every object a publish
	 * records, so without a line's array of values and with the values that need no
	 * escape appended whole).
	 */
	public static String encode(StsObject object) {
		StringBuilder text = new StringBuilder(512);
		text.append('O');
		field(text, object.kind().name());
		field(text, object.uuid());
		field(text, object.userKey());
		field(text, object.source());
		for (StsObject.Props p : object.properties()) {
			text.append("\nP");
			period(text, p.period());
			field(text, p.userKey());
			field(text, p.name());
			field(text, Cpr.mask(p.cpr()));
		}
		for (StsObject.State s : object.states()) {
			text.append("\nS");
			period(text, s.period());
			field(text, s.active() ? "A" : "I");
		}
		for (StsObject.Rel r : object.relations()) {
			text.append("\nR");
			field(text, r.name());
			period(text, r.period());
			field(text, r.target());
			field(text, r.role());
			field(text, r.type());
			field(text, r.index());
		}
		return text.toString();
	}

	private static void period(StringBuilder text, StsObject.Period period) {
		field(text, period.from());
		field(text, period.to());
	}

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	/** A UUID as {@link UUID#toString()} writes it, without making the string. */
	private static void field(StringBuilder text, UUID value) {
		text.append('\t');
		if (value == null) {
			text.append(NULL);
			return;
		}
		hex(text, value.getMostSignificantBits() >>> 32, 8);
		text.append('-');
		hex(text, value.getMostSignificantBits() >>> 16, 4);
		text.append('-');
		hex(text, value.getMostSignificantBits(), 4);
		text.append('-');
		hex(text, value.getLeastSignificantBits() >>> 48, 4);
		text.append('-');
		hex(text, value.getLeastSignificantBits(), 12);
	}

	private static void hex(StringBuilder text, long bits, int digits) {
		for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
			text.append(HEX[(int) (bits >>> shift) & 0xf]);
		}
	}

	/** A date as {@link LocalDate#toString()} writes it. */
	private static void field(StringBuilder text, LocalDate value) {
		text.append('\t');
		if (value == null) {
			text.append(NULL);
		}
		else if (value.getYear() >= 1000 && value.getYear() <= 9999) {
			text.append(value.getYear()).append('-');
			twoDigits(text, value.getMonthValue());
			text.append('-');
			twoDigits(text, value.getDayOfMonth());
		}
		else {
			text.append(value);
		}
	}

	private static void twoDigits(StringBuilder text, int value) {
		text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	private static void field(StringBuilder text, String value) {
		text.append('\t');
		if (value == null) {
			text.append(NULL);
		}
		else {
			escape(text, value);
		}
	}

	/**
	 * Reads an object written by {@link #encode}.
	 * @throws IllegalArgumentException naming the line when the text is not such an
	 * object
	 */
	public static StsObject decode(String text) {
		String[] lines = text.split("\n");
		String[] head = fields(lines[0]);
		if (!head[0].equals("O") || head.length != 5) {
			throw new IllegalArgumentException("line 1 is not an object header: " + lines[0]);
		}
		List<StsObject.Props> props = new ArrayList<>();
		List<StsObject.State> states = new ArrayList<>();
		List<StsObject.Rel> rels = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String[] f = fields(lines[i]);
			try {
				switch (f[0]) {
					case "P" -> props.add(new StsObject.Props(period(f[1], f[2]), f[3], f[4], f[5]));
					case "S" -> states.add(new StsObject.State(period(f[1], f[2]), "A".equals(f[3])));
					case "R" ->
						rels.add(new StsObject.Rel(f[1], period(f[2], f[3]), uuid(f[4]), uuid(f[5]), uuid(f[6]), f[7]));
					default -> throw new IllegalArgumentException("unknown part " + f[0]);
				}
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(
						"line " + (i + 1) + " is not a part of an object: " + ex.getMessage(), ex);
			}
		}
		return new StsObject(StsKind.valueOf(head[1]), UUID.fromString(head[2]), head[3], head[4], props, states, rels);
	}

	/**
	 * The days on which any part of the object begins or ends, with the end of time for
	 * open-ended parts.
	 */
	public static TreeSet<LocalDate> days(StsObject object) {
		TreeSet<LocalDate> days = new TreeSet<>();
		object.properties().forEach(p -> add(days, p.period()));
		object.states().forEach(s -> add(days, s.period()));
		object.relations().forEach(r -> add(days, r.period()));
		return days;
	}

	/**
	 * The object's fields on a day, named as in STS Organisation:
	 * {@code BrugervendtNoegle}, the name (e.g. {@code EnhedNavn}), {@code CPR-nummer}
	 * (masked), {@code Gyldighed}, and one field per relation name listing its targets;
	 * {@code null} when no part of the object is valid that day.
	 */
	public static Map<String, String> fieldsOn(StsObject object, LocalDate day) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (StsObject.Props p : object.properties()) {
			if (p.period().contains(day)) {
				fields.put("BrugervendtNoegle", p.userKey());
				fields.put(nameField(object.kind()), p.name());
				if (p.cpr() != null) {
					fields.put("CPR-nummer", Cpr.mask(p.cpr()));
				}
			}
		}
		for (StsObject.State s : object.states()) {
			if (s.period().contains(day)) {
				fields.put("Gyldighed", s.active() ? "Aktiv" : "Inaktiv");
			}
		}
		Map<String, List<String>> relations = new TreeMap<>();
		for (StsObject.Rel r : object.relations()) {
			if (r.period().contains(day)) {
				String target = r.target() + ((r.index() != null) ? " #" + r.index() : "")
						+ ((r.role() != null) ? " (rolle " + r.role() + ")" : "");
				relations.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(target);
			}
		}
		relations.forEach((name, targets) -> fields.put(name, String.join(", ", new TreeSet<>(targets))));
		return fields.isEmpty() ? null : fields;
	}

	private static String nameField(StsKind kind) {
		return switch (kind) {
			case ENHED -> "EnhedNavn";
			case FUNKTION -> "FunktionNavn";
			case BRUGER -> "BrugerNavn";
			case PERSON -> "NavnTekst";
			case ADRESSE -> "AdresseTekst";
		};
	}

	private static void add(TreeSet<LocalDate> days, StsObject.Period period) {
		days.add(period.from());
		days.add((period.to() != null) ? period.to() : Validity.END_OF_TIME);
	}

	private static void escape(StringBuilder text, String value) {
		int plain = 0;
		while (plain < value.length() && !special(value.charAt(plain))) {
			plain++;
		}
		if (plain == value.length()) {
			text.append(value);
			return;
		}
		text.append(value, 0, plain);
		for (int i = plain; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}

	private static boolean special(char c) {
		return c == '\\' || c == '\t' || c == '\n' || c == '\r';
	}

	private static String[] fields(String line) {
		String[] raw = line.split("\t", -1);
		String[] result = new String[raw.length];
		for (int i = 0; i < raw.length; i++) {
			result[i] = raw[i].equals(NULL) ? null : unescape(raw[i]);
		}
		return result;
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static StsObject.Period period(String from, String to) {
		return new StsObject.Period(LocalDate.parse(from), (to != null) ? LocalDate.parse(to) : null);
	}

	private static UUID uuid(String value) {
		return (value != null) ? UUID.fromString(value) : null;
	}

}
