package dk.orghub.adapters.exports.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link Table} as CSV in UTF-8: a header line, then one line per row, lines
 * ended by CRLF; a field that contains the separator, a double quote, CR or LF is
 * enclosed in double quotes, with its double quotes doubled (RFC 4180). Dates are written
 * as {@code yyyy-MM-dd}; booleans as {@code true}/{@code false}. Thread-safe (no state
 * beyond the options).
 */
public final class CsvWriter {

	private static final String LINE_END = "\r\n";

	private final CsvOptions options;

	public CsvWriter(CsvOptions options) {
		this.options = Objects.requireNonNull(options, "options");
	}

	/** Writes the table to {@code out}; flushes but does not close the stream. */
	public void write(Table table, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		if (this.options.byteOrderMark()) {
			writer.write('\uFEFF');
		}
		line(writer, table.headers());
		for (List<Object> row : table.rows()) {
			line(writer, row);
		}
		writer.flush();
	}

	private void line(Writer writer, List<?> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(this.options.separator());
			}
			field(writer, text(cells.get(i)));
		}
		writer.write(LINE_END);
	}

	private String text(Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof BigDecimal decimal) {
			String plain = decimal.toPlainString();
			return this.options.decimalComma() ? plain.replace('.', ',') : plain;
		}
		if (cell instanceof Double || cell instanceof Float) {
			String plain = BigDecimal.valueOf(((Number) cell).doubleValue()).toPlainString();
			return this.options.decimalComma() ? plain.replace('.', ',') : plain;
		}
		if (cell instanceof LocalDate date) {
			return date.toString();
		}
		return cell.toString();
	}

	private void field(Writer writer, String value) throws IOException {
		if (!needsQuotes(value)) {
			writer.write(value);
			return;
		}
		writer.write('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				writer.write('"');
			}
			writer.write(c);
		}
		writer.write('"');
	}

	private boolean needsQuotes(String value) {
		char separator = this.options.separator();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == separator || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		return false;
	}

}
