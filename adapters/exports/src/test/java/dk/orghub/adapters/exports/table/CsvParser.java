package dk.orghub.adapters.exports.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests: fields separated by one character, records ended by
 * CRLF, quoted fields with doubled quotes; fails on anything else (a bare LF, a quote
 * inside an unquoted field, text after a closing quote).
 */
public final class CsvParser {

	private CsvParser() {
	}

	public static List<List<String>> parse(String text, char separator) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		int n = text.length();
		if (n == 0) {
			return records;
		}
		while (i < n) {
			char c = text.charAt(i);
			if (c == '"' && field.isEmpty()) {
				i++;
				while (true) {
					if (i >= n) {
						throw new IllegalArgumentException(
								"unterminated quoted field at record " + (records.size() + 1));
					}
					char q = text.charAt(i);
					if (q == '"') {
						if (i + 1 < n && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(q);
					i++;
				}
				if (i < n && text.charAt(i) != separator && text.charAt(i) != '\r') {
					throw new IllegalArgumentException("text after a closing quote at record " + (records.size() + 1));
				}
				continue;
			}
			if (c == separator) {
				record.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (c == '\r') {
				if (i + 1 >= n || text.charAt(i + 1) != '\n') {
					throw new IllegalArgumentException("CR without LF at record " + (records.size() + 1));
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i += 2;
			}
			else if (c == '\n') {
				throw new IllegalArgumentException("bare LF at record " + (records.size() + 1));
			}
			else if (c == '"') {
				throw new IllegalArgumentException("quote inside an unquoted field at record " + (records.size() + 1));
			}
			else {
				field.append(c);
				i++;
			}
		}
		if (!record.isEmpty() || !field.isEmpty()) {
			throw new IllegalArgumentException("last record is not ended by CRLF");
		}
		return records;
	}

}
