package dk.orghub.kombit.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Namespace-aware, hardened DOM parsing (no DTD, no external entities) and serialising,
 * and the few element look-ups the signing code needs. A document is used by one thread.
 */
public final class Dom {

	private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(Dom::builder);

	private static final TransformerFactory TRANSFORMERS = transformerFactory();

	/** One serialiser per thread: building a Transformer costs as much as using it. */
	private static final ThreadLocal<Transformer> SERIALIZERS = ThreadLocal.withInitial(Dom::serializer);

	private Dom() {
	}

	private static DocumentBuilder builder() {
		try {
			DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setNamespaceAware(true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			return f.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Transformer serializer() {
		try {
			Transformer t = TRANSFORMERS.newTransformer();
			t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			t.setOutputProperty(OutputKeys.INDENT, "no");
			return t;
		}
		catch (TransformerException ex) {
			throw new IllegalStateException("cannot create an XML serialiser: " + ex.getMessage(), ex);
		}
	}

	private static TransformerFactory transformerFactory() {
		TransformerFactory f = TransformerFactory.newInstance();
		f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
		return f;
	}

	/**
	 * Parses a document; every wsu:Id, SAML ID and signature Id is registered as an ID.
	 */
	public static Document parse(byte[] xml) {
		try {
			DocumentBuilder builder = BUILDERS.get();
			builder.reset();
			Document doc = builder.parse(new ByteArrayInputStream(xml));
			registerIds(doc.getDocumentElement());
			return doc;
		}
		catch (SAXException | IOException ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	public static Document newDocument() {
		DocumentBuilder builder = BUILDERS.get();
		builder.reset();
		return builder.newDocument();
	}

	/** Serialises a document (UTF-8, no indentation, with an XML declaration). */
	public static byte[] serialize(Node node) {
		try {
			Transformer t = SERIALIZERS.get();
			ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
			t.transform(new DOMSource(node), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException ex) {
			SERIALIZERS.remove();
			throw new IllegalStateException("cannot serialise XML: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Registers the ID attributes of WS-Security, SAML and XML signatures below
	 * {@code e}.
	 */
	public static void registerIds(Element e) {
		if (e.hasAttributeNS(Ns.WSU, "Id")) {
			e.setIdAttributeNS(Ns.WSU, "Id", true);
		}
		if (Ns.SAML.equals(e.getNamespaceURI()) && e.hasAttributeNS(null, "ID")) {
			e.setIdAttributeNS(null, "ID", true);
		}
		if (Ns.DS.equals(e.getNamespaceURI()) && e.hasAttributeNS(null, "Id")) {
			e.setIdAttributeNS(null, "Id", true);
		}
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element child) {
				registerIds(child);
			}
		}
	}

	/** The element children of {@code parent}. */
	public static List<Element> children(Element parent) {
		List<Element> result = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				result.add(e);
			}
		}
		return result;
	}

	/** The first child element with this name. */
	public static Optional<Element> child(Element parent, String ns, String localName) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
				return Optional.of(e);
			}
		}
		return Optional.empty();
	}

	/** The first descendant element with this name, depth first. */
	public static Optional<Element> find(Element root, String ns, String localName) {
		if (localName.equals(root.getLocalName()) && ns.equals(root.getNamespaceURI())) {
			return Optional.of(root);
		}
		for (Element child : children(root)) {
			Optional<Element> found = find(child, ns, localName);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** All descendant elements with this name, depth first. */
	public static List<Element> findAll(Element root, String ns, String localName) {
		List<Element> result = new ArrayList<>();
		collect(root, ns, localName, result);
		return result;
	}

	private static void collect(Element e, String ns, String localName, List<Element> result) {
		if (localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
			result.add(e);
		}
		for (Element child : children(e)) {
			collect(child, ns, localName, result);
		}
	}

	/** The SOAP 1.2 Header of an envelope (created when absent). */
	public static Element header(Document envelope) {
		Element env = envelope.getDocumentElement();
		Optional<Element> header = child(env, Ns.SOAP12, "Header");
		if (header.isPresent()) {
			return header.get();
		}
		Element created = envelope.createElementNS(Ns.SOAP12, prefix(env) + "Header");
		env.insertBefore(created, env.getFirstChild());
		return created;
	}

	/** The SOAP 1.2 Body of an envelope. */
	public static Element body(Document envelope) {
		Element env = envelope.getDocumentElement();
		if (!Ns.SOAP12.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
			throw new IllegalArgumentException("not a SOAP 1.2 envelope: " + env.getNodeName());
		}
		return child(env, Ns.SOAP12, "Body")
			.orElseThrow(() -> new IllegalArgumentException("SOAP envelope without Body"));
	}

	private static String prefix(Element e) {
		return (e.getPrefix() != null) ? e.getPrefix() + ":" : "";
	}

	/**
	 * A new element with its namespace declared on it, so that it canonicalises the same
	 * in memory as after serialising.
	 */
	public static Element element(Document doc, String ns, String prefix, String localName) {
		Element e = doc.createElementNS(ns,
				(prefix == null || prefix.isEmpty()) ? localName : prefix + ":" + localName);
		e.setAttributeNS(Ns.XMLNS, (prefix == null || prefix.isEmpty()) ? "xmlns" : "xmlns:" + prefix, ns);
		return e;
	}

	/** Gives an element a wsu:Id (declaring wsu on it) and registers it as an ID. */
	public static void wsuId(Element e, String id) {
		e.setAttributeNS(Ns.XMLNS, "xmlns:wsu", Ns.WSU);
		e.setAttributeNS(Ns.WSU, "wsu:Id", id);
		e.setIdAttributeNS(Ns.WSU, "Id", true);
	}

	/** The wsu:Id of an element, or null. */
	public static String wsuId(Element e) {
		Attr a = e.getAttributeNodeNS(Ns.WSU, "Id");
		return (a != null) ? a.getValue() : null;
	}

	/** The text of an element, trimmed. */
	public static String text(Element e) {
		return e.getTextContent().trim();
	}

}
