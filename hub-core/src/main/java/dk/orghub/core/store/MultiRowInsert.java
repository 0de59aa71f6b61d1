package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Inserts rows with multi-row INSERT statements ({@code VALUES (...), (...)}): on H2 and
 * PostgreSQL alike several times faster than a JDBC batch of one-row INSERTs. The store
 * writes its rows with it; the application writes its own bulk rows (a run's change log)
 * the same way.
 */
public final class MultiRowInsert {

	/**
	 * At most this many parameters in one statement (PostgreSQL takes at most 65,535 a
	 * statement).
	 */
	static final int PARAMETERS = 4000;

	private MultiRowInsert() {
	}

	/** Binds one row's values from {@code index} on. */
	@FunctionalInterface
	public interface RowBinder<R> {

		void bind(PreparedStatement ps, int index, R row) throws SQLException;

	}

	/**
	 * Inserts the rows on the connection (in its transaction, if it has one), as many
	 * rows a statement as {@link #PARAMETERS} allows.
	 * @param insert {@code INSERT INTO table (columns) VALUES}
	 * @param columns the number of columns
	 */
	public static <R> void insert(Connection c, String insert, int columns, List<R> rows, RowBinder<R> binder)
			throws SQLException {
		int perStatement = Math.max(1, PARAMETERS / columns);
		String marks = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
		PreparedStatement full = null;
		try {
			for (int start = 0; start < rows.size(); start += perStatement) {
				int count = Math.min(perStatement, rows.size() - start);
				String sql = insert + " " + String.join(", ", Collections.nCopies(count, marks));
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
						binder.bind(ps, 1 + i * columns, rows.get(start + i));
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

}
