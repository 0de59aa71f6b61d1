package dk.orghub.samples.sts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

import dk.orghub.samples.sts.StsRegistry.Kind;
import dk.orghub.xsd.sts.sagdok.BasicOutputType;
import dk.orghub.xsd.sts.sagdok.RegistreringType;

/**
 * The lean mode of the local service, for benchmarks: an {@code importer} is answered
 * from memory without CXF or JAXB (the request is kept as bytes, the UUID found by a byte
 * search, the answer a constant), so that a benchmark's service does not eat the cores
 * its client is measured on. Before any other call the kept requests are filed into the
 * registry (unmarshalled once, without the reference and pattern checks of the full
 * service) and the call goes to the full service. A second {@code importer} of a UUID is
 * answered 49, as by the full service.
 */
final class LeanImporter implements Filter {

	private static final byte[] IMPORT_INPUT = ascii("ImportInput");

	private static final byte[] UUID_TAG = ascii("UUIDIdentifikator>");

	private final StsRegistry registry;

	/** Kept {@code importer} requests per kind, by UUID (lower case). */
	private final Map<Kind, Map<String, byte[]>> kept = new EnumMap<>(Kind.class);

	private final Map<Kind, byte[]> ok = new EnumMap<>(Kind.class);

	private final Map<Kind, byte[]> exists = new EnumMap<>(Kind.class);

	private final JAXBContext context;

	private final XMLInputFactory xml = XMLInputFactory.newFactory();

	LeanImporter(StsRegistry registry) {
		this.registry = registry;
		try {
			this.context = JAXBContext.newInstance(dk.orghub.xsd.sts.organisationenhed.ObjectFactory.class,
					dk.orghub.xsd.sts.organisationfunktion.ObjectFactory.class,
					dk.orghub.xsd.sts.bruger.ObjectFactory.class, dk.orghub.xsd.sts.person.ObjectFactory.class,
					dk.orghub.xsd.sts.adresse.ObjectFactory.class);
			for (Kind kind : Kind.values()) {
				this.kept.put(kind, new ConcurrentHashMap<>());
				this.ok.put(kind, answer(kind, Operations.basic(Operations.OK, null)));
				this.exists.put(kind, answer(kind, Operations.basic(Operations.PASSIVE_OR_EXISTS, "findes allerede")));
			}
		}
		catch (JAXBException ex) {
			throw new IllegalStateException("Cannot prepare the lean answers", ex);
		}
	}

	private byte[] answer(Kind kind, BasicOutputType output) throws JAXBException {
		Marshaller marshaller = this.context.createMarshaller();
		marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
		StringWriter body = new StringWriter();
		marshaller.marshal(
				new JAXBElement<>(new QName(kind.namespace(), "ImportOutput"), BasicOutputType.class, output), body);
		return ("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" + body
				+ "</soap:Body></soap:Envelope>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The objects kept and not yet filed. */
	long kept() {
		return this.kept.values().stream().mapToLong(Map::size).sum();
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		Kind kind = kind(http.getRequestURI());
		byte[] body = request.getInputStream().readAllBytes();
		int input = (kind != null) ? indexOf(body, IMPORT_INPUT, 0) : -1;
		if (input >= 0) {
			int tag = indexOf(body, UUID_TAG, input);
			int end = (tag >= 0) ? indexOf(body, new byte[] { '<' }, tag) : -1;
			if (end > 0) {
				String uuid = new String(body, tag + UUID_TAG.length, end - tag - UUID_TAG.length,
						StandardCharsets.US_ASCII)
					.trim()
					.toLowerCase();
				boolean fresh = !this.registry.exists(kind, uuid)
						&& this.kept.get(kind).putIfAbsent(uuid, body) == null;
				byte[] answer = fresh ? this.ok.get(kind) : this.exists.get(kind);
				response.setContentType("application/soap+xml; charset=UTF-8");
				response.setContentLength(answer.length);
				response.getOutputStream().write(answer);
				return;
			}
		}
		file();
		chain.doFilter(new ReplayedRequest(http, body), response);
	}

	/** Files every kept request into the registry. */
	synchronized void file() {
		try {
			Unmarshaller unmarshaller = this.context.createUnmarshaller();
			for (Kind kind : Kind.values()) {
				Map<String, byte[]> requests = this.kept.get(kind);
				for (String uuid : List.copyOf(requests.keySet())) {
					this.registry.put(kind, uuid, registration(kind, unmarshaller, requests.get(uuid)));
					requests.remove(uuid);
				}
			}
		}
		catch (JAXBException | XMLStreamException ex) {
			throw new IllegalStateException("Cannot file a kept importer request", ex);
		}
	}

	private RegistreringType registration(Kind kind, Unmarshaller unmarshaller, byte[] body)
			throws JAXBException, XMLStreamException {
		XMLStreamReader reader = this.xml.createXMLStreamReader(new ByteArrayInputStream(body));
		while (!(reader.isStartElement() && reader.getLocalName().equals("ImportInput"))) {
			reader.next();
		}
		List<? extends RegistreringType> registrations = switch (kind) {
			case ENHED -> unmarshaller.unmarshal(reader, dk.orghub.xsd.sts.organisationenhed.ImportInputType.class)
				.getValue()
				.getOrganisationEnhed()
				.getRegistrering();
			case FUNKTION ->
				unmarshaller.unmarshal(reader, dk.orghub.xsd.sts.organisationfunktion.ImportInputType.class)
					.getValue()
					.getOrganisationFunktion()
					.getRegistrering();
			case BRUGER -> unmarshaller.unmarshal(reader, dk.orghub.xsd.sts.bruger.ImportInputType.class)
				.getValue()
				.getBruger()
				.getRegistrering();
			case PERSON -> unmarshaller.unmarshal(reader, dk.orghub.xsd.sts.person.ImportInputType.class)
				.getValue()
				.getPerson()
				.getRegistrering();
			case ADRESSE -> unmarshaller.unmarshal(reader, dk.orghub.xsd.sts.adresse.ImportInputType.class)
				.getValue()
				.getAdresse()
				.getRegistrering();
			case ORGANISATION -> throw new IllegalStateException("Organisation is not imported");
		};
		return registrations.get(registrations.size() - 1);
	}

	private static Kind kind(String uri) {
		for (Kind kind : Kind.values()) {
			if (kind != Kind.ORGANISATION && uri.endsWith("/" + kind.service() + "/6/")) {
				return kind;
			}
		}
		return null;
	}

	private static int indexOf(byte[] data, byte[] what, int from) {
		outer: for (int i = from; i <= data.length - what.length; i++) {
			for (int j = 0; j < what.length; j++) {
				if (data[i + j] != what[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

}
