package dk.orghub.routes.quarantine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.Page;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The quarantine in {@code ops_quarantine}. */
public class QuarantineRepository {

	private final JdbcClient jdbc;

	public QuarantineRepository(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** Puts an object in quarantine, or counts one more failure of one already there. */
	public void fail(String sync, ObjectType type, UUID uuid, String userKey, String rule, String reason, long run,
			Instant at) {
		fail(sync, type.name(), uuid, userKey, rule, reason, run, at);
	}

	/**
	 * Puts an object in the sync's quarantine, or counts one more failed attempt of one
	 * that is there.
	 * @param type the object's type: the hub's (e.g. {@code ENGAGEMENT}) or a target's
	 * (e.g. {@code OrganisationEnhed})
	 */
	public void fail(String sync, String type, UUID uuid, String userKey, String rule, String reason, long run,
			Instant at) {
		int updated = this.jdbc
			.sql("UPDATE ops_quarantine SET rule = ?, reason = ?, last_run = ?, last_seen = ?, attempts = attempts + 1, "
					+ "user_key = COALESCE(?, user_key) WHERE sync_name = ? AND object_type = ? AND object_uuid = ? "
					+ "AND resolved_at IS NULL")
			.params(rule, truncate(reason), run, time(at), userKey, sync, type, uuid)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"INSERT INTO ops_quarantine (sync_name, object_type, object_uuid, user_key, rule, reason, first_run, "
							+ "last_run, first_seen, last_seen, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
				.params(sync, type, uuid, userKey, rule, truncate(reason), run, run, time(at), time(at))
				.update();
		}
	}

	/**
	 * Clears the sync's open entries for these objects: a run wrote them, or found
	 * nothing left to write.
	 */
	public int resolve(String sync, Collection<UUID> uuids, long run, Instant at) {
		if (uuids.isEmpty()) {
			return 0;
		}
		// a run clears every object it wrote, seldom one in quarantine: update only those
		Set<UUID> open = new HashSet<>(openObjects(sync));
		int resolved = 0;
		for (UUID uuid : uuids) {
			if (!open.remove(uuid)) {
				continue;
			}
			resolved += this.jdbc
				.sql("UPDATE ops_quarantine SET resolved_at = ?, resolved_by_run = ? WHERE sync_name = ? "
						+ "AND object_uuid = ? AND resolved_at IS NULL")
				.params(time(at), run, sync, uuid)
				.update();
		}
		return resolved;
	}

	public List<UUID> openObjects(String sync) {
		return this.jdbc
			.sql("SELECT object_uuid FROM ops_quarantine WHERE sync_name = ? AND resolved_at IS NULL ORDER BY id")
			.param(sync)
			.query((rs, i) -> rs.getObject(1, UUID.class))
			.list();
	}

	public Optional<QuarantineEntry> find(long id) {
		return this.jdbc.sql("SELECT * FROM ops_quarantine WHERE id = ?").param(id).query(this::entry).optional();
	}

	/** Entries, newest first; open ones only unless {@code all}. */
	public Page<QuarantineEntry> list(String sync, boolean all, int offset, int limit) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (sync != null) {
			where.append(" AND sync_name = ?");
			params.add(sync);
		}
		if (!all) {
			where.append(" AND resolved_at IS NULL");
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM ops_quarantine" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(limit);
		paged.add(offset);
		List<QuarantineEntry> items = this.jdbc
			.sql("SELECT * FROM ops_quarantine" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(this::entry)
			.list();
		return new Page<>(items, total, offset, limit);
	}

	public long openCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM ops_quarantine WHERE resolved_at IS NULL")
			.query(Long.class)
			.single();
	}

	/** Deletes entries resolved before {@code before}. */
	public int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM ops_quarantine WHERE resolved_at < ?").param(time(before)).update();
	}

	private QuarantineEntry entry(ResultSet rs, int row) throws SQLException {
		long resolvedBy = rs.getLong("resolved_by_run");
		Long resolvedByRun = rs.wasNull() ? null : resolvedBy;
		return new QuarantineEntry(rs.getLong("id"), rs.getString("sync_name"), rs.getString("object_type"),
				rs.getObject("object_uuid", UUID.class), rs.getString("user_key"), rs.getString("rule"),
				rs.getString("reason"), rs.getLong("first_run"), rs.getLong("last_run"), instant(rs, "first_seen"),
				instant(rs, "last_seen"), rs.getInt("attempts"), instant(rs, "resolved_at"), resolvedByRun);
	}

	private static OffsetDateTime time(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String truncate(String text) {
		return (text != null && text.length() > 4000) ? text.substring(0, 3999) + "…" : text;
	}

}
