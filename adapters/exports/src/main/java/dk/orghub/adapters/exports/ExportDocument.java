package dk.orghub.adapters.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dk.orghub.adapters.exports.table.CsvOptions;
import dk.orghub.adapters.exports.table.CsvWriter;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.adapters.exports.table.XlsxWriter;

/**
 * A finished export: a file base name and its tables, ready to be written as XLSX or CSV.
 * As CSV, a document of one table is one CSV file and a document of several a ZIP of one
 * CSV file per table, named by the tables' keys.
 *
 * @param baseName the file name without extension, e.g. {@code survey-2025-01-01}
 * @param tables the tables, in the order they are written
 */
public record ExportDocument(String baseName, List<Table> tables) {

	public ExportDocument {
		if (baseName == null || !baseName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
			throw new IllegalArgumentException("baseName must be letters, digits, dots, dashes and underscores");
		}
		tables = List.copyOf(tables);
		if (tables.isEmpty()) {
			throw new IllegalArgumentException("an export needs at least one table");
		}
		Set<String> keys = new HashSet<>();
		for (Table table : tables) {
			if (!keys.add(table.key())) {
				throw new IllegalArgumentException("table key " + table.key() + " is used twice");
			}
		}
	}

	/** The table with this key. */
	public Table table(String key) {
		return this.tables.stream()
			.filter(t -> t.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no table '" + key + "'; tables are " + keys()));
	}

	/** The tables' keys, in order. */
	public List<String> keys() {
		return this.tables.stream().map(Table::key).toList();
	}

	/**
	 * This document with only the table of this key, named {@code baseName-key} (for a
	 * single CSV file).
	 * @throws IllegalArgumentException naming the keys there are
	 */
	public ExportDocument only(String key) {
		return new ExportDocument(this.baseName + "-" + key, List.of(table(key)));
	}

	/** Whether this document is written as a ZIP in {@code format}. */
	public boolean zipped(ExportFormat format) {
		return format == ExportFormat.CSV && this.tables.size() > 1;
	}

	/** The file name to offer for download or to write in a folder. */
	public String fileName(ExportFormat format) {
		return this.baseName + "." + extension(format);
	}

	public String extension(ExportFormat format) {
		return (format == ExportFormat.XLSX) ? "xlsx" : zipped(format) ? "zip" : "csv";
	}

	/** The media type of the file (with the charset for CSV). */
	public String contentType(ExportFormat format) {
		if (format == ExportFormat.XLSX) {
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		return zipped(format) ? "application/zip" : "text/csv; charset=UTF-8";
	}

	/** Writes the document; flushes but does not close {@code out}. */
	public void write(ExportFormat format, CsvOptions csv, OutputStream out) throws IOException {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(out, "out");
		if (format == ExportFormat.XLSX) {
			new XlsxWriter().write(this.tables, out);
			return;
		}
		CsvWriter writer = new CsvWriter(Objects.requireNonNull(csv, "csv"));
		if (!zipped(format)) {
			writer.write(this.tables.get(0), out);
			return;
		}
		ZipOutputStream zip = new ZipOutputStream(out);
		for (Table table : this.tables) {
			zip.putNextEntry(new ZipEntry(this.baseName + "-" + table.key() + ".csv"));
			writer.write(table, zip);
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
	}

	/** The number of data rows of every table together. */
	public int rowCount() {
		return this.tables.stream().mapToInt(t -> t.rows().size()).sum();
	}

	@Override
	public String toString() {
		return "ExportDocument[" + this.baseName + ": "
				+ this.tables.stream().map(t -> t.key() + "=" + t.rows().size()).collect(Collectors.joining(", "))
				+ "]";
	}

}
