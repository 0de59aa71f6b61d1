package dk.orghub.adapters.exports.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxWriterTest {

	@Test
	void writesOneSheetPerTableWithTypedCellsThatPoiReadsBack() throws IOException {
		Table units = Table.builder("units", "Units", List.of("Name", "Fraction", "From", "Open", "Empty"))
			.row("Børnehuset Ærø", new BigDecimal("0.8649"), LocalDate.of(2024, 8, 1), true, null)
			.row("=HYPERLINK(\"http://example\")", 3, null, false, null)
			.build();
		Table other = Table.builder("other", "Data: quality/[2025]?", List.of("A")).row("x").build();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new XlsxWriter().write(List.of(units, other), out);

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			Sheet sheet = workbook.getSheet("Units");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Name");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Børnehuset Ærø");
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(0.8649);
			assertThat(DateUtil.isCellDateFormatted(first.getCell(2))).isTrue();
			assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 8, 1));
			assertThat(first.getCell(3).getBooleanCellValue()).isTrue();
			assertThat(first.getCell(4)).isNull();
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(second.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(workbook.getSheetName(1)).isEqualTo("Data_ quality__2025__");
		}
	}

	@Test
	void sheetNamesAreMadeValidAndUnique() {
		Set<String> taken = new HashSet<>();

		assertThat(XlsxWriter.uniqueName("Units", taken)).isEqualTo("Units");
		assertThat(XlsxWriter.uniqueName("units", taken)).isEqualTo("units (2)");
		assertThat(XlsxWriter.uniqueName("A very long sheet name that Excel refuses", taken)).hasSize(31);
	}

}
