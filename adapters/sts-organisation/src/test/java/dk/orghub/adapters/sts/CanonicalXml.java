package dk.orghub.adapters.sts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * XML as namespace URIs, local names, attributes and text, without prefixes or namespace
 * declarations: two documents equal in meaning give the same text, and a difference shows
 * where it is.
 */
final class CanonicalXml {

	private CanonicalXml() {
	}

	static String of(String xml) throws Exception {
		DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
		dbf.setNamespaceAware(true);
		Element root = dbf.newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
			.getDocumentElement();
		StringBuilder out = new StringBuilder();
		write(root, out);
		return out.toString();
	}

	private static void write(Element e, StringBuilder out) {
		out.append('<').append('{').append(e.getNamespaceURI()).append('}').append(e.getLocalName());
		TreeMap<String, String> attributes = new TreeMap<>();
		NamedNodeMap map = e.getAttributes();
		for (int i = 0; i < map.getLength(); i++) {
			Attr a = (Attr) map.item(i);
			if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
				String value = a.getValue();
				int colon = value.indexOf(':');
				if (a.getLocalName().equals("type") && colon > 0) {
					value = "{" + e.lookupNamespaceURI(value.substring(0, colon)) + "}" + value.substring(colon + 1);
				}
				attributes.put("{" + a.getNamespaceURI() + "}" + a.getLocalName(), value);
			}
		}
		out.append(attributes).append('>');
		for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element child) {
				write(child, out);
			}
			else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
				out.append(n.getNodeValue());
			}
		}
		out.append("</>");
	}

}
