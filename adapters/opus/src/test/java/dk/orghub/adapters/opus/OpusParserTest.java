package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dk.orghub.adapters.opus.Dumps.employee;
import static dk.orghub.adapters.opus.Dumps.kmd;
import static dk.orghub.adapters.opus.Dumps.unit;
import static dk.orghub.adapters.opus.Dumps.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpusParserTest {

	@TempDir
	Path dir;

	@Test
	void readsRecordsWithTheirLinesAttributesAndFields() {
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml",
				kmd(unit("1", null, "Sample Kommune"), employee("100001", "0101801234", "1", "2020-01-01", null)));
		List<OpusRecord> records = new ArrayList<>();
		OpusParser.parse(file, records::add);
		assertThat(records).hasSize(2);
		assertThat(records.get(0).element()).isEqualTo("orgUnit");
		assertThat(records.get(0).line()).isEqualTo(3);
		assertThat(records.get(0).field("longName")).isEqualTo("Sample Kommune");
		assertThat(records.get(0).field("parentOrgUnit")).isNull();
		assertThat(records.get(1).id()).isEqualTo("100001");
		assertThat(records.get(1).field("cpr")).isEqualTo("0101801234");
		assertThat(records.get(1).field("leaveDate")).isNull();
	}

	@Test
	void keepsTheFieldsTheAdapterReadsAsWrittenAndSkipsTheRest() {
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml",
				"<?xml version=\"1.0\"?>\n<kmd>\n" + "<employee id=\" 7 \" action=\"leave\" client=\"x\">\n"
						+ "  <costCenter><code>12</code></costCenter>\n  <firstName>Anne</firstName>\n"
						+ "  <lastName> Hansen<!-- note --> Berg </lastName>\n  <lastName>Berg</lastName>\n"
						+ "  <address><protected/></address>\n  <city>Aarhus<x/> C</city>\n  <email/>\n"
						+ "</employee>\n</kmd>\n");
		List<OpusRecord> records = new ArrayList<>();
		OpusParser.parse(file, records::add);
		OpusRecord record = records.get(0);
		assertThat(record.id()).isEqualTo("7");
		assertThat(record.attribute("action")).isEqualTo("leave");
		assertThat(record.field("firstName")).isEqualTo("Anne");
		assertThat(record.field("lastName")).as("the last of a repeated element").isEqualTo("Berg");
		assertThat(record.field("email")).as("empty").isNull();
		assertThat(record.field("position")).as("absent").isNull();
		assertThat(record.nested("address")).isTrue();
		assertThat(record.field("address")).isNull();
		assertThat(record.nested("city")).isTrue();
		assertThat(record.field("city")).as("the element's own text").isEqualTo("Aarhus C");
		assertThat(record.nested("firstName")).isFalse();
		assertThatThrownBy(() -> record.field("costCenter")).as("a field the adapter does not read")
			.isInstanceOf(IllegalArgumentException.class);
		Path split = write(this.dir, "ZLPE20250102020000_delta.xml", "<?xml version=\"1.0\"?>\n<kmd>\n"
				+ "<orgUnit id=\"1\"><longName>Skole<!-- x -->n Syd</longName></orgUnit>\n</kmd>\n");
		records.clear();
		OpusParser.parse(split, records::add);
		assertThat(records.get(0).field("longName")).as("text around a comment").isEqualTo("Skolen Syd");
	}

	@Test
	void aTruncatedFileIsRejectedNamingTheLine() {
		String xml = kmd(unit("1", null, "Sample Kommune"), employee("100001", "0101801234", "1", "2020-01-01", null));
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml", xml.substring(0, xml.length() / 2));
		assertThatThrownBy(() -> OpusParser.parse(file, r -> {
		})).isInstanceOf(OpusFileException.class)
			.hasMessageContaining("not well-formed XML at line")
			.satisfies(ex -> assertThat(((OpusFileException) ex).line()).isPositive());
	}

	@Test
	void malformedXmlIsRejected() {
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml",
				"<?xml version=\"1.0\"?>\n<kmd>\n<orgUnit id=\"1\"><longName>A & B</longName></orgUnit>\n</kmd>\n");
		assertThatThrownBy(() -> OpusParser.parse(file, r -> {
		})).isInstanceOf(OpusFileException.class).hasMessageContaining("line 3");
	}

	@Test
	void externalEntitiesAreRefusedNotResolved() {
		Path secret = write(this.dir, "secret.txt", "TOP-SECRET");
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml",
				"<?xml version=\"1.0\"?>\n<!DOCTYPE kmd [<!ENTITY xxe SYSTEM \"" + secret.toUri()
						+ "\">]>\n<kmd><orgUnit id=\"1\"><longName>&xxe;</longName></orgUnit></kmd>\n");
		List<OpusRecord> records = new ArrayList<>();
		assertThatThrownBy(() -> OpusParser.parse(file, records::add)).isInstanceOf(OpusFileException.class)
			.hasMessageContaining("refused")
			.hasMessageNotContaining("TOP-SECRET");
		assertThat(records).isEmpty();
	}

	@Test
	void entityExpansionIsRefused() {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE kmd [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			doctype.append("<!ENTITY lol").append(i).append(" \"");
			for (int j = 0; j < 10; j++) {
				doctype.append("&lol").append((i > 1) ? i - 1 : "").append(';');
			}
			doctype.append("\">");
		}
		doctype.append("]>");
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml", "<?xml version=\"1.0\"?>\n" + doctype
				+ "\n<kmd><orgUnit id=\"1\"><longName>&lol9;</longName></orgUnit></kmd>\n");
		assertThatThrownBy(() -> OpusParser.parse(file, r -> {
		})).isInstanceOf(OpusFileException.class).hasMessageContaining("refused");
	}

	@Test
	void aFileWithAnotherRootIsRejected() {
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml", "<?xml version=\"1.0\"?>\n<payroll/>\n");
		assertThatThrownBy(() -> OpusParser.parse(file, r -> {
		})).isInstanceOf(OpusFileException.class).hasMessageContaining("root element must be <kmd>");
	}

}
