package dk.orghub.adapters.sd;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdXmlTest {

	private static List<SdNode> parse(String operation, String xml, String... records) {
		List<SdNode> result = new ArrayList<>();
		SdXml.parse(operation, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Set.of(records),
				result::add);
		return result;
	}

	@Test
	void readsEachRecordAsASmallTreeWithLinesAndText() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<GetDepartment20111201>
				  <InstitutionIdentifier>XY</InstitutionIdentifier>
				  <Department>
				    <DepartmentIdentifier> D1 </DepartmentIdentifier>
				    <DepartmentName>Skole &amp; SFO</DepartmentName>
				    <PostalAddress><PostalCode>8000</PostalCode></PostalAddress>
				  </Department>
				  <Department><DepartmentIdentifier>D2</DepartmentIdentifier></Department>
				</GetDepartment20111201>
				""";
		List<SdNode> departments = parse("GetDepartment20111201", xml, "Department");
		assertThat(departments).hasSize(2);
		assertThat(departments.get(0).line()).isEqualTo(4);
		assertThat(departments.get(0).text("DepartmentIdentifier")).isEqualTo("D1");
		assertThat(departments.get(0).text("DepartmentName")).isEqualTo("Skole & SFO");
		assertThat(departments.get(0).child("PostalAddress").text("PostalCode")).isEqualTo("8000");
		assertThat(departments.get(0).text("Missing")).isNull();
		assertThat(departments.get(1).text("DepartmentIdentifier")).isEqualTo("D2");
	}

	@Test
	void aTruncatedOneLineAnswerIsRefusedWithTheOperationAndColumn() {
		String xml = "<?xml version=\"1.0\"?><GetPerson20111201><Person><PersonGivenName>Anna";
		assertThatThrownBy(() -> parse("GetPerson20111201", xml, "Person")).isInstanceOf(SdFormatException.class)
			.hasMessageContaining("GetPerson20111201")
			.hasMessageMatching("(?s).*not well-formed XML at line 1, column \\d+.*");
	}

	@Test
	void aTruncatedAnswerIsRefusedWithTheOperationAndLine() {
		String xml = "<?xml version=\"1.0\"?>\n<GetPerson20111201>\n<Person>\n<PersonGivenName>Anna";
		assertThatThrownBy(() -> parse("GetPerson20111201", xml, "Person")).isInstanceOf(SdFormatException.class)
			.hasMessageContaining("GetPerson20111201")
			.hasMessageContaining("not well-formed XML at line 4");
	}

	@Test
	void malformedXmlIsRefused() {
		String xml = "<GetPerson20111201><Person><A>1</B></Person></GetPerson20111201>";
		assertThatThrownBy(() -> parse("GetPerson20111201", xml, "Person")).isInstanceOf(SdFormatException.class)
			.hasMessageContaining("not well-formed XML");
	}

	@Test
	void externalEntitiesAreRefusedNotResolved() {
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE GetPerson20111201 [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<GetPerson20111201><Person><PersonGivenName>&secret;</PersonGivenName></Person></GetPerson20111201>
				""";
		assertThatThrownBy(() -> parse("GetPerson20111201", xml, "Person")).isInstanceOf(SdFormatException.class)
			.hasMessageContaining("DOCTYPE")
			.hasMessageNotContaining("root:");
	}

	@Test
	void entityExpansionIsRefused() {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
		for (int i = 1; i <= 9; i++) {
			xml.append("<!ENTITY lol").append(i).append(" \"");
			xml.append(("&lol" + ((i == 1) ? "" : (i - 1)) + ";").repeat(10)).append("\">\n");
		}
		xml.append(
				"]>\n<GetPerson20111201><Person><PersonGivenName>&lol9;</PersonGivenName></Person></GetPerson20111201>");
		assertThatThrownBy(() -> parse("GetPerson20111201", xml.toString(), "Person"))
			.isInstanceOf(SdFormatException.class)
			.hasMessageContaining("refused");
	}

	@Test
	void anAnswerToAnotherOperationIsRefused() {
		assertThatThrownBy(() -> parse("GetPerson20111201", "<Fault><faultstring>x</faultstring></Fault>", "Person"))
			.isInstanceOf(SdFormatException.class)
			.hasMessageContaining("root element is <Fault>");
	}

	@Test
	void anAnswerToAnOperationWithTheSamePrefixIsRefused() {
		assertThatThrownBy(() -> parse("GetEmployment20111201",
				"<GetEmploymentChanged20111201><Person></Person></GetEmploymentChanged20111201>", "Person"))
			.isInstanceOf(SdFormatException.class)
			.hasMessageContaining("root element is <GetEmploymentChanged20111201>, not <GetEmployment20111201>");
	}

	@Test
	void anEmptyAnswerIsRefused() {
		assertThatThrownBy(() -> parse("GetPerson20111201", "", "Person")).isInstanceOf(SdFormatException.class)
			.hasMessageContaining("GetPerson20111201");
	}

}
