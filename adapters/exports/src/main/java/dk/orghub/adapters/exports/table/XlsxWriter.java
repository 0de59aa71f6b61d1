package dk.orghub.adapters.exports.table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables as one XLSX workbook, one sheet per table, with Apache POI's streaming
 * workbook (a few hundred rows in memory at a time, the rest in temporary files that are
 * deleted afterwards). Each sheet has a bold, frozen header row with an auto-filter;
 * dates are date cells ({@code yyyy-mm-dd}), numbers numeric cells, booleans boolean
 * cells, everything else text (never a formula). Thread-safe (no state).
 */
public final class XlsxWriter {

	/** Longest text a cell holds (Excel's limit). */
	static final int MAX_CELL_LENGTH = 32_767;

	private static final int ROWS_IN_MEMORY = 200;

	private static final int ROWS_SAMPLED_FOR_WIDTH = 500;

	/** Writes the workbook to {@code out}; flushes but does not close the stream. */
	public void write(List<Table> tables, OutputStream out) throws IOException {
		if (tables.isEmpty()) {
			throw new IllegalArgumentException("an XLSX workbook needs at least one table");
		}
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle wrapped = workbook.createCellStyle();
			wrapped.setWrapText(true);
			Set<String> names = new HashSet<>();
			for (Table table : tables) {
				SXSSFSheet sheet = workbook.createSheet(uniqueName(table.name(), names));
				writeSheet(table, sheet, header, date, wrapped);
			}
			workbook.write(out);
			out.flush();
		}
	}

	private static void writeSheet(Table table, SXSSFSheet sheet, CellStyle headerStyle, CellStyle dateStyle,
			CellStyle wrappedStyle) {
		int columns = table.headers().size();
		setWidths(table, sheet);
		Row headerRow = sheet.createRow(0);
		for (int c = 0; c < columns; c++) {
			Cell cell = headerRow.createCell(c);
			cell.setCellValue(table.headers().get(c));
			cell.setCellStyle(headerStyle);
		}
		sheet.createFreezePane(0, 1);
		if (columns > 0) {
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, table.rows().size()), 0, columns - 1));
		}
		int r = 1;
		for (List<Object> values : table.rows()) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < columns; c++) {
				Object value = values.get(c);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(c);
				if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDate localDate) {
					cell.setCellValue(localDate);
					cell.setCellStyle(dateStyle);
				}
				else if (value instanceof Boolean bool) {
					cell.setCellValue(bool);
				}
				else {
					String text = value.toString();
					if (text.length() > MAX_CELL_LENGTH) {
						text = text.substring(0, MAX_CELL_LENGTH);
					}
					cell.setCellValue(text);
					if (text.indexOf('\n') >= 0) {
						cell.setCellStyle(wrappedStyle);
					}
				}
			}
		}
	}

	/** Column widths from the header and the first rows (auto-sizing is slow). */
	private static void setWidths(Table table, Sheet sheet) {
		int columns = table.headers().size();
		int[] widths = new int[columns];
		for (int c = 0; c < columns; c++) {
			widths[c] = table.headers().get(c).length();
		}
		int sampled = Math.min(ROWS_SAMPLED_FOR_WIDTH, table.rows().size());
		for (int r = 0; r < sampled; r++) {
			List<Object> row = table.rows().get(r);
			for (int c = 0; c < columns; c++) {
				Object value = row.get(c);
				int length = (value == null) ? 0 : (value instanceof LocalDate) ? 10 : longestLine(value.toString());
				widths[c] = Math.max(widths[c], length);
			}
		}
		for (int c = 0; c < columns; c++) {
			sheet.setColumnWidth(c, Math.min(60, Math.max(8, widths[c] + 2)) * 256);
		}
	}

	private static int longestLine(String text) {
		int longest = 0;
		for (String line : text.split("\n", -1)) {
			longest = Math.max(longest, line.length());
		}
		return longest;
	}

	/** A valid sheet name (31 characters, none of []:*?/\), unique in the workbook. */
	static String uniqueName(String name, Set<String> taken) {
		String safe = WorkbookUtil.createSafeSheetName(name, '_');
		String candidate = safe;
		int n = 2;
		while (!taken.add(candidate.toLowerCase(Locale.ROOT))) {
			String suffix = " (" + n++ + ")";
			candidate = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
		}
		return candidate;
	}

}
