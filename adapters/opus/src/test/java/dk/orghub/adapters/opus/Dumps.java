package dk.orghub.adapters.opus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-written OPUS dumps for the tests. */
final class Dumps {

	static final String CVR = "29189919";

	private Dumps() {
	}

	static String unit(String id, String parent, String name) {
		return unit(id, parent, name, "2020-01-01", "9999-12-31");
	}

	static String unit(String id, String parent, String name, String start, String end) {
		return "  <orgUnit id=\"" + id + "\" client=\"999\" lastChanged=\"2024-12-01\">\n" + "    <startDate>" + start
				+ "</startDate>\n    <endDate>" + end + "</endDate>\n    <parentOrgUnit>"
				+ ((parent != null) ? parent : "") + "</parentOrgUnit>\n    <shortName>S" + id
				+ "</shortName>\n    <longName>" + name
				+ "</longName>\n    <street>Skolevej 1</street>\n    <zipCode>9991</zipCode>\n    <city>Sampleby</city>\n"
				+ "    <phoneNumber>70 10 20 30</phoneNumber>\n    <cvrNr>00000000</cvrNr>\n    <eanNr>123</eanNr>\n"
				+ "    <seNr/>\n    <pNr>1003456789</pNr>\n    <costCenter/>\n    <orgType>NY2</orgType>\n"
				+ "    <orgTypeTxt>Afdeling</orgTypeTxt>\n  </orgUnit>\n";
	}

	static String employee(String id, String cpr, String unit, String entry, String leave) {
		return employee(id, cpr, unit, entry, leave, "Månedslønnet", "37", false, null);
	}

	static String employee(String id, String cpr, String unit, String entry, String leave, String contract,
			String hours, boolean manager, String action) {
		return "  <employee id=\"" + id + "\" client=\"999\" lastChanged=\"2024-12-01\""
				+ ((action != null) ? " action=\"" + action + "\"" : "") + ">\n    <entryDate>" + entry
				+ "</entryDate>\n    <leaveDate>" + ((leave != null) ? leave : "") + "</leaveDate>\n"
				+ "    <cpr suppId=\"0\">" + cpr + "</cpr>\n    <firstName>Anne</firstName>\n"
				+ "    <lastName>Jensen</lastName>\n    <workContract>01</workContract>\n    <workContractText>"
				+ contract
				+ "</workContractText>\n    <positionId>1010</positionId>\n    <position>Pædagog</position>\n"
				+ "    <isManager>" + manager + "</isManager>\n    <superiorLevel>" + (manager ? "3" : "")
				+ "</superiorLevel>\n    <subordinateLevel/>\n    <orgUnit>" + unit + "</orgUnit>\n    <numerator>"
				+ hours + "</numerator>\n    <denominator>37</denominator>\n  </employee>\n";
	}

	static String kmd(String... records) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kmd>\n" + String.join("", records) + "</kmd>\n";
	}

	static Path write(Path dir, String name, String xml) {
		try {
			Files.createDirectories(dir);
			return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
