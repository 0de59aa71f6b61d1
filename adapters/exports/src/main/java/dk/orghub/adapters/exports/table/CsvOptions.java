package dk.orghub.adapters.exports.table;

/**
 * How CSV files are written.
 *
 * @param separator the field separator; {@code ;} by default, as Danish spreadsheets
 * expect (the comma is their decimal separator)
 * @param byteOrderMark whether the file starts with the UTF-8 byte order mark; on by
 * default, because Excel reads a CSV file without it in the Windows code page and garbles
 * æ, ø and å
 * @param decimalComma whether decimal numbers are written with a comma ({@code 0,8649}),
 * as Danish spreadsheets read them; on by default
 */
public record CsvOptions(char separator, boolean byteOrderMark, boolean decimalComma) {

	public CsvOptions {
		if (separator == '"' || separator == '\r' || separator == '\n') {
			throw new IllegalArgumentException("CSV separator must not be a quote or a line break");
		}
		if (decimalComma && separator == ',') {
			throw new IllegalArgumentException("CSV with a comma separator needs decimalComma=false");
		}
	}

	/** Semicolon-separated, with the byte order mark and decimal commas. */
	public static CsvOptions defaults() {
		return new CsvOptions(';', true, true);
	}

	public CsvOptions withByteOrderMark(boolean byteOrderMark) {
		return new CsvOptions(this.separator, byteOrderMark, this.decimalComma);
	}

}
