package dk.orghub.core.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dk.orghub.core.store.BulkInsert.Columns;
import dk.orghub.core.store.BulkInsert.RowValues;

/**
 * Writes rows with PostgreSQL's {@code COPY table (columns) FROM STDIN} in text format
 * ({@link CopyText}), on the caller's connection and so inside its transaction. The only
 * class of the store that names PostgreSQL's driver: it is loaded when a connection says
 * it is PostgreSQL, so the store runs on H2 without the driver on the class path.
 */
final class PgCopy {

	/** Characters of text sent to the server at a time. */
	private static final int CHUNK = 1 << 16;

	private PgCopy() {
	}

	/** Whether the connection is (or wraps) one of pgjdbc's. */
	static boolean available(Connection c) throws SQLException {
		return c.isWrapperFor(PGConnection.class);
	}

	static <R> void copy(Connection c, Columns columns, List<R> rows, RowValues<R> values) throws SQLException {
		String sql = "COPY " + columns.table() + " (" + columns.list() + ") FROM STDIN";
		CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		try {
			Object[] row = new Object[columns.size()];
			StringBuilder text = new StringBuilder(CHUNK + 1024);
			for (R r : rows) {
				values.values(r, row);
				CopyText.row(text, row);
				if (text.length() >= CHUNK) {
					send(copy, text);
				}
			}
			send(copy, text);
			copy.endCopy();
		}
		catch (SQLException | RuntimeException ex) {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException cancel) {
					ex.addSuppressed(cancel);
				}
			}
			throw ex;
		}
	}

	private static void send(CopyIn copy, StringBuilder text) throws SQLException {
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		text.setLength(0);
	}

}
