package dk.orghub.adapters.sts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.binding.soap.model.SoapOperationInfo;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.service.model.BindingOperationInfo;

import dk.orghub.xsd.sts.sagdok.StandardReturType;

/**
 * {@code importer} and {@code ret} without WS-Security, written and read without CXF's
 * per-call machinery (a message, an exchange and an interceptor chain per call, the
 * envelope written through a stream writer) and without JAXB: the RequestHeader (its
 * TransactionUUID) and the body ({@link RegistrationWriter}) are written as text into a
 * buffer of the calling thread, inside the SOAP 1.2 envelope CXF writes, and POSTed with
 * their length over HttpURLConnection (the keep-alive {@link StsClient#keepAlive} sizes,
 * through the proxy the JVM's selector chose for the address when the client was made);
 * the answer's StandardRetur, or its SOAP fault, is read with StAX. Each service's
 * address, SOAP actions and body elements are read from its CXF client, so that both
 * paths send the same call; signed calls go through CXF (ADR 0025). Thread-safe.
 */
final class PlainCalls {

	private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	private static final String BEFORE_TRANSACTION = "<soap:Envelope xmlns:soap=\"" + SOAP12 + "\"><soap:Header>"
			+ "<RequestHeader xmlns=\"http://kombit.dk/xml/schemas/RequestHeader/1/\"><TransactionUUID>";

	private static final String BEFORE_BODY = "</TransactionUUID></RequestHeader></soap:Header><soap:Body>";

	private static final String AFTER_BODY = "</soap:Body></soap:Envelope>";

	private static final List<String> OPERATIONS = List.of("importer", "ret");

	private static final QName REQUEST_HEADER = new QName("http://kombit.dk/xml/schemas/RequestHeader/1/",
			"RequestHeader");

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	/** A SOAP fault answered instead of a StandardRetur. */
	static final class Fault extends RuntimeException {

		final transient QName code;

		final transient List<QName> subcodes;

		final String reason;

		Fault(QName code, List<QName> subcodes, String reason) {
			super("SOAP fault " + code + ": " + reason);
			this.code = code;
			this.subcodes = subcodes;
			this.reason = reason;
		}

	}

	/**
	 * One operation of one service, as its CXF client describes it, and the proxy its
	 * address is reached through.
	 */
	private record Operation(URL address, Proxy proxy, String action, QName body) {
	}

	/** The call being written by this thread, kept between its calls. */
	private static final ThreadLocal<StringBuilder> BUFFERS = ThreadLocal.withInitial(() -> new StringBuilder(8192));

	private final Map<StsKind, Map<String, Operation>> operations = new EnumMap<>(StsKind.class);

	private final StsSettings settings;

	private final Clock clock;

	private final RegistrationWriter writer;

	/**
	 * @param clients the CXF client of each kind's service
	 * @param writer writes the bodies
	 */
	PlainCalls(StsSettings settings, Clock clock, Map<StsKind, Client> clients, RegistrationWriter writer) {
		this.settings = settings;
		this.clock = clock;
		this.writer = writer;
		clients.forEach((kind, client) -> {
			URL address = url(client.getEndpoint().getEndpointInfo().getAddress());
			Proxy proxy = proxy(address);
			Map<String, Operation> byName = new HashMap<>();
			for (BindingOperationInfo op : client.getEndpoint().getBinding().getBindingInfo().getOperations()) {
				String name = op.getName().getLocalPart();
				if (OPERATIONS.contains(name)) {
					QName body = op.getOperationInfo()
						.getInput()
						.getMessageParts()
						.stream()
						.map(part -> part.getElementQName())
						.filter(element -> !element.equals(REQUEST_HEADER))
						.findFirst()
						.orElseThrow();
					byName.put(name,
							new Operation(address, proxy, op.getExtensor(SoapOperationInfo.class).getAction(), body));
				}
			}
			this.operations.put(kind, byName);
		});
	}

	private static URL url(String address) {
		try {
			return URI.create(address).toURL();
		}
		catch (java.net.MalformedURLException ex) {
			throw new IllegalArgumentException("Not a URL: " + address, ex);
		}
	}

	/**
	 * The proxy the JVM's {@link ProxySelector} chooses for an address (its first choice;
	 * none without a selector), asked once: asking it on every call, as
	 * {@link URL#openConnection()} does, parsed the address into a URI per call (3% of
	 * the sending threads' CPU in the publish benchmark).
	 */
	private static Proxy proxy(URL address) {
		ProxySelector selector = ProxySelector.getDefault();
		if (selector == null) {
			return Proxy.NO_PROXY;
		}
		try {
			List<Proxy> proxies = selector.select(address.toURI());
			return (proxies == null || proxies.isEmpty()) ? Proxy.NO_PROXY : proxies.get(0);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalArgumentException("Not a URI: " + address, ex);
		}
	}

	/**
	 * Sends {@code importer} or {@code ret} of the object and returns the answer's
	 * StandardRetur.
	 * @param time the registration time of {@code importer}
	 * @throws Fault when the service answered a SOAP fault
	 * @throws HttpErrors.Status when it answered an HTTP error other than a SOAP fault
	 * @throws IOException when it could not be reached in time or its answer could not be
	 * read
	 */
	StandardReturType call(StsKind kind, String name, String transactionUuid, StsObject object, Instant time)
			throws IOException {
		Operation op = this.operations.get(kind).get(name);
		byte[] call = write(op, transactionUuid, object, time);
		HttpURLConnection http = (HttpURLConnection) op.address().openConnection(op.proxy());
		http.setConnectTimeout((int) this.settings.connectTimeout().toMillis());
		http.setReadTimeout((int) this.settings.receiveTimeout().toMillis());
		http.setRequestMethod("POST");
		http.setDoOutput(true);
		http.setFixedLengthStreamingMode(call.length);
		http.setRequestProperty("Content-Type", "application/soap+xml; action=\"" + op.action() + "\"; charset=UTF-8");
		http.setRequestProperty("Accept", "*/*");
		try (OutputStream out = http.getOutputStream()) {
			out.write(call);
		}
		int status = http.getResponseCode();
		InputStream answer = (status < 400) ? http.getInputStream() : http.getErrorStream();
		// read to its end, so that the connection is kept for the next call
		byte[] bytes;
		try (InputStream in = answer) {
			bytes = (in != null) ? in.readAllBytes() : new byte[0];
		}
		if (status >= 400 && status != 500) {
			throw new HttpErrors.Status(status,
					HttpErrors.parse(http.getHeaderField("Retry-After"), this.clock.instant()));
		}
		try {
			StandardReturType retur = read(bytes);
			if (retur != null) {
				return retur;
			}
			throw new IOException("HTTP " + status + ": the answer holds no StandardRetur");
		}
		catch (XMLStreamException ex) {
			if (status == 200) {
				// as through CXF: a successful answer that is not XML is a fault of the
				// client's side
				throw new Fault(new QName(SOAP12, "Sender"), List.of(), "the answer is not XML: " + ex.getMessage());
			}
			throw new IOException("HTTP " + status + ": the answer is not SOAP: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The call, as CXF writes it: the RequestHeader (its TransactionUUID only) and the
	 * body, in UTF-8.
	 */
	private byte[] write(Operation op, String transactionUuid, StsObject object, Instant time) {
		StringBuilder x = BUFFERS.get();
		x.setLength(0);
		x.append(BEFORE_TRANSACTION);
		RegistrationWriter.escaped(transactionUuid, x);
		x.append(BEFORE_BODY);
		if (op.body().getLocalPart().equals("ImportInput")) {
			this.writer.importInput(object, op.body().getNamespaceURI(), time, x);
		}
		else {
			this.writer.retInput(object, op.body().getNamespaceURI(), x);
		}
		x.append(AFTER_BODY);
		return x.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The StandardRetur of an answer (null when it holds none), or its fault thrown. */
	private static StandardReturType read(byte[] answer) throws XMLStreamException {
		XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(answer));
		try {
			StandardReturType retur = null;
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if (name.equals("Fault") && SOAP12.equals(xml.getNamespaceURI())) {
					throw fault(xml);
				}
				if (name.equals("StatusKode")) {
					retur = (retur != null) ? retur : new StandardReturType();
					retur.setStatusKode(new BigInteger(xml.getElementText().trim()));
				}
				else if (name.equals("FejlbeskedTekst")) {
					retur = (retur != null) ? retur : new StandardReturType();
					retur.setFejlbeskedTekst(xml.getElementText());
				}
			}
			return (retur == null || retur.getStatusKode() == null) ? null : retur;
		}
		finally {
			xml.close();
		}
	}

	/** A SOAP 1.2 fault: its code, subcodes and reason. */
	private static Fault fault(XMLStreamReader xml) throws XMLStreamException {
		QName code = null;
		List<QName> subcodes = new ArrayList<>();
		String reason = null;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if (name.equals("Value")) {
					QName value = qname(xml);
					if (code == null) {
						code = value;
					}
					else {
						subcodes.add(value);
					}
				}
				else if (name.equals("Text") && reason == null) {
					reason = xml.getElementText();
				}
				else {
					depth++;
				}
			}
		}
		return new Fault(code, subcodes, reason);
	}

	private static QName qname(XMLStreamReader xml) throws XMLStreamException {
		javax.xml.namespace.NamespaceContext namespaces = xml.getNamespaceContext();
		String text = xml.getElementText().trim();
		int colon = text.indexOf(':');
		String prefix = (colon > 0) ? text.substring(0, colon) : "";
		String uri = namespaces.getNamespaceURI(prefix);
		return new QName((uri != null) ? uri : "", text.substring(colon + 1), prefix);
	}

}
