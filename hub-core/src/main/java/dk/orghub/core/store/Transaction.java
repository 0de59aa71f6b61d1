package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on a connection in a transaction of its own: committed when the work returns,
 * rolled back when it throws, the connection's auto-commit restored either way.
 */
public final class Transaction {

	private Transaction() {
	}

	/** Statements on one connection. */
	@FunctionalInterface
	public interface Work {

		void run(Connection connection) throws SQLException;

	}

	public static void run(Connection c, Work work) throws SQLException {
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			work.run(c);
			c.commit();
		}
		catch (SQLException | RuntimeException ex) {
			c.rollback();
			throw ex;
		}
		finally {
			c.setAutoCommit(autoCommit);
		}
	}

}
