package dk.orghub.adapters.exports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One sheet of an export: a stable key, a display name, column headers and rows.
 * <p>
 * A cell is {@code null} (empty), a {@link String}, a {@link Number}, a
 * {@link java.time.LocalDate} or a {@link Boolean}; anything else is written with
 * {@link Object#toString()}. Immutable once built; rows may be large, so they are not
 * copied cell by cell.
 *
 * @param key stable identifier of the table, e.g. {@code respondents}; also the file name
 * of its CSV in a ZIP
 * @param name the name shown to people (the sheet name in XLSX)
 * @param headers the column headers
 * @param rows the rows, each with one cell per header
 */
public record Table(String key, String name, List<String> headers, List<List<Object>> rows) {

	public Table {
		if (key == null || !key.matches("[a-z][a-z0-9-]*")) {
			throw new IllegalArgumentException("table key must be lower-case letters, digits and dashes: " + key);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("table name is required");
		}
		headers = List.copyOf(headers);
		rows = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(rows, "rows")));
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).size() != headers.size()) {
				throw new IllegalArgumentException("row " + (i + 1) + " of table " + key + " has " + rows.get(i).size()
						+ " cells, expected " + headers.size());
			}
		}
	}

	/** A table built row by row. */
	public static Builder builder(String key, String name, List<String> headers) {
		return new Builder(key, name, headers);
	}

	/** Collects the rows of a {@link Table}. */
	public static final class Builder {

		private final String key;

		private final String name;

		private final List<String> headers;

		private final List<List<Object>> rows = new ArrayList<>();

		private Builder(String key, String name, List<String> headers) {
			this.key = key;
			this.name = name;
			this.headers = List.copyOf(headers);
		}

		/** Adds a row; {@code null} cells are allowed. */
		public Builder row(Object... cells) {
			if (cells.length != this.headers.size()) {
				throw new IllegalArgumentException("row has " + cells.length + " cells, expected " + this.headers.size()
						+ " for table " + this.key);
			}
			this.rows.add(Collections.unmodifiableList(Arrays.asList(cells.clone())));
			return this;
		}

		public Table build() {
			return new Table(this.key, this.name, this.headers, this.rows);
		}

	}

}
