package dk.orghub.samples.opus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an {@link OpusDump} as an OPUS XML file, streaming, in UTF-8. */
public final class OpusDumpWriter {

	private static final String OPEN_END = "9999-12-31";

	private OpusDumpWriter() {
	}

	/** Writes the dump into {@code directory} under its own file name. */
	public static Path write(OpusDump dump, Path directory) {
		Path file = directory.resolve(dump.fileName());
		try (OutputStream out = Files.newOutputStream(file)) {
			write(dump, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	public static void write(OpusDump dump, OutputStream out) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("kmd");
			for (OpusUnitRecord unit : dump.units()) {
				unit(xml, dump.client(), unit);
			}
			for (OpusEmployeeRecord employee : dump.employees()) {
				employee(xml, dump.client(), employee);
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write OPUS dump " + dump.fileName(), ex);
		}
	}

	private static void unit(XMLStreamWriter xml, String client, OpusUnitRecord u) throws XMLStreamException {
		xml.writeCharacters("\n  ");
		xml.writeStartElement("orgUnit");
		xml.writeAttribute("id", u.id());
		xml.writeAttribute("client", client);
		xml.writeAttribute("lastChanged", date(u.lastChanged()));
		field(xml, "startDate", date(u.startDate()));
		field(xml, "endDate", (u.endDate() != null) ? date(u.endDate()) : OPEN_END);
		field(xml, "parentOrgUnit", u.parentId());
		field(xml, "shortName", u.shortName());
		field(xml, "longName", u.longName());
		field(xml, "street", u.street());
		field(xml, "zipCode", u.zipCode());
		field(xml, "city", u.city());
		field(xml, "phoneNumber", u.phoneNumber());
		field(xml, "cvrNr", u.cvrNr());
		field(xml, "eanNr", u.eanNr());
		field(xml, "seNr", u.seNr());
		field(xml, "pNr", u.pNr());
		field(xml, "costCenter", u.costCenter());
		field(xml, "orgType", u.orgType());
		field(xml, "orgTypeTxt", u.orgTypeTxt());
		xml.writeCharacters("\n  ");
		xml.writeEndElement();
	}

	private static void employee(XMLStreamWriter xml, String client, OpusEmployeeRecord e) throws XMLStreamException {
		xml.writeCharacters("\n  ");
		xml.writeStartElement("employee");
		xml.writeAttribute("id", e.id());
		xml.writeAttribute("client", client);
		xml.writeAttribute("lastChanged", date(e.lastChanged()));
		if (e.action() != null) {
			xml.writeAttribute("action", e.action());
		}
		field(xml, "entryDate", date(e.entryDate()));
		field(xml, "leaveDate", date(e.leaveDate()));
		xml.writeCharacters("\n    ");
		xml.writeStartElement("cpr");
		xml.writeAttribute("suppId", "0");
		xml.writeCharacters(e.cpr());
		xml.writeEndElement();
		field(xml, "firstName", e.firstName());
		field(xml, "lastName", e.lastName());
		field(xml, "email", e.email());
		field(xml, "workContract", e.workContract());
		field(xml, "workContractText", e.workContractText());
		field(xml, "positionId", e.positionId());
		field(xml, "position", e.position());
		field(xml, "isManager", Boolean.toString(e.isManager()));
		field(xml, "superiorLevel", e.superiorLevel());
		field(xml, "subordinateLevel", e.subordinateLevel());
		field(xml, "orgUnit", e.orgUnit());
		field(xml, "numerator", Integer.toString(e.numerator()));
		field(xml, "denominator", Integer.toString(e.denominator()));
		xml.writeCharacters("\n  ");
		xml.writeEndElement();
	}

	private static void field(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeCharacters("\n    ");
		if (value == null || value.isEmpty()) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static String date(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
