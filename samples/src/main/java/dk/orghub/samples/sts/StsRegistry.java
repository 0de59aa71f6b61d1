package dk.orghub.samples.sts;

import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import dk.orghub.xsd.sts.sagdok.RegistreringType;

/**
 * What the local STS Organisation service holds: per object type and UUID, the latest
 * registration and whether the object was passivated. Thread-safe.
 */
public final class StsRegistry {

	/** The object types the local service stores, with their namespace. */
	public enum Kind {

		ORGANISATION("organisation"), ENHED("organisationenhed"), FUNKTION("organisationfunktion"), BRUGER("bruger"),
		PERSON("person"), ADRESSE("adresse");

		private final String service;

		Kind(String service) {
			this.service = service;
		}

		/** The service's path segment, e.g. {@code organisationenhed}. */
		public String service() {
			return this.service;
		}

		String namespace() {
			return "http://stoettesystemerne.dk/organisation/" + this.service + "/6/";
		}

	}

	/** One stored object: its latest registration and how many it has had. */
	public record Stored(RegistreringType registration, int registrations, boolean passivated) {

	}

	private static final Pattern TIDSPUNKT = Pattern.compile("<(\\w+:)?Tidspunkt>[^<]*</(\\w+:)?Tidspunkt>");

	private final Map<Kind, Map<String, Stored>> objects = new ConcurrentHashMap<>();

	StsRegistry() {
		for (Kind kind : Kind.values()) {
			this.objects.put(kind, new ConcurrentHashMap<>());
		}
	}

	public Optional<Stored> get(Kind kind, String uuid) {
		return Optional.ofNullable(this.objects.get(kind).get(uuid.toLowerCase()));
	}

	public boolean exists(Kind kind, String uuid) {
		return this.objects.get(kind).containsKey(uuid.toLowerCase());
	}

	public int count(Kind kind) {
		return this.objects.get(kind).size();
	}

	/** UUIDs of the objects of a kind, sorted. */
	public java.util.List<String> uuids(Kind kind) {
		return this.objects.get(kind).keySet().stream().sorted().toList();
	}

	void put(Kind kind, String uuid, RegistreringType registration) {
		this.objects.get(kind)
			.compute(uuid.toLowerCase(),
					(k, old) -> new Stored(registration, (old != null) ? old.registrations() + 1 : 1, false));
	}

	void passivate(Kind kind, String uuid) {
		this.objects.get(kind)
			.computeIfPresent(uuid.toLowerCase(),
					(k, old) -> new Stored(old.registration(), old.registrations() + 1, true));
	}

	/** Removes everything. */
	public void clear() {
		this.objects.values().forEach(Map::clear);
	}

	/**
	 * The stored state as XML text per {@code kind:uuid}, without registration times: two
	 * services that received the same objects have equal snapshots.
	 */
	public Map<String, String> snapshot() {
		Map<String, String> result = new TreeMap<>();
		for (Kind kind : Kind.values()) {
			this.objects.get(kind)
				.forEach((uuid, stored) -> result.put(kind + ":" + uuid,
						(stored.passivated() ? "passivated " : "") + xml(kind, stored.registration())));
		}
		return result;
	}

	/** A registration as XML text without its {@code Tidspunkt}. */
	public String xml(Kind kind, RegistreringType registration) {
		try {
			Marshaller marshaller = Xml.CONTEXT.createMarshaller();
			StringWriter out = new StringWriter();
			@SuppressWarnings({ "unchecked", "rawtypes" })
			JAXBElement<?> element = new JAXBElement(new QName(kind.namespace(), "Registrering"),
					registration.getClass(), registration);
			marshaller.marshal(element, out);
			return TIDSPUNKT.matcher(out.toString()).replaceAll("");
		}
		catch (JAXBException ex) {
			throw new IllegalStateException("Cannot marshal a stored registration", ex);
		}
	}

	/**
	 * The JAXB context for {@link #xml}, made on first use: only comparisons of what a
	 * service holds need it, so a service's start (the demo's, on the hub's main thread)
	 * does not pay for it.
	 */
	private static final class Xml {

		static final JAXBContext CONTEXT = create();

		private static JAXBContext create() {
			try {
				return JAXBContext.newInstance(dk.orghub.xsd.sts.organisationenhed.ObjectFactory.class,
						dk.orghub.xsd.sts.organisationfunktion.ObjectFactory.class,
						dk.orghub.xsd.sts.bruger.ObjectFactory.class, dk.orghub.xsd.sts.person.ObjectFactory.class,
						dk.orghub.xsd.sts.adresse.ObjectFactory.class,
						dk.orghub.xsd.sts.organisation.ObjectFactory.class);
			}
			catch (JAXBException ex) {
				throw new IllegalStateException("Cannot create the JAXB context", ex);
			}
		}

	}

}
