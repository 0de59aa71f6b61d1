package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes many rows into one table inside the caller's transaction, the fastest way the
 * database offers: the store's rows and identity bindings, the targets' outbox and a
 * run's change log all go through it. A row is given as its values ({@link RowValues}),
 * so that one description of a table serves both ways of writing.
 */
public final class BulkInsert {

	private BulkInsert() {
	}

	/**
	 * At most this many parameters in one multi-row INSERT (PostgreSQL takes at most
	 * 65,535 a statement).
	 */
	static final int INSERT_PARAMETERS = 4000;

	/**
	 * From this many rows on, a write into one table on PostgreSQL goes through
	 * {@code COPY FROM STDIN} ({@link PgCopy}) instead of multi-row INSERTs.
	 */
	static final int COPY_ROWS = 500;

	/**
	 * UUIDs in the order H2 and PostgreSQL keep them in an index: as unsigned 128-bit
	 * numbers (unlike {@link UUID#compareTo}, which compares signed halves). Many rows
	 * written in this order of an indexed UUID column extend that index at one place
	 * instead of touching nearly every page of it.
	 */
	public static final Comparator<UUID> UUID_ORDER = (a, b) -> {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return (high != 0) ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	/** Set when PostgreSQL is reached through another driver than pgjdbc. */
	private static volatile boolean noPgCopy;

	/**
	 * A table's columns as a write fills them: their names and JDBC types (the type binds
	 * a NULL).
	 */
	public record Columns(String table, List<String> names, int[] sqlTypes) {

		public Columns {
			names = List.copyOf(names);
			sqlTypes = sqlTypes.clone();
			if (names.size() != sqlTypes.length) {
				throw new IllegalArgumentException(names.size() + " columns with " + sqlTypes.length + " types");
			}
		}

		int size() {
			return this.names.size();
		}

		String list() {
			return String.join(", ", this.names);
		}

	}

	/**
	 * One row's values, in the order of the columns, written into {@code values} (of the
	 * columns' size, reused from row to row). A value is null, a {@link String},
	 * {@link UUID}, {@link LocalDate}, {@link OffsetDateTime}, {@link Boolean},
	 * {@link Long}, {@link Integer} or {@link java.math.BigDecimal}: the types both
	 * {@link PreparedStatement#setObject} and {@link CopyText} write.
	 */
	@FunctionalInterface
	public interface RowValues<R> {

		void values(R row, Object[] values);

	}

	/**
	 * Inserts the rows inside the caller's transaction: with PostgreSQL's COPY from
	 * {@link #COPY_ROWS} rows on when the connection is PostgreSQL's driver's, else with
	 * multi-row INSERT statements ({@code VALUES (...), (...)}), as many rows a statement
	 * as {@link #INSERT_PARAMETERS} allows (on H2 and PostgreSQL alike several times
	 * faster than a JDBC batch of one-row INSERTs).
	 */
	public static <R> void insert(Connection c, Columns columns, List<R> rows, RowValues<R> values)
			throws SQLException {
		if (rows.size() >= COPY_ROWS && copies(c)) {
			PgCopy.copy(c, columns, rows, values);
		}
		else {
			insertStatements(c, columns, rows, values);
		}
	}

	/**
	 * Whether {@link #insert} writes large writes on this connection with COPY: on
	 * PostgreSQL through its own driver. {@link PgCopy} is loaded only then, so the store
	 * needs no PostgreSQL driver on H2.
	 */
	static boolean copies(Connection c) throws SQLException {
		if (noPgCopy || !"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
			return false;
		}
		try {
			return PgCopy.available(c);
		}
		catch (LinkageError ex) {
			noPgCopy = true;
			return false;
		}
	}

	private static <R> void insertStatements(Connection c, Columns columns, List<R> rows, RowValues<R> values)
			throws SQLException {
		int width = columns.size();
		int perStatement = Math.max(1, INSERT_PARAMETERS / width);
		String insert = "INSERT INTO " + columns.table() + " (" + columns.list() + ") VALUES ";
		String marks = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
		Object[] row = new Object[width];
		PreparedStatement full = null;
		try {
			for (int start = 0; start < rows.size(); start += perStatement) {
				int count = Math.min(perStatement, rows.size() - start);
				String sql = insert + String.join(", ", Collections.nCopies(count, marks));
				PreparedStatement ps;
				if (count == perStatement) {
					if (full == null) {
						full = c.prepareStatement(sql);
					}
					ps = full;
				}
				else {
					ps = c.prepareStatement(sql);
				}
				try {
					for (int i = 0; i < count; i++) {
						values.values(rows.get(start + i), row);
						bind(ps, 1 + i * width, row, columns.sqlTypes());
					}
					ps.executeUpdate();
				}
				finally {
					if (ps != full) {
						ps.close();
					}
				}
			}
		}
		finally {
			if (full != null) {
				full.close();
			}
		}
	}

	private static void bind(PreparedStatement ps, int index, Object[] row, int[] sqlTypes) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			if (row[i] == null) {
				ps.setNull(index + i, sqlTypes[i]);
			}
			else {
				ps.setObject(index + i, row[i]);
			}
		}
	}

}
