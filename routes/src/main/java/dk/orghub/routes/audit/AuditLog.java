package dk.orghub.routes.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dk.orghub.core.store.Page;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit of manual actions in {@code ops_audit}: who did what, when, and how it ended.
 */
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditLog(DataSource dataSource, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	public void record(String actor, String action, String outcome) {
		this.jdbc.sql("INSERT INTO ops_audit (at, actor, action, outcome) VALUES (?, ?, ?, ?)")
			.params(OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), cut(actor, 200), cut(action, 500),
					cut(outcome, 100))
			.update();
	}

	/** Entries, newest first, optionally of one actor. */
	public Page<AuditEntry> list(String actor, int offset, int limit) {
		String where = (actor != null) ? " WHERE actor = ?" : "";
		List<Object> params = new ArrayList<>();
		if (actor != null) {
			params.add(actor);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM ops_audit" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(limit);
		paged.add(offset);
		List<AuditEntry> items = this.jdbc.sql("SELECT * FROM ops_audit" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(AuditLog::entry)
			.list();
		return new Page<>(items, total, offset, limit);
	}

	public int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM ops_audit WHERE at < ?")
			.param(OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
			.update();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("outcome"));
	}

	private static String cut(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * One manual action.
	 *
	 * @param action the request, e.g. {@code POST /api/v1/syncs/opus/run?preview=true}
	 * @param outcome the HTTP status it got, e.g. {@code 202}
	 */
	public record AuditEntry(long id, Instant at, String actor, String action, String outcome) {

	}

}
