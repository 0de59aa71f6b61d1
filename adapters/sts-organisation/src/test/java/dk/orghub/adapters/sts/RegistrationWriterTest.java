package dk.orghub.adapters.sts;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.namespace.QName;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.adapters.sts.StsObject.State;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bodies of {@code importer} and {@code ret} written by {@link RegistrationWriter}
 * against JAXB's marshalling of the registrations {@link Registrations} builds (what the
 * signed calls send through CXF): equal as XML (namespace URIs, names, order, text; not
 * prefixes) for every object the mapping gives of a sample municipality, and for each
 * kind with text that needs escaping, Danish letters, absent values and several validity
 * periods.
 */
class RegistrationWriterTest {

	private static final Instant WINTER = Instant.parse("2025-01-01T08:57:00.123Z");

	private static final Instant SUMMER = Instant.parse("2026-07-01T22:30:05.007Z");

	private final Municipality m = StsSamples.municipality(100);

	private final StsSettings settings = withCpr(StsSamples.settings("http://127.0.0.1:1", this.m));

	private final Registrations registrations = new Registrations(new JaxbCodec(this.settings.actor()));

	private final RegistrationWriter writer = new RegistrationWriter(this.settings.actor());

	private final Marshaller marshaller;

	RegistrationWriterTest() throws Exception {
		this.marshaller = JAXBContext
			.newInstance(dk.orghub.xsd.sts.organisationenhed.ObjectFactory.class,
					dk.orghub.xsd.sts.organisationfunktion.ObjectFactory.class,
					dk.orghub.xsd.sts.bruger.ObjectFactory.class, dk.orghub.xsd.sts.person.ObjectFactory.class,
					dk.orghub.xsd.sts.adresse.ObjectFactory.class)
			.createMarshaller();
		this.marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
	}

	@Test
	void everyObjectOfTheMunicipalityIsWrittenAsJaxbWritesIt() throws Exception {
		List<StsObject> objects = new ArrayList<>(
				new StsMapper(this.settings).map(StsSamples.state(this.m), StsSamples.TODAY).values());
		Map<StsKind, Integer> counts = new EnumMap<>(StsKind.class);
		boolean danish = false;
		for (StsObject o : objects) {
			assertSame(o, WINTER);
			counts.merge(o.kind(), 1, Integer::sum);
			danish |= o.properties().stream().anyMatch(p -> p.name() != null && p.name().matches(".*[æøåÆØÅ].*"));
		}
		assertThat(counts.keySet()).as("every kind the publisher sends").isEqualTo(EnumSet.allOf(StsKind.class));
		assertThat(objects.size()).isGreaterThan(300);
		assertThat(danish).as("names with Danish letters").isTrue();
		assertThat(objects).as("persons with CPR")
			.anyMatch(o -> o.properties().stream().anyMatch(p -> p.cpr() != null));
	}

	@Test
	void escapingAbsentValuesAndSeveralPeriodsAreWrittenAsJaxbWritesThem() throws Exception {
		Map<StsKind, StsObject> firsts = new EnumMap<>(StsKind.class);
		// the richest object of each kind: the most relations
		for (StsObject o : new StsMapper(this.settings).map(StsSamples.state(this.m), StsSamples.TODAY).values()) {
			firsts.merge(o.kind(), o, (a, b) -> (b.relations().size() > a.relations().size()) ? b : a);
		}
		assertThat(firsts.keySet()).isEqualTo(EnumSet.allOf(StsKind.class));
		for (StsObject o : firsts.values()) {
			StsObject v = variant(o);
			assertSame(v, WINTER);
			assertSame(v, SUMMER);
			assertThat(write(v, WINTER, true)).contains("&amp; &lt;Løn&gt;");
		}
	}

	@Test
	void aRelationTheKindDoesNotHaveIsRefusedAsJaxbRefusesIt() {
		StsObject unit = new StsObject(StsKind.ENHED, this.m.root(), "x", "test",
				List.of(new Props(new Period(StsSamples.TODAY, null), "x", "x", null)), List.of(),
				List.of(Rel.of("TilknyttedePersoner", new Period(StsSamples.TODAY, null), this.m.root())));
		assertThatThrownBy(() -> this.registrations.importInput(unit, WINTER))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> write(unit, WINTER, true)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("OrganisationEnhed has no relation TilknyttedePersoner");
	}

	/**
	 * The object with its text needing escaping and with Danish letters, a property
	 * without user key, name or CPR, Aktiv then Inaktiv, and each relation over two
	 * periods (a single-valued one thus given twice; the second of a dynamic one without
	 * Indeks).
	 */
	private static StsObject variant(StsObject o) {
		Period before = new Period(LocalDate.of(2019, 3, 31), LocalDate.of(2024, 10, 27));
		Period after = new Period(LocalDate.of(2024, 10, 27), null);
		List<Props> props = List.of(new Props(before, "Kontor & <Løn> \"A/S\" 'Ærø'",
				"Ældre & Sundhed <Øst> \"Åby\" 'x' ]]>", (o.kind() == StsKind.PERSON) ? "0101701234" : null),
				new Props(after, null, null, null));
		List<State> states = List.of(new State(before, true), new State(after, false));
		Set<Rel> rels = new java.util.LinkedHashSet<>();
		for (Rel r : o.relations()) {
			rels.add(new Rel(r.name(), before, r.target(), r.role(), r.type(), r.index()));
			rels.add(new Rel(r.name(), after, r.target(), r.role(), r.type(), null));
		}
		return new StsObject(o.kind(), o.uuid(), o.userKey(), o.source(), props, states, new ArrayList<>(rels));
	}

	private void assertSame(StsObject o, Instant time) throws Exception {
		assertThat(CanonicalXml.of(write(o, time, true))).as("importer %s %s", o.kind(), o.uuid())
			.isEqualTo(CanonicalXml.of(marshal(o, "ImportInput", this.registrations.importInput(o, time))));
		assertThat(CanonicalXml.of(write(o, time, false))).as("ret %s %s", o.kind(), o.uuid())
			.isEqualTo(CanonicalXml.of(marshal(o, "RetInput", this.registrations.retInput(o, time))));
	}

	private String write(StsObject o, Instant time, boolean importer) {
		StringBuilder x = new StringBuilder();
		if (importer) {
			this.writer.importInput(o, namespace(o.kind()), time, x);
		}
		else {
			this.writer.retInput(o, namespace(o.kind()), x);
		}
		return x.toString();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private String marshal(StsObject o, String element, Object input) throws Exception {
		StringWriter out = new StringWriter();
		this.marshaller.marshal(new JAXBElement(new QName(namespace(o.kind()), element), input.getClass(), input), out);
		return out.toString();
	}

	/** The settings with {@code send-cpr} on. */
	private static StsSettings withCpr(StsSettings s) {
		return new StsSettings(s.baseUrl(), s.organisationUuid(), s.cvr(), s.actorUuid(), s.connectTimeout(),
				s.receiveTimeout(), s.concurrency(), s.maxAttempts(), s.initialBackoff(), s.maxBackoff(),
				s.registrationLag(), true, s.exportedVisibilities(), s.itSystem(), s.classes(), s.security(),
				s.stopAfterFailures(), s.allowPlainHttp());
	}

	private static String namespace(StsKind kind) {
		return "http://stoettesystemerne.dk/organisation/" + kind.service() + "/6/";
	}

}
