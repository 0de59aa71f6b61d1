package dk.orghub.adapters.sts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.adapters.sts.StsObject.State;

/**
 * Writes the body of {@code importer} and {@code ret} (ImportInput, RetInput) of an
 * {@link StsObject} as XML text, element by element as JAXB marshals the registration
 * {@link Registrations} builds of it: the same elements, namespaces, order and values
 * (Virkning dates at 00:00 Danish time, to the millisecond; absent values left out), the
 * relations in the order of Organisation 6, a single-valued relation given twice written
 * once (the last, as the JAXB registration keeps it). Marshalling the registration was
 * about a quarter of the sending threads' CPU in the publish benchmark (ADR 0025).
 * Thread-safe.
 */
final class RegistrationWriter {

	private static final String NAMESPACES = "\" xmlns:s=\"urn:oio:sagdok:3.0.0\""
			+ " xmlns:o=\"http://stoettesystemerne.dk/organisation/6/\" xmlns:sts=\"urn:oio:sts:6\">";

	/**
	 * A relation of a kind: its name, whether it holds one value, and Rolle/Type/Indeks.
	 */
	private record Slot(String name, boolean single, boolean dynamic) {
	}

	private static final List<Slot> ENHED = List.of(new Slot("Adresser", false, true),
			new Slot("Enhedstype", true, false), new Slot("Opgaver", false, true), new Slot("Overordnet", true, false),
			new Slot("Tilhoerer", true, false), new Slot("TilknyttedeFunktioner", false, false));

	private static final List<Slot> FUNKTION = List.of(new Slot("Adresser", false, true),
			new Slot("Funktionstype", true, false), new Slot("TilknyttedeOpgaver", false, false),
			new Slot("TilknyttedeBrugere", false, false), new Slot("TilknyttedeEnheder", false, false));

	private static final List<Slot> BRUGER = List.of(new Slot("Adresser", false, true),
			new Slot("BrugerTyper", false, false), new Slot("Tilhoerer", true, false),
			new Slot("TilknyttedePersoner", false, false));

	/** The end of every Virkning: its actor. */
	private final String virkningEnd;

	private final String actor;

	/** The text of midnight of each date met so far. */
	private final Map<LocalDate, String> midnights = new ConcurrentHashMap<>();

	RegistrationWriter(UUID actor) {
		this.actor = actor.toString();
		this.virkningEnd = "</s:TilTidspunkt><s:AktoerRef><s:UUIDIdentifikator>" + this.actor
				+ "</s:UUIDIdentifikator></s:AktoerRef><s:AktoerTypeKode>Organisation</s:AktoerTypeKode></s:Virkning>";
	}

	/**
	 * Appends the ImportInput of the object, registered at {@code time}.
	 * @param namespace the namespace of the object's service (of its ImportInput)
	 */
	void importInput(StsObject o, String namespace, Instant time, StringBuilder x) {
		String object = o.kind().objectName();
		x.append("<k:ImportInput xmlns:k=\"").append(namespace).append(NAMESPACES);
		x.append("<k:").append(object).append("><s:UUIDIdentifikator>").append(o.uuid());
		x.append("</s:UUIDIdentifikator><k:Registrering><s:Tidspunkt>");
		time(x, time.atZone(JaxbCodec.ZONE));
		x.append("</s:Tidspunkt><s:LivscyklusKode>Importeret</s:LivscyklusKode><s:BrugerRef><s:UUIDIdentifikator>")
			.append(this.actor)
			.append("</s:UUIDIdentifikator></s:BrugerRef>");
		lists(o, x);
		x.append("</k:Registrering></k:").append(object).append("></k:ImportInput>");
	}

	/**
	 * Appends the RetInput of the object.
	 * @param namespace the namespace of the object's service (of its RetInput)
	 */
	void retInput(StsObject o, String namespace, StringBuilder x) {
		x.append("<k:RetInput xmlns:k=\"").append(namespace).append(NAMESPACES);
		x.append("<s:UUIDIdentifikator>").append(o.uuid()).append("</s:UUIDIdentifikator>");
		lists(o, x);
		x.append("</k:RetInput>");
	}

	/** AttributListe, TilstandListe and RelationListe. */
	private void lists(StsObject o, StringBuilder x) {
		StsKind kind = o.kind();
		x.append("<k:AttributListe>");
		for (Props p : o.properties()) {
			x.append("<k:Egenskab>");
			virkning(p.period(), x);
			element("s:BrugervendtNoegleTekst", p.userKey(), x);
			switch (kind) {
				case ENHED -> element("s:EnhedNavn", p.name(), x);
				case FUNKTION -> element("s:FunktionNavn", p.name(), x);
				case BRUGER -> element("s:BrugerNavn", p.name(), x);
				case PERSON -> {
					element("sts:CPR-NummerTekst", p.cpr(), x);
					element("k:NavnTekst", p.name(), x);
				}
				case ADRESSE -> element("sts:AdresseTekst", p.name(), x);
			}
			x.append("</k:Egenskab>");
		}
		x.append("</k:AttributListe>");
		List<Slot> slots = switch (kind) {
			case ENHED -> ENHED;
			case FUNKTION -> FUNKTION;
			case BRUGER -> BRUGER;
			case PERSON, ADRESSE -> null;
		};
		if (slots == null) {
			// Person and Adresse have neither states nor relations
			x.append("<k:TilstandListe/><k:RelationListe/>");
			return;
		}
		x.append("<k:TilstandListe>");
		for (State s : o.states()) {
			x.append("<o:Gyldighed>");
			virkning(s.period(), x);
			x.append(s.active() ? "<o:GyldighedStatusKode>Aktiv</o:GyldighedStatusKode></o:Gyldighed>"
					: "<o:GyldighedStatusKode>Inaktiv</o:GyldighedStatusKode></o:Gyldighed>");
		}
		x.append("</k:TilstandListe><k:RelationListe>");
		for (Rel rel : o.relations()) {
			if (slots.stream().noneMatch(slot -> slot.name().equals(rel.name()))) {
				throw new IllegalArgumentException(kind.objectName() + " has no relation " + rel.name());
			}
		}
		for (Slot slot : slots) {
			Rel last = null;
			for (Rel rel : o.relations()) {
				if (rel.name().equals(slot.name())) {
					if (slot.single()) {
						last = rel;
					}
					else {
						relation(slot, rel, x);
					}
				}
			}
			if (last != null) {
				relation(slot, last, x);
			}
		}
		x.append("</k:RelationListe>");
	}

	private void relation(Slot slot, Rel rel, StringBuilder x) {
		x.append("<s:").append(slot.name()).append('>');
		virkning(rel.period(), x);
		x.append("<s:ReferenceID><s:UUIDIdentifikator>")
			.append(rel.target())
			.append("</s:UUIDIdentifikator></s:ReferenceID>");
		if (slot.dynamic()) {
			x.append("<s:Rolle><s:UUIDIdentifikator>")
				.append(Objects.requireNonNull(rel.role(), "the role of " + slot.name()))
				.append("</s:UUIDIdentifikator></s:Rolle><s:Type><s:UUIDIdentifikator>")
				.append(Objects.requireNonNull(rel.type(), "the type of " + slot.name()))
				.append("</s:UUIDIdentifikator></s:Type>");
			element("s:Indeks", rel.index(), x);
		}
		x.append("</s:").append(slot.name()).append('>');
	}

	private void virkning(Period period, StringBuilder x) {
		x.append("<s:Virkning><s:FraTidspunkt><s:TidsstempelDatoTid>")
			.append(midnight(period.from()))
			.append("</s:TidsstempelDatoTid></s:FraTidspunkt><s:TilTidspunkt>");
		if (period.to() == null) {
			x.append("<s:GraenseIndikator>true</s:GraenseIndikator>");
		}
		else {
			x.append("<s:TidsstempelDatoTid>").append(midnight(period.to())).append("</s:TidsstempelDatoTid>");
		}
		x.append(this.virkningEnd);
	}

	private String midnight(LocalDate date) {
		String text = this.midnights.get(date);
		if (text == null) {
			StringBuilder x = new StringBuilder(29);
			time(x, date.atStartOfDay(JaxbCodec.ZONE));
			text = x.toString();
			this.midnights.put(date, text);
		}
		return text;
	}

	/** An xsd:dateTime to the millisecond with its offset, as JAXB prints it. */
	static void time(StringBuilder x, ZonedDateTime t) {
		int year = t.getYear();
		if (year < 0) {
			x.append('-');
			year = -year;
		}
		digits(x, year, 4).append('-');
		digits(x, t.getMonthValue(), 2).append('-');
		digits(x, t.getDayOfMonth(), 2).append('T');
		digits(x, t.getHour(), 2).append(':');
		digits(x, t.getMinute(), 2).append(':');
		digits(x, t.getSecond(), 2).append('.');
		digits(x, t.getNano() / 1_000_000, 3);
		int offset = t.getOffset().getTotalSeconds() / 60;
		if (offset == 0) {
			x.append('Z');
			return;
		}
		x.append((offset < 0) ? '-' : '+');
		offset = Math.abs(offset);
		digits(x, offset / 60, 2).append(':');
		digits(x, offset % 60, 2);
	}

	private static StringBuilder digits(StringBuilder x, int value, int width) {
		int zeros = width - 1;
		for (int v = value; v >= 10 && zeros > 0; v /= 10) {
			zeros--;
		}
		for (; zeros > 0; zeros--) {
			x.append('0');
		}
		return x.append(value);
	}

	/** The element with the text, escaped; nothing when the text is null. */
	private static void element(String name, String text, StringBuilder x) {
		if (text == null) {
			return;
		}
		x.append('<').append(name).append('>');
		escaped(text, x);
		x.append("</").append(name).append('>');
	}

	/** Character data: {@code & < >} escaped, as JAXB escapes them. */
	static void escaped(String text, StringBuilder x) {
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			String entity = switch (text.charAt(i)) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				default -> null;
			};
			if (entity != null) {
				x.append(text, from, i).append(entity);
				from = i + 1;
			}
		}
		x.append(text, from, text.length());
	}

}
