package dk.orghub.adapters.sts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.store.BulkInsert;

/**
 * Per STS object, what was last sent successfully (a hash of the content and the target
 * UUID), and the objects in quarantine with the reason. An object whose hash is unchanged
 * is never sent again; one that is not recorded is sent with {@code importer}.
 */
public final class SentLedger {

	/** An object in quarantine. */
	public record Quarantined(StsKind kind, UUID uuid, String userKey, String reason, boolean temporary, int attempts) {

	}

	private static final int MAX_CONTENT = 1_000_000;

	private static final int CHUNK = 500;

	private final DataSource dataSource;

	private final Clock clock;

	public SentLedger(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/** Every recorded hash. */
	public Map<Key, String> hashes() {
		Map<Key, String> result = new HashMap<>();
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT kind, uuid, hash FROM sts_sent");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				result.put(new Key(StsKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)), rs.getString(3));
			}
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_sent: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An object STS accepted, and the hash it was sent with; {@code known} when the
	 * ledger may hold a row of it already (false for an object the plan found no row of:
	 * its row is inserted without looking for an old one first); {@code text} what the
	 * ledger keeps of it ({@link StsObjectText}, null when too long), written when the
	 * object is noted, while the thread that sent it still has it at hand.
	 */
	public record Sent(StsObject object, String hash, boolean known, String text) {

		public Sent(StsObject object, String hash, boolean known) {
			this(object, hash, known, content(object));
		}

		/** An object whose old row, if any, is replaced. */
		public Sent(StsObject object, String hash) {
			this(object, hash, true);
		}

	}

	/** Records a successful send and clears the object's quarantine. */
	public void sent(StsObject object, String hash) {
		sent(List.of(new Sent(object, hash)));
	}

	/**
	 * Records successful sends and clears the objects' quarantine, in one transaction (a
	 * publish records its objects in batches: one statement per object costs more than
	 * the call that sent it): the old rows of the {@link Sent#known known} objects
	 * deleted by lists of keys, the new rows written through {@link BulkInsert}
	 * (multi-row INSERT; COPY on PostgreSQL from 500 rows). An object not known is
	 * inserted without that delete (a first publish deletes nothing: on PostgreSQL the
	 * delete was most of the server's work: 122 µs per object with it, 10 without, in the
	 * publish benchmark); should its row be there after all (another writer), the insert
	 * fails on the primary key and the batch is written again with every old row deleted.
	 */
	public void sent(List<Sent> sent) {
		if (sent.isEmpty()) {
			return;
		}
		// the last send of an object wins
		Map<Key, Sent> last = new java.util.LinkedHashMap<>();
		sent.forEach(one -> last.put(Key.of(one.object()), one));
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<Sent> rows = new ArrayList<>(last.values());
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				write(c, last, rows, now, false);
			}
			catch (SQLException ex) {
				c.rollback();
				if (ex.getSQLState() == null || !ex.getSQLState().startsWith("23")) {
					throw ex;
				}
				try {
					// a row the plan did not know of: replace every row of the batch
					write(c, last, rows, now, true);
				}
				catch (SQLException again) {
					c.rollback();
					throw again;
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot write sts_sent: " + ex.getMessage(), ex);
		}
	}

	/** One try of {@link #sent(List)}, committed. */
	private static void write(Connection c, Map<Key, Sent> last, List<Sent> rows, OffsetDateTime now, boolean deleteAll)
			throws SQLException {
		List<Key> keys = new ArrayList<>(last.keySet());
		List<Key> known = keys;
		if (!deleteAll) {
			known = new ArrayList<>();
			for (Sent row : rows) {
				if (row.known()) {
					known.add(Key.of(row.object()));
				}
			}
		}
		delete(c, "sts_sent", known);
		if (anyQuarantined(c)) {
			delete(c, "sts_quarantine", keys);
		}
		BulkInsert.insert(c, SENT, rows, (one, row) -> {
			StsObject object = one.object();
			row[0] = object.kind().name();
			row[1] = object.uuid();
			row[2] = object.uuid();
			row[3] = one.hash();
			row[4] = now;
			row[5] = one.text();
		});
		c.commit();
	}

	private static final BulkInsert.Columns SENT = new BulkInsert.Columns("sts_sent",
			List.of("kind", "uuid", "target_uuid", "hash", "sent_at", "content"), new int[] { Types.VARCHAR,
					Types.OTHER, Types.OTHER, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR });

	/**
	 * Deletes the rows of these keys from a table keyed by kind and uuid: one statement
	 * per {@value #CHUNK} keys (a statement per row cost as much as the insert). The keys
	 * are given as pairs, {@code (kind, uuid) IN ((?, ?), ...)}, which H2 and PostgreSQL
	 * look up in the primary key (with {@code kind = ? AND uuid IN (...)} H2 reads all
	 * rows of the kind).
	 */
	private static void delete(Connection c, String table, List<Key> keys) throws SQLException {
		for (int from = 0; from < keys.size(); from += CHUNK) {
			List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
			try (PreparedStatement d = c.prepareStatement("DELETE FROM " + table + " WHERE (kind, uuid) IN ("
					+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)")) + ")")) {
				for (int i = 0; i < chunk.size(); i++) {
					d.setString(2 * i + 1, chunk.get(i).kind().name());
					d.setObject(2 * i + 2, chunk.get(i).uuid());
				}
				d.executeUpdate();
			}
		}
	}

	/**
	 * Whether the quarantine holds anything (mostly it is empty, and deleting a batch's
	 * keys from it cost a tenth of the batch).
	 */
	private static boolean anyQuarantined(Connection c) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sts_quarantine FETCH FIRST 1 ROW ONLY");
				ResultSet rs = s.executeQuery()) {
			return rs.next();
		}
	}

	private static String content(StsObject object) {
		String text = StsObjectText.encode(object);
		// a content too long for the column is not kept: the log then shows new values
		// only
		return (text.length() <= MAX_CONTENT) ? text : null;
	}

	/**
	 * What was last sent of these objects, as far as the ledger kept it (for display: CPR
	 * numbers are masked). Objects not sent, or sent before the ledger kept content, are
	 * not in the answer.
	 */
	public Map<Key, StsObject> contents(Collection<Key> keys) {
		Map<Key, StsObject> result = new HashMap<>();
		if (keys.isEmpty()) {
			return result;
		}
		Set<Key> wanted = new HashSet<>(keys);
		List<Key> all = new ArrayList<>(wanted);
		try (Connection c = this.dataSource.getConnection()) {
			for (int from = 0; from < all.size(); from += CHUNK) {
				List<Key> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
				String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
				try (PreparedStatement s = c
					.prepareStatement("SELECT kind, uuid, content FROM sts_sent WHERE content IS NOT NULL AND uuid IN ("
							+ marks + ")")) {
					for (int i = 0; i < chunk.size(); i++) {
						s.setObject(i + 1, chunk.get(i).uuid());
					}
					try (ResultSet rs = s.executeQuery()) {
						while (rs.next()) {
							Key key = new Key(StsKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class));
							if (wanted.contains(key)) {
								result.put(key, StsObjectText.decode(rs.getString(3)));
							}
						}
					}
				}
			}
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_sent: " + ex.getMessage(), ex);
		}
	}

	/** Forgets what was sent for an object (after it was deactivated). */
	public void forget(Key key) {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement d = c.prepareStatement("DELETE FROM sts_sent WHERE kind = ? AND uuid = ?")) {
			d.setString(1, key.kind().name());
			d.setObject(2, key.uuid());
			d.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot write sts_sent: " + ex.getMessage(), ex);
		}
	}

	/** Puts an object in quarantine (replacing an earlier entry). */
	public void quarantine(StsObject object, String reason, boolean temporary, int attempts) {
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement d = c.prepareStatement("DELETE FROM sts_quarantine WHERE kind = ? AND uuid = ?");
					PreparedStatement i = c
						.prepareStatement("INSERT INTO sts_quarantine (kind, uuid, user_key, reason, "
								+ "temporary, attempts, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				d.setString(1, object.kind().name());
				d.setObject(2, object.uuid());
				d.executeUpdate();
				i.setString(1, object.kind().name());
				i.setObject(2, object.uuid());
				i.setString(3, object.userKey());
				i.setString(4, (reason.length() > 2000) ? reason.substring(0, 2000) : reason);
				i.setBoolean(5, temporary);
				i.setInt(6, attempts);
				i.setTimestamp(7, Timestamp.from(this.clock.instant()));
				i.executeUpdate();
				c.commit();
			}
			catch (SQLException ex) {
				c.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot write sts_quarantine: " + ex.getMessage(), ex);
		}
	}

	/** The quarantine, oldest first. */
	public List<Quarantined> quarantined() {
		List<Quarantined> result = new ArrayList<>();
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT kind, uuid, user_key, reason, temporary, attempts "
						+ "FROM sts_quarantine ORDER BY quarantined_at, kind, uuid");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				result.add(new Quarantined(StsKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
						rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6)));
			}
			return result;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_quarantine: " + ex.getMessage(), ex);
		}
	}

}
