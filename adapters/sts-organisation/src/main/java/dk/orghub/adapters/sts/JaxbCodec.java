package dk.orghub.adapters.sts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.adapters.sts.StsObject.State;
import dk.orghub.xsd.sts.sagdok.AktoerTypeKodeType;
import dk.orghub.xsd.sts.sagdok.DynamicFlerRelationType;
import dk.orghub.xsd.sts.sagdok.FlerRelationType;
import dk.orghub.xsd.sts.sagdok.LivscyklusKodeType;
import dk.orghub.xsd.sts.sagdok.RegistreringType;
import dk.orghub.xsd.sts.sagdok.RelationType;
import dk.orghub.xsd.sts.sagdok.TidspunktType;
import dk.orghub.xsd.sts.sagdok.UnikIdType;
import dk.orghub.xsd.sts.sagdok.UuidLabelInputType;
import dk.orghub.xsd.sts.sagdok.VirkningType;
import dk.orghub.xsd.sts.service.GyldighedStatusKodeType;
import dk.orghub.xsd.sts.service.GyldighedType;

/**
 * Turns {@link StsObject}s into the generated JAXB registrations of Organisation 6 and
 * back. Virkning dates are whole dates at 00:00 Danish time; an open end is
 * {@code GraenseIndikator true}.
 */
final class JaxbCodec {

	static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

	private static final DatatypeFactory DATATYPES;

	static {
		try {
			DATATYPES = DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final UUID actor;

	/**
	 * Midnight of each date met so far, shared by every registration written (JAXB only
	 * reads them); building one took a GregorianCalendar each time.
	 */
	private final Map<LocalDate, XMLGregorianCalendar> midnights = new ConcurrentHashMap<>();

	JaxbCodec(UUID actor) {
		this.actor = actor;
	}

	/** The instant in Danish time, to the millisecond. */
	static XMLGregorianCalendar time(Instant instant) {
		ZonedDateTime t = instant.atZone(ZONE);
		return DATATYPES.newXMLGregorianCalendar(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
				t.getMinute(), t.getSecond(), t.getNano() / 1_000_000, t.getOffset().getTotalSeconds() / 60);
	}

	private XMLGregorianCalendar midnight(LocalDate date) {
		return this.midnights.computeIfAbsent(date, d -> time(d.atStartOfDay(ZONE).toInstant()));
	}

	static UnikIdType id(UUID uuid) {
		UnikIdType id = new UnikIdType();
		id.setUUIDIdentifikator(uuid.toString());
		return id;
	}

	private static UuidLabelInputType label(UUID uuid) {
		UuidLabelInputType id = new UuidLabelInputType();
		id.setUUIDIdentifikator(uuid.toString());
		return id;
	}

	VirkningType virkning(Period period) {
		VirkningType v = new VirkningType();
		TidspunktType from = new TidspunktType();
		from.setTidsstempelDatoTid(midnight(period.from()));
		v.setFraTidspunkt(from);
		TidspunktType to = new TidspunktType();
		if (period.to() == null) {
			to.setGraenseIndikator(true);
		}
		else {
			to.setTidsstempelDatoTid(midnight(period.to()));
		}
		v.setTilTidspunkt(to);
		v.setAktoerRef(id(this.actor));
		v.setAktoerTypeKode(AktoerTypeKodeType.ORGANISATION);
		return v;
	}

	static Period period(VirkningType v) {
		LocalDate from = date(v.getFraTidspunkt());
		LocalDate to = date(v.getTilTidspunkt());
		return new Period((from != null) ? from : LocalDate.of(1900, 1, 1), to);
	}

	private static LocalDate date(TidspunktType t) {
		if (t == null || t.getTidsstempelDatoTid() == null) {
			return null;
		}
		XMLGregorianCalendar c = t.getTidsstempelDatoTid();
		int undefined = DatatypeConstants.FIELD_UNDEFINED;
		if (c.getTimezone() != undefined && c.getYear() != undefined && c.getHour() != undefined && c.getHour() != 24
				&& c.getMinute() != undefined && c.getSecond() != undefined) {
			// from the fields (a fraction of a second never moves a date): a
			// GregorianCalendar per date was a third of a reconcile's time
			return LocalDateTime.of(c.getYear(), c.getMonth(), c.getDay(), c.getHour(), c.getMinute(), c.getSecond())
				.atOffset(ZoneOffset.ofTotalSeconds(c.getTimezone() * 60))
				.atZoneSameInstant(ZONE)
				.toLocalDate();
		}
		return c.toGregorianCalendar().toZonedDateTime().withZoneSameInstant(ZONE).toLocalDate();
	}

	void header(RegistreringType registration, Instant time) {
		registration.setTidspunkt(time(time));
		registration.setLivscyklusKode(LivscyklusKodeType.IMPORTERET);
		registration.setBrugerRef(id(this.actor));
	}

	<T extends RelationType> T rel(Rel rel, Supplier<T> factory) {
		T t = factory.get();
		t.setVirkning(virkning(rel.period()));
		t.setReferenceID(id(rel.target()));
		return t;
	}

	<T extends FlerRelationType> T fler(Rel rel, Supplier<T> factory) {
		T t = factory.get();
		t.setVirkning(virkning(rel.period()));
		t.setReferenceID(id(rel.target()));
		if (t instanceof DynamicFlerRelationType d) {
			d.setRolle(label(rel.role()));
			d.setType(label(rel.type()));
			d.setIndeks(rel.index());
		}
		return t;
	}

	List<GyldighedType> gyldigheder(List<State> states) {
		return states.stream().map(s -> {
			GyldighedType g = new GyldighedType();
			g.setVirkning(virkning(s.period()));
			g.setGyldighedStatusKode(s.active() ? GyldighedStatusKodeType.AKTIV : GyldighedStatusKodeType.INAKTIV);
			return g;
		}).toList();
	}

	static List<State> states(List<GyldighedType> gyldigheder) {
		return gyldigheder.stream()
			.map(g -> new State(period(g.getVirkning()), g.getGyldighedStatusKode() == GyldighedStatusKodeType.AKTIV))
			.toList();
	}

	static Rel rel(String name, RelationType r) {
		return Rel.of(name, period(r.getVirkning()), UUID.fromString(r.getReferenceID().getUUIDIdentifikator()));
	}

	static Rel fler(String name, FlerRelationType r) {
		UUID target = UUID.fromString(r.getReferenceID().getUUIDIdentifikator());
		if (r instanceof DynamicFlerRelationType d) {
			return new Rel(name, period(r.getVirkning()), target, UUID.fromString(d.getRolle().getUUIDIdentifikator()),
					UUID.fromString(d.getType().getUUIDIdentifikator()), d.getIndeks());
		}
		return Rel.of(name, period(r.getVirkning()), target);
	}

	static List<Props> props(List<?> egenskaber, java.util.function.Function<Object, Props> f) {
		return egenskaber.stream().map(f).toList();
	}

	static Props props(VirkningType v, String userKey, String name, String cpr) {
		return new Props(period(v), userKey, name, cpr);
	}

}
