package dk.orghub.adapters.exports.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvWriterTest {

	static final Table TABLE = Table.builder("units", "Units", List.of("Name", "Opening hours", "Fraction", "From"))
		.row("Børnehuset Ærø", "Man-fre 7-17\nLør lukket", new BigDecimal("0.8649"), LocalDate.of(2024, 8, 1))
		.row("Team \"Pas\"; Kørekort", null, BigDecimal.ONE, null)
		.build();

	static byte[] write(Table table, CsvOptions options) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new CsvWriter(options).write(table, out);
		return out.toByteArray();
	}

	@Test
	void writesUtf8WithByteOrderMarkSemicolonsCrlfAndQuotesOnlyWhereNeeded() throws IOException {
		byte[] bytes = write(TABLE, CsvOptions.defaults());

		assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("Name;Opening hours;Fraction;From\r\n"
				+ "Børnehuset Ærø;\"Man-fre 7-17\nLør lukket\";0,8649;2024-08-01\r\n"
				+ "\"Team \"\"Pas\"\"; Kørekort\";;1;\r\n");
	}

	@Test
	void parsesBackToTheSameCells() throws IOException {
		byte[] bytes = write(TABLE, CsvOptions.defaults().withByteOrderMark(false));
		List<List<String>> records = CsvParser.parse(new String(bytes, StandardCharsets.UTF_8), ';');

		assertThat(records).containsExactly(List.of("Name", "Opening hours", "Fraction", "From"),
				List.of("Børnehuset Ærø", "Man-fre 7-17\nLør lukket", "0,8649", "2024-08-01"),
				List.of("Team \"Pas\"; Kørekort", "", "1", ""));
	}

	@Test
	void withoutTheByteOrderMarkAndWithAnotherSeparator() throws IOException {
		byte[] bytes = write(TABLE, new CsvOptions(',', false, false));

		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith("Name,Opening hours,Fraction,From\r\n").contains(",0.8649,");
		assertThat(CsvParser.parse(text, ',').get(2)).containsExactly("Team \"Pas\"; Kørekort", "", "1", "");
	}

	@Test
	void aCommaSeparatorWithDecimalCommasIsRefused() {
		assertThatThrownBy(() -> new CsvOptions(',', true, true)).hasMessageContaining("decimalComma");
		assertThatThrownBy(() -> new CsvOptions('"', true, false)).hasMessageContaining("separator");
	}

	@Test
	void theParserUsedByTheTestsRejectsWhatIsNotRfc4180() {
		assertThatThrownBy(() -> CsvParser.parse("a;b\n", ';')).hasMessageContaining("bare LF");
		assertThatThrownBy(() -> CsvParser.parse("a\"b\r\n", ';')).hasMessageContaining("quote inside");
		assertThatThrownBy(() -> CsvParser.parse("\"a\"b\r\n", ';')).hasMessageContaining("after a closing quote");
		assertThatThrownBy(() -> CsvParser.parse("a;b", ';')).hasMessageContaining("CRLF");
	}

}
