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

	/** The object as text, with the CPR number masked. */
	public static String encode(StsObject object) {
		StringBuilder text = new StringBuilder(256);
		line(text, "O", object.kind().name(), object.uuid(), object.userKey(), object.source());
		for (StsObject.Props p : object.properties()) {
			line(text, "P", p.period().from(), p.period().to(), p.userKey(), p.name(), Cpr.mask(p.cpr()));
		}
		for (StsObject.State s : object.states()) {
			line(text, "S", s.period().from(), s.period().to(), s.active() ? "A" : "I");
		}
		for (StsObject.Rel r : object.relations()) {
			line(text, "R", r.name(), r.period().from(), r.period().to(), r.target(), r.role(), r.type(), r.index());
		}
		return text.toString();
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

	private static void line(StringBuilder text, String part, Object... values) {
		if (text.length() > 0) {
			text.append('\n');
		}
		text.append(part);
		for (Object value : values) {
			text.append('\t');
			if (value == null) {
				text.append(NULL);
			}
			else {
				escape(text, value.toString());
			}
		}
	}

	private static void escape(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
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
