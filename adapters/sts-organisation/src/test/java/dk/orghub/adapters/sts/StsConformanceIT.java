package dk.orghub.adapters.sts;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.io.CacheAndWriteOutputStream;
import org.apache.cxf.io.CachedOutputStream;
import org.apache.cxf.io.CachedOutputStreamCallback;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageUtils;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.StsRegistry.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conformance: every SOAP message the adapter puts on the wire (importer, ret, laes,
 * passiver, fremsoegobjekthierarki, for every object kind) is captured at the client's
 * output stream with security on (signed calls), and on its way to the service with
 * security off (where importer and ret go as plain calls), its headers checked
 * (WS-Addressing, RequestHeader, the WS-Security header of a signed call), and its
 * RequestHeader and Body element validated against KOMBIT's official Organisation 6
 * schemas. The schemas are read from {@code -Dorghub.kombit.dir} (the POM sets it to
 * {@code ../shared/kombit} of the checkout); the test is skipped with a message where
 * they are absent. It also asserts the patterns on the local service's stored state.
 */
class StsConformanceIT {

	private static final String NO_SCHEMAS = "STS conformance test skipped: KOMBIT's official XSDs not found at %s "
			+ "(give the folder that holds organisation-v6 with -Dkombit.dir to Maven, or -Dorghub.kombit.dir to the JVM)";

	private static Path officialXsd() {
		Path kombit = Path.of(System.getProperty("orghub.kombit.dir", "../../../shared/kombit"));
		Path xsd = kombit.resolve("organisation-v6/xsd");
		if (!Files.isDirectory(xsd)) {
			String message = String.format(NO_SCHEMAS, xsd.toAbsolutePath().normalize());
			if (Boolean.getBoolean("orghub.kombit.required")) {
				throw new IllegalStateException(message + "; they are required here (-Dkombit.required=true)");
			}
			System.err.println("[orghub] " + message);
			Assumptions.abort(message);
		}
		return xsd;
	}

	/** Copies each outgoing client message as it is written to the wire. */
	static final class WireCapture extends AbstractPhaseInterceptor<Message> {

		final ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();

		WireCapture() {
			super(Phase.PRE_STREAM);
			// nearer the wire than the signing: it sees the signed call
			addBefore(SignedCallInterceptors.Sign.class.getName());
		}

		@Override
		public void handleMessage(Message message) {
			if (!MessageUtils.isRequestor(message)) {
				return;
			}
			OutputStream out = message.getContent(OutputStream.class);
			if (out == null) {
				return;
			}
			CacheAndWriteOutputStream copy = new CacheAndWriteOutputStream(out);
			message.setContent(OutputStream.class, copy);
			copy.registerCallback(new CachedOutputStreamCallback() {

				@Override
				public void onFlush(CachedOutputStream cos) {
				}

				@Override
				public void onClose(CachedOutputStream cos) {
					try {
						WireCapture.this.messages.add(new String(cos.getBytes(), StandardCharsets.UTF_8));
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
				}
			});
		}

	}

	private static final List<String> SIGNED_HEADERS = List.of("Action", "MessageID", "ReplyTo", "To", "RequestHeader",
			"Security");

	private static Schema schema() throws org.xml.sax.SAXException {
		Path xsd = officialXsd();
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		return factory.newSchema(
				new Source[] { new StreamSource(xsd.resolve("6.0.STS-0/OrganisationSystemOperationer.xsd").toFile()),
						new StreamSource(xsd.resolve("common/RequestHeader.xsd").toFile()) });
	}

	@Test
	void everyMessageTheAdapterSendsIsValidAgainstKombitsSchemas() throws Exception {
		Schema schema = schema();

		WireCapture capture = new WireCapture();
		Bus bus = BusFactory.getDefaultBus();
		bus.getOutInterceptors().add(capture);
		MutableClock clock = StsSamples.clock();
		Municipality m = StsSamples.municipality(100);
		CanonicalState state = StsSamples.state(m);
		// with security on: every call carries the WS-Security header of a signed call
		try (LocalStsService service = StsSamples.secureService(m, clock, StsSamples.certificates(m));
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(
						StsSamples.secureSettings(service, m, Files.createTempDirectory("sts-conformance")),
						new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
			// importer of every kind; ret, laes, list, passiver and
			// fremsoegobjekthierarki
			StsPublisher.Report report = adapter.publishAll();
			assertThat(report.quarantined()).isZero();
			OrgUnit root = m.units().get(m.root()).latest().orElseThrow();
			OrgUnit renamed = new OrgUnit(root.uuid(), root.userKey(), root.name() + " (ny)", null, root.unitType(),
					root.unitLevel(), root.payoutUnit());
			adapter.publish(new TargetObject<>(ObjectType.ORG_UNIT, root.uuid(),
					Timeline.of(Validity.from(m.units().get(m.root()).segments().get(0).validity().from()), renamed)));
			assertThat(adapter.publishAll().calls()).isZero();
			Key function = new StsMapper(adapter.settings()).map(state, StsSamples.TODAY)
				.entrySet()
				.stream()
				.filter(e -> e.getValue().source().startsWith("engagements:"))
				.filter(e -> !StsPublisher.endedBy(e.getValue(), StsSamples.TODAY))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
			adapter.deactivate(ObjectType.ENGAGEMENT, function.uuid(), StsSamples.TODAY.plusDays(3));
			adapter.read(ObjectType.ORG_UNIT, m.root());
			adapter.reconcile();
			adapter.client().passiver(StsKind.ADRESSE, java.util.UUID.randomUUID());
			try (StsClient other = new StsClient(
					adapter.settings().withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1)), clock, null)) {
				// 49 on importer of an existing unit
				other.importer(new StsMapper(adapter.settings()).map(state, StsSamples.TODAY)
					.get(new Key(StsKind.ENHED, m.root())));
			}

			// the patterns as the local service stores them
			assertThat(service.registry().count(Kind.ENHED)).isEqualTo(m.units().size());
			Map<String, String> stored = service.registry().snapshot();
			assertThat(stored).isNotEmpty();
			StsObject storedRoot = adapter.client().laes(StsKind.ENHED, m.root()).orElseThrow();
			assertThat(storedRoot.relations()).noneMatch(r -> r.name().equals("Overordnet"));
			assertThat(storedRoot.relations()).anyMatch(
					r -> r.name().equals("Tilhoerer") && r.target().equals(adapter.settings().organisationUuid()));
			for (StsObject unit : adapter.client().fremsoegObjekthierarki(500)) {
				if (unit.kind() == StsKind.ENHED && !unit.uuid().equals(m.root())) {
					assertThat(unit.relations()).as("unit %s", unit.uuid())
						.anyMatch(r -> r.name().equals("Overordnet"))
						.anyMatch(r -> r.name().equals("Tilhoerer"))
						.anyMatch(r -> r.name().equals("Enhedstype"));
				}
			}
		}
		finally {
			bus.getOutInterceptors().remove(capture);
		}

		Set<String> seen = validate(schema, new ArrayList<>(capture.messages), SIGNED_HEADERS);
		assertThat(seen).contains("{http://stoettesystemerne.dk/organisation/organisationenhed/6/}ImportInput",
				"{http://stoettesystemerne.dk/organisation/person/6/}ListInput",
				"{http://stoettesystemerne.dk/organisation/adresse/6/}ListInput");
	}

	/**
	 * Without security, as the hub calls the local service of {@code samples} (importer
	 * and ret go as plain calls, {@link PlainCalls}; the rest through CXF): every message
	 * is captured on its way to the service by a recording proxy and validated the same
	 * way.
	 */
	@Test
	void everyUnsignedMessageIsValidAgainstKombitsSchemas() throws Exception {
		Schema schema = schema();
		MutableClock clock = StsSamples.clock();
		Municipality m = StsSamples.municipality(100);
		CanonicalState state = StsSamples.state(m);
		ConcurrentLinkedQueue<String> messages = new ConcurrentLinkedQueue<>();
		try (LocalStsService service = StsSamples.service(m, clock);
				RecordingProxy proxy = new RecordingProxy(service.baseUrl(), messages);
				StsOrganisationAdapter adapter = new StsOrganisationAdapter(StsSamples.settings(proxy.url(), m),
						new SentLedger(StsSamples.database(), clock), clock, () -> state)) {
			assertThat(adapter.publishAll().quarantined()).isZero();
			OrgUnit root = m.units().get(m.root()).latest().orElseThrow();
			OrgUnit renamed = new OrgUnit(root.uuid(), root.userKey(), root.name() + " (ny)", null, root.unitType(),
					root.unitLevel(), root.payoutUnit());
			adapter.publish(new TargetObject<>(ObjectType.ORG_UNIT, root.uuid(),
					Timeline.of(Validity.from(m.units().get(m.root()).segments().get(0).validity().from()), renamed)));
			adapter.reconcile();
			assertThat(service.registry().count(Kind.ENHED)).isEqualTo(m.units().size());
		}
		Set<String> seen = validate(schema, new ArrayList<>(messages), List.of("RequestHeader"));
		for (String service : List.of("organisationenhed", "organisationfunktion", "bruger", "person", "adresse")) {
			assertThat(seen).contains("{http://stoettesystemerne.dk/organisation/" + service + "/6/}ImportInput");
		}
		assertThat(seen).contains("{http://stoettesystemerne.dk/organisation/organisationenhed/6/}RetInput");
	}

	/**
	 * Forwards every call to the service and keeps a copy of each request body as it came
	 * over the wire.
	 */
	static final class RecordingProxy implements AutoCloseable {

		private final com.sun.net.httpserver.HttpServer server;

		RecordingProxy(String target, ConcurrentLinkedQueue<String> messages) throws java.io.IOException {
			this.server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
			this.server.createContext("/", exchange -> {
				byte[] request = exchange.getRequestBody().readAllBytes();
				messages.add(new String(request, StandardCharsets.UTF_8));
				java.net.HttpURLConnection http = (java.net.HttpURLConnection) java.net.URI
					.create(target + exchange.getRequestURI())
					.toURL()
					.openConnection();
				http.setRequestMethod(exchange.getRequestMethod());
				http.setDoOutput(true);
				exchange.getRequestHeaders()
					.forEach((name, values) -> values.forEach(value -> http.addRequestProperty(name, value)));
				try (OutputStream out = http.getOutputStream()) {
					out.write(request);
				}
				int status = http.getResponseCode();
				java.io.InputStream in = (status < 400) ? http.getInputStream() : http.getErrorStream();
				byte[] answer = (in != null) ? in.readAllBytes() : new byte[0];
				if (http.getContentType() != null) {
					exchange.getResponseHeaders().set("Content-Type", http.getContentType());
				}
				exchange.sendResponseHeaders(status, (answer.length > 0) ? answer.length : -1);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		@Override
		public void close() {
			this.server.stop(0);
			((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
		}

	}

	/**
	 * Validates each message's RequestHeader and Body element against the official
	 * schemas, checks its headers, and returns the elements seen.
	 */
	private static Set<String> validate(Schema schema, List<String> messages, List<String> expectedHeaders)
			throws Exception {
		assertThat(messages).hasSizeGreaterThan(100);
		Validator validator = schema.newValidator();
		DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
		dbf.setNamespaceAware(true);
		Set<String> seen = new TreeSet<>();
		Map<String, String> invalid = new TreeMap<>();
		for (String message : messages) {
			Document doc = dbf.newDocumentBuilder()
				.parse(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
			Element envelope = doc.getDocumentElement();
			assertThat(envelope.getNamespaceURI()).as("SOAP 1.2").isEqualTo("http://www.w3.org/2003/05/soap-envelope");
			List<Element> parts = children(envelope);
			assertThat(parts).extracting(Element::getLocalName).containsExactly("Header", "Body");
			List<String> headers = children(parts.get(0)).stream().map(Element::getLocalName).toList();
			assertThat(headers).as("the headers of the call").isEqualTo(expectedHeaders);
			if (headers.contains("Security")) {
				Element security = children(parts.get(0)).get(headers.indexOf("Security"));
				assertThat(children(security)).extracting(Element::getLocalName)
					.containsExactly("Timestamp", "Assertion", "SecurityTokenReference", "Signature");
			}
			for (Element element : children(parts.get(0))) {
				if (element.getLocalName().equals("RequestHeader")) {
					validate(validator, element, seen, invalid);
				}
			}
			for (Element element : children(parts.get(1))) {
				validate(validator, element, seen, invalid);
			}
		}
		assertThat(invalid).as("messages invalid against the official schemas").isEmpty();
		// the check is live: the same body with its registration's elements out of order
		// is refused
		Document doc = dbf.newDocumentBuilder()
			.parse(new ByteArrayInputStream(messages.stream()
				.filter(x -> x.contains("organisationenhed/6/") && x.contains("ImportInput"))
				.findFirst()
				.orElseThrow()
				.getBytes(StandardCharsets.UTF_8)));
		Element body = children(doc.getDocumentElement()).get(1);
		Element importInput = children(body).get(0);
		Element registration = children(children(importInput).get(0)).get(1);
		Element first = children(registration).get(0);
		registration.removeChild(first);
		registration.appendChild(first);
		assertThatThrownBy(() -> validator.validate(new DOMSource(importInput)))
			.isInstanceOf(org.xml.sax.SAXException.class);
		System.out.println("[orghub] STS conformance: " + messages.size() + " messages valid; elements: " + seen);
		return seen;
	}

	private static void validate(Validator validator, Element element, Set<String> seen, Map<String, String> invalid)
			throws java.io.IOException {
		String name = "{" + element.getNamespaceURI() + "}" + element.getLocalName();
		seen.add(name);
		try {
			validator.validate(new DOMSource(element));
		}
		catch (org.xml.sax.SAXException ex) {
			invalid.putIfAbsent(name, ex.getMessage());
		}
	}

	private static List<Element> children(Element parent) {
		List<Element> result = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				result.add(e);
			}
		}
		return result;
	}

}
