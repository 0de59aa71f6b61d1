package dk.orghub.adapters.opus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;

import dk.orghub.core.xml.SecureXml;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPUS dump as a stream (StAX): one {@link OpusRecord} at a time, so a dump of
 * any size needs memory only for the record being read. Secure: a DTD is refused (so
 * neither external entities nor entity expansion can happen), external entities and
 * external DTDs are off in the factory too, and nothing is fetched from the network.
 */
final class OpusParser {

	private static final XMLInputFactory FACTORY = secureFactory();

	private OpusParser() {
	}

	static XMLInputFactory secureFactory() {
		return SecureXml.inputFactory();
	}

	/**
	 * Parses the file, giving each record to {@code records} in file order.
	 * @throws OpusFileException when the file is not a well-formed OPUS dump
	 */
	static void parse(Path file, Consumer<OpusRecord> records) {
		try (InputStream in = Files.newInputStream(file)) {
			XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
			try {
				read(file, xml, records);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			Location location = ex.getLocation();
			int line = (location != null) ? location.getLineNumber() : -1;
			throw new OpusFileException(file, line,
					"not well-formed XML" + ((line > 0) ? " at line " + line : "") + ": " + cleanMessage(ex), ex);
		}
		catch (IOException ex) {
			throw new OpusFileException(file, -1, "cannot read the file: " + ex.getMessage(), ex);
		}
	}

	private static void read(Path file, XMLStreamReader xml, Consumer<OpusRecord> records) throws XMLStreamException {
		int depth = 0;
		boolean rootSeen = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.DTD) {
				throw new OpusFileException(file, xml.getLocation().getLineNumber(),
						"a DOCTYPE (DTD) at line " + xml.getLocation().getLineNumber()
								+ " is refused: OPUS dumps have none, and entities are never resolved");
			}
			if (event == XMLStreamConstants.ENTITY_REFERENCE) {
				throw new OpusFileException(file, xml.getLocation().getLineNumber(), "the entity reference &"
						+ xml.getLocalName() + "; at line " + xml.getLocation().getLineNumber() + " is refused");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (depth == 0) {
					if (rootSeen || !"kmd".equals(xml.getLocalName())) {
						throw new OpusFileException(file, xml.getLocation().getLineNumber(),
								"the root element must be <kmd>, was <" + xml.getLocalName() + ">");
					}
					rootSeen = true;
					depth = 1;
				}
				else if (OpusRecord.ORG_UNIT.equals(xml.getLocalName())
						|| OpusRecord.EMPLOYEE.equals(xml.getLocalName())) {
					records.accept(record(file, xml));
				}
				else {
					skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth = 0;
			}
		}
		if (!rootSeen) {
			throw new OpusFileException(file, -1, "the file has no <kmd> root element");
		}
	}

	private static OpusRecord record(Path file, XMLStreamReader xml) throws XMLStreamException {
		OpusRecord.Builder record = new OpusRecord.Builder(xml.getLocalName(), xml.getLocation().getLineNumber());
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			int slot = OpusRecord.attributeSlot(xml.getAttributeLocalName(i));
			if (slot >= 0) {
				record.set(slot, xml.getAttributeValue(i), false);
			}
		}
		boolean[] nested = new boolean[1];
		while (true) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				int slot = OpusRecord.fieldSlot(xml.getLocalName());
				nested[0] = false;
				String text = text(file, xml, nested, slot >= 0);
				if (slot >= 0) {
					record.set(slot, text, nested[0]);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				return record.build();
			}
			else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
				throw new OpusFileException(file, xml.getLocation().getLineNumber(), "the entity reference &"
						+ xml.getLocalName() + "; at line " + xml.getLocation().getLineNumber() + " is refused");
			}
		}
	}

	/**
	 * The text of a simple element; nested elements are skipped, and {@code nested} says
	 * whether there were any (a protected value has children instead of text). An element
	 * the adapter does not read ({@code keep} false) is read through for its checks only,
	 * and gives {@code null}.
	 */
	private static String text(Path file, XMLStreamReader xml, boolean[] nested, boolean keep)
			throws XMLStreamException {
		String first = null;
		StringBuilder more = null;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (depth == 1 && keep) {
						if (first == null) {
							first = xml.getText();
						}
						else {
							more = (more != null) ? more : new StringBuilder(first);
							more.append(xml.getText());
						}
					}
				}
				case XMLStreamConstants.START_ELEMENT -> {
					depth++;
					nested[0] = true;
				}
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.ENTITY_REFERENCE ->
					throw new OpusFileException(file, xml.getLocation().getLineNumber(), "the entity reference &"
							+ xml.getLocalName() + "; at line " + xml.getLocation().getLineNumber() + " is refused");
				default -> {
				}
			}
		}
		if (!keep) {
			return null;
		}
		return (more != null) ? more.toString() : ((first != null) ? first : "");
	}

	private static void skip(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	private static String cleanMessage(XMLStreamException ex) {
		String message = ex.getMessage();
		if (message == null) {
			return ex.getClass().getSimpleName();
		}
		int index = message.indexOf("Message: ");
		return (index >= 0) ? message.substring(index + "Message: ".length()) : message;
	}

}
