package dk.orghub.adapters.exports.survey;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.Zips;
import dk.orghub.adapters.exports.table.CsvOptions;
import dk.orghub.adapters.exports.table.CsvParser;
import dk.orghub.adapters.exports.table.Table;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample municipality's survey written as XLSX and CSV, read back. */
class SurveyFilesTest {

	private final SurveyExporter exporter = new SurveyExporter(SampleEstate.of(1_500).store(), Clock.systemUTC());

	@ParameterizedTest
	@ValueSource(strings = { SurveyExportTest.REFERENCE_DATE, SurveyExportTest.EARLIER_DATE })
	void theWorkbookOpensWithPoiAndHoldsEveryCell(String date) throws IOException {
		ExportDocument document = this.exporter
			.export(LocalDate.parse(date), null, SurveyOptions.defaults().withAgeBand(true))
			.toDocument();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.write(ExportFormat.XLSX, CsvOptions.defaults(), out);

		assertThat(document.fileName(ExportFormat.XLSX)).isEqualTo("survey-" + date + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			for (int s = 0; s < 3; s++) {
				Table table = document.tables().get(s);
				Sheet sheet = workbook.getSheetAt(s);
				assertThat(sheet.getSheetName()).isEqualTo(table.name());
				assertThat(sheet.getLastRowNum()).isEqualTo(table.rows().size());
				assertThat(cells(sheet.getRow(0), table.headers().size())).isEqualTo(table.headers());
				for (int r = 0; r < table.rows().size(); r++) {
					assertThat(cells(sheet.getRow(r + 1), table.headers().size())).as("%s row %d", table.key(), r + 1)
						.isEqualTo(texts(table.rows().get(r)));
				}
			}
			assertThat(workbook.getSheet("Respondents").getRow(1).getCell(9).getStringCellValue()).isNotBlank();
			assertThat(workbook.getSheet("Units").getRow(1).getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { SurveyExportTest.REFERENCE_DATE, SurveyExportTest.EARLIER_DATE })
	void theCsvFilesParseBackToTheSameRows(String date) throws IOException {
		ExportDocument document = this.exporter.export(LocalDate.parse(date), null, SurveyOptions.defaults())
			.toDocument();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.write(ExportFormat.CSV, CsvOptions.defaults(), out);

		assertThat(document.fileName(ExportFormat.CSV)).isEqualTo("survey-" + date + ".zip");
		assertThat(document.contentType(ExportFormat.CSV)).isEqualTo("application/zip");
		Map<String, byte[]> files = Zips.unzip(out.toByteArray());
		assertThat(files).containsOnlyKeys("survey-" + date + "-units.csv", "survey-" + date + "-respondents.csv",
				"survey-" + date + "-data-quality.csv");
		for (Table table : document.tables()) {
			byte[] bytes = files.get("survey-" + date + "-" + table.key() + ".csv");
			assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
			List<List<String>> records = CsvParser.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8),
					';');
			assertThat(records).hasSize(table.rows().size() + 1);
			assertThat(records.get(0)).isEqualTo(table.headers());
			for (int r = 0; r < table.rows().size(); r++) {
				assertThat(records.get(r + 1)).isEqualTo(texts(table.rows().get(r)));
			}
		}

		ExportDocument respondents = document.only(SurveyExport.RESPONDENTS);
		ByteArrayOutputStream single = new ByteArrayOutputStream();
		respondents.write(ExportFormat.CSV, CsvOptions.defaults(), single);
		assertThat(respondents.fileName(ExportFormat.CSV)).isEqualTo("survey-" + date + "-respondents.csv");
		assertThat(respondents.contentType(ExportFormat.CSV)).isEqualTo("text/csv; charset=UTF-8");
		assertThat(single.toByteArray()).isEqualTo(files.get("survey-" + date + "-respondents.csv"));
	}

	/** The cells as text, the way the CSV writer writes them (decimal comma aside). */
	static List<String> texts(List<Object> row) {
		List<String> texts = new ArrayList<>();
		for (Object cell : row) {
			texts.add((cell == null) ? "" : cell.toString());
		}
		return texts;
	}

	static List<String> cells(Row row, int columns) {
		List<String> texts = new ArrayList<>();
		for (int c = 0; c < columns; c++) {
			Cell cell = row.getCell(c);
			if (cell == null) {
				texts.add("");
			}
			else if (cell.getCellType() == CellType.NUMERIC) {
				double value = cell.getNumericCellValue();
				texts.add((value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value));
			}
			else {
				texts.add(cell.getStringCellValue());
			}
		}
		return texts;
	}

}
