package dk.orghub.adapters.exports;

import java.util.Locale;

/** The file formats an export is written in. */
public enum ExportFormat {

	/** One workbook, one sheet per table. */
	XLSX,

	/**
	 * Semicolon-separated UTF-8 text: one file when the export has one table, else a ZIP
	 * of one CSV file per table.
	 */
	CSV;

	/**
	 * The format named {@code xlsx} or {@code csv}, in any case.
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static ExportFormat parse(String value) {
		if (value != null) {
			for (ExportFormat format : values()) {
				if (format.name().equalsIgnoreCase(value.trim())) {
					return format;
				}
			}
		}
		throw new IllegalArgumentException("format must be xlsx or csv, was " + value);
	}

	/** The lower-case name used in URLs and configuration. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
