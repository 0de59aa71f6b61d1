package db.migration.hub;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Adds the store's secret for new identities (a random 256-bit key drawn once per
 * database): the UUID a new external id such as a CPR number is given before it is bound
 * is a keyed digest of the id, the same on every planning, and not found from the id
 * without this key.
 */
public class V5__Identity_secret extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement create = context.getConnection().createStatement()) {
			create.execute("CREATE TABLE store_secret (name VARCHAR(50) PRIMARY KEY, secret VARCHAR(200) NOT NULL)");
		}
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try (PreparedStatement insert = context.getConnection()
			.prepareStatement("INSERT INTO store_secret (name, secret) VALUES ('identity', ?)")) {
			insert.setString(1, HexFormat.of().formatHex(key));
			insert.executeUpdate();
		}
	}

}
