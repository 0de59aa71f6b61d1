package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Applies a change set on a connection whose transaction the caller owns: for migrations
 * that seed data through the same checks and writes as every other change.
 */
public final class StoreSeeding {

	private StoreSeeding() {
	}

	public static ApplyResult apply(Connection connection, Clock clock, ChangeSet changeSet) throws SQLException {
		return new StoreWriter(clock).apply(connection, changeSet, true);
	}

}
