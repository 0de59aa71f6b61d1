package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import dk.orghub.core.model.ObjectType;

/**
 * Which object tables hold no row at all (current or closed), asked once per type for one
 * change set before anything is written: the writer and the checks skip reading an empty
 * table, so a first load asks the database one cheap question per type instead of reading
 * back thousands of keys it cannot find.
 */
final class EmptyTables {

	private final Connection connection;

	private final Map<ObjectType, Boolean> empty = new EnumMap<>(ObjectType.class);

	EmptyTables(Connection connection) {
		this.connection = connection;
	}

	boolean isEmpty(ObjectType type) throws SQLException {
		Boolean known = this.empty.get(type);
		if (known == null) {
			String sql = "SELECT 1 FROM " + Mappings.of(type).table() + " FETCH FIRST 1 ROWS ONLY";
			try (PreparedStatement ps = this.connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
				known = !rs.next();
			}
			this.empty.put(type, known);
		}
		return known;
	}

}
