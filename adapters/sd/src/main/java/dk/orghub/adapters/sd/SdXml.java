package dk.orghub.adapters.sd;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;

import dk.orghub.core.xml.SecureXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an SD answer as a stream (StAX): each record element ({@code Department},
 * {@code Person}, {@code Organization}) is built as a small {@link SdNode} tree and
 * handed on, so an answer of any size needs memory only for one record. Secure: a DTD is
 * refused (so neither external entities nor entity expansion can happen), external
 * entities and DTDs are off in the factory, and nothing is fetched.
 */
final class SdXml {

	private static final XMLInputFactory FACTORY = secureFactory();

	private SdXml() {
	}

	static XMLInputFactory secureFactory() {
		return SecureXml.inputFactory();
	}

	/**
	 * Parses the answer of {@code operation}, giving every element named in
	 * {@code records} (at any depth below the root, not nested in another record) to
	 * {@code sink}.
	 * @throws SdFormatException naming the operation and the line
	 */
	static void parse(String operation, InputStream in, Set<String> records, Consumer<SdNode> sink) {
		try {
			XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
			try {
				read(operation, xml, records, sink);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			Location location = ex.getLocation();
			throw new SdFormatException(
					operation + ": the answer is not well-formed XML" + at(location) + ": " + cleanMessage(ex), ex);
		}
	}

	private static void read(String operation, XMLStreamReader xml, Set<String> records, Consumer<SdNode> sink)
			throws XMLStreamException {
		int depth = 0;
		boolean rootSeen = false;
		while (xml.hasNext()) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.DTD -> throw new SdFormatException(operation + ": a DOCTYPE (DTD) at "
						+ position(xml.getLocation()) + " is refused: entities are never resolved");
				case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(operation, xml);
				case XMLStreamConstants.START_ELEMENT -> {
					if (depth == 0) {
						if (rootSeen) {
							throw new SdFormatException(
									operation + ": a second root element at " + position(xml.getLocation()));
						}
						rootSeen = true;
						if (!xml.getLocalName().equals(operation)) {
							throw new SdFormatException(operation + ": the answer's root element is <"
									+ xml.getLocalName() + ">, not <" + operation + ">");
						}
						depth = 1;
					}
					else if (records.contains(xml.getLocalName())) {
						sink.accept(node(operation, xml));
					}
					else {
						depth++;
					}
				}
				case XMLStreamConstants.END_ELEMENT -> depth--;
				default -> {
				}
			}
		}
		if (!rootSeen) {
			throw new SdFormatException(operation + ": the answer is empty");
		}
	}

	private static SdNode node(String operation, XMLStreamReader xml) throws XMLStreamException {
		Deque<Builder> stack = new ArrayDeque<>();
		stack.push(new Builder(xml.getLocalName(), xml.getLocation().getLineNumber()));
		while (true) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.START_ELEMENT ->
					stack.push(new Builder(xml.getLocalName(), xml.getLocation().getLineNumber()));
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					stack.peek().text.append(xml.getText());
				case XMLStreamConstants.ENTITY_REFERENCE -> throw entity(operation, xml);
				case XMLStreamConstants.END_ELEMENT -> {
					Builder done = stack.pop();
					SdNode node = new SdNode(done.name, done.line, done.text.toString().trim(), done.children);
					if (stack.isEmpty()) {
						return node;
					}
					stack.peek().children.add(node);
				}
				default -> {
				}
			}
		}
	}

	private static SdFormatException entity(String operation, XMLStreamReader xml) {
		return new SdFormatException(operation + ": the entity reference &" + xml.getLocalName() + "; at "
				+ position(xml.getLocation()) + " is refused");
	}

	/**
	 * Where in the answer: line and column (SD answers on one line, so the column says
	 * where).
	 */
	private static String position(Location location) {
		return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
	}

	private static String at(Location location) {
		return (location != null && location.getLineNumber() > 0) ? " at " + position(location) : "";
	}

	private static String cleanMessage(XMLStreamException ex) {
		String message = ex.getMessage();
		if (message == null) {
			return ex.getClass().getSimpleName();
		}
		int index = message.indexOf("Message: ");
		return (index >= 0) ? message.substring(index + "Message: ".length()) : message;
	}

	private static final class Builder {

		private final String name;

		private final int line;

		private final StringBuilder text = new StringBuilder();

		private final List<SdNode> children = new ArrayList<>();

		Builder(String name, int line) {
			this.name = name;
			this.line = line;
		}

	}

}
