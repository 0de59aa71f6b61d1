package dk.orghub.routes.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.store.BulkInsert;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Page;
import dk.orghub.core.store.Transaction;
import dk.orghub.routes.sync.SyncKind;
import dk.orghub.routes.sync.TargetSync;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The runs, their change log and the syncs' pause flags and locks, in the {@code ops_*}
 * tables (H2 or PostgreSQL, whichever the store uses).
 */
public class RunRepository {

	private static final BulkInsert.Columns CHANGE_COLUMNS = new BulkInsert.Columns("ops_run_change",
			List.of("run_id", "object_type", "object_uuid", "user_key", "change_kind", "actor", "valid_from",
					"valid_to", "diff"),
			new int[] { Types.BIGINT, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
					Types.DATE, Types.DATE, Types.VARCHAR });

	private static final int DIFF_LIMIT = 100_000;

	private static final TypeReference<List<ChangeDiff.Interval>> INTERVALS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ObjectMapper json;

	private final HubInstance instance;

	public RunRepository(DataSource dataSource, ObjectMapper json, HubInstance instance) {
		this.jdbc = JdbcClient.create(dataSource);
		this.template = new JdbcTemplate(dataSource);
		this.json = json;
		this.instance = instance;
	}

	HubInstance instance() {
		return this.instance;
	}

	// --- instances: which process runs which run

	void registerInstance(Instant now) {
		this.jdbc
			.sql("INSERT INTO ops_instance (id, host, pid, process_started, started_at, heartbeat) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(this.instance.id(), truncate(this.instance.host(), 255), this.instance.pid(),
					time(this.instance.processStarted()), time(now), time(now))
			.update();
	}

	/** Writes this instance's heartbeat; registers it again if its row was removed. */
	void instanceHeartbeat(Instant now) {
		int updated = this.jdbc.sql("UPDATE ops_instance SET heartbeat = ? WHERE id = ?")
			.params(time(now), this.instance.id())
			.update();
		if (updated == 0) {
			registerInstance(now);
		}
	}

	void deleteInstance(String id) {
		this.jdbc.sql("DELETE FROM ops_instance WHERE id = ?").param(id).update();
	}

	List<HubInstance.Row> instances() {
		return this.jdbc.sql("SELECT * FROM ops_instance")
			.query((rs, i) -> new HubInstance.Row(rs.getString("id"), rs.getString("host"), rs.getLong("pid"),
					instant(rs, "process_started"), instant(rs, "heartbeat")))
			.list();
	}

	/** Runs recorded as running, by any instance. */
	List<RunningRun> runningRuns() {
		return this.jdbc.sql("SELECT id, sync_name, instance_id, started_at FROM ops_run WHERE status = ?")
			.param(RunStatus.RUNNING.name())
			.query((rs, i) -> new RunningRun(rs.getLong("id"), rs.getString("sync_name"), rs.getString("instance_id"),
					instant(rs, "started_at")))
			.list();
	}

	/** Makes this instance the one running a run (an approved run goes on here). */
	void claim(long run) {
		this.jdbc.sql("UPDATE ops_run SET instance_id = ? WHERE id = ?").params(this.instance.id(), run).update();
	}

	/**
	 * Ends a run its instance left running, and releases every lock it holds; false when
	 * it was no longer running (another instance ended it first).
	 */
	boolean interrupt(long run, String message, Long registration, Instant at) {
		int updated = this.jdbc
			.sql("UPDATE ops_run SET status = ?, phase = NULL, message = ?, registration_id = ?, ended_at = ? "
					+ "WHERE id = ? AND status = ?")
			.params(RunStatus.FAILED.name(), truncate(message, 4000), registration, time(at), run,
					RunStatus.RUNNING.name())
			.update();
		this.jdbc.sql("UPDATE ops_sync SET running_run = NULL, heartbeat = NULL WHERE running_run = ?")
			.param(run)
			.update();
		return updated == 1;
	}

	/** A run recorded as running, and the instance that runs it. */
	record RunningRun(long id, String sync, String instance, Instant startedAt) {

	}

	// --- syncs: pause flag and lock

	/** Creates the sync's row when it has none; never changes an existing one. */
	void ensureSync(String name, boolean paused) {
		int exists = this.jdbc.sql("SELECT COUNT(*) FROM ops_sync WHERE name = ?")
			.param(name)
			.query(Integer.class)
			.single();
		if (exists == 0) {
			try {
				this.jdbc.sql("INSERT INTO ops_sync (name, paused) VALUES (?, ?)").params(name, paused).update();
			}
			catch (DuplicateKeyException ex) {
				// another instance created it at the same moment
			}
		}
	}

	public boolean paused(String name) {
		return this.jdbc.sql("SELECT paused FROM ops_sync WHERE name = ?")
			.param(name)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void setPaused(String name, boolean paused, String by, Instant at) {
		this.jdbc.sql("UPDATE ops_sync SET paused = ?, paused_by = ?, paused_at = ? WHERE name = ?")
			.params(paused, paused ? by : null, paused ? time(at) : null, name)
			.update();
	}

	/**
	 * Takes the sync's lock for a run, unless another run holds it and has shown signs of
	 * life since {@code staleBefore}. A stale holder is marked failed.
	 */
	public boolean tryLock(String name, long run, Instant now, Instant staleBefore) {
		Optional<Long> holder = runningRun(name);
		int updated = this.jdbc
			.sql("UPDATE ops_sync SET running_run = ?, heartbeat = ? WHERE name = ? "
					+ "AND (running_run IS NULL OR heartbeat < ?)")
			.params(run, time(now), name, time(staleBefore))
			.update();
		if (updated == 1 && holder.isPresent() && holder.get() != run) {
			this.jdbc.sql("UPDATE ops_run SET status = ?, ended_at = ?, message = ? WHERE id = ? AND status = ?")
				.params(RunStatus.FAILED.name(), time(now),
						"abandoned: the instance running it stopped giving signs of life", holder.get(),
						RunStatus.RUNNING.name())
				.update();
		}
		return updated == 1;
	}

	void heartbeat(String name, long run, Instant now) {
		this.jdbc.sql("UPDATE ops_sync SET heartbeat = ? WHERE name = ? AND running_run = ?")
			.params(time(now), name, run)
			.update();
	}

	/**
	 * Stamps a run's start again once it holds its sync's lock: the time it was inserted
	 * can lie before the previous holder of the lock finished, and a run of a lock must
	 * not seem to start before the one before it ended.
	 */
	void started(long run, Instant at) {
		this.jdbc.sql("UPDATE ops_run SET started_at = ? WHERE id = ?").params(time(at), run).update();
	}

	/** Releases the sync's lock if the run holds it. */
	public void unlock(String name, long run) {
		this.jdbc.sql("UPDATE ops_sync SET running_run = NULL, heartbeat = NULL WHERE name = ? AND running_run = ?")
			.params(name, run)
			.update();
	}

	public Optional<Long> runningRun(String name) {
		return this.jdbc.sql("SELECT running_run FROM ops_sync WHERE name = ?").param(name).query((rs, i) -> {
			long id = rs.getLong(1);
			return rs.wasNull() ? null : id;
		}).optional();
	}

	// --- runs

	long insert(String sync, SyncKind kind, Trigger trigger, String startedBy, boolean preview, Instant fireTime,
			Instant startedAt, RunStatus status) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO ops_run (sync_name, sync_kind, trigger_kind, started_by, preview, fire_time, started_at, "
					+ "status, instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(sync, kind.name(), trigger.name(), startedBy, preview, time(fireTime), time(startedAt),
					status.name(), this.instance.id())
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void delete(long run) {
		this.jdbc.sql("DELETE FROM ops_run WHERE id = ?").param(run).update();
	}

	void progress(long run, String phase, long done, long total) {
		this.jdbc.sql("UPDATE ops_run SET phase = ?, progress_done = ?, progress_total = ? WHERE id = ?")
			.params(phase, done, total, run)
			.update();
	}

	void finish(long run, RunStatus status, Run.Counts counts, String message, String thresholdReport,
			Long registration, String fingerprint, Instant endedAt) {
		this.jdbc
			.sql("UPDATE ops_run SET status = ?, phase = NULL, read_count = ?, created_count = ?, changed_count = ?, "
					+ "ended_count = ?, unchanged_count = ?, failed_count = ?, message = ?, threshold_report = ?, "
					+ "registration_id = ?, plan_fingerprint = ?, ended_at = ? WHERE id = ?")
			.params(status.name(), counts.read(), counts.created(), counts.changed(), counts.ended(),
					counts.unchanged(), counts.failed(), truncate(message, 4000), truncate(thresholdReport, 2000),
					registration, fingerprint, time(endedAt), run)
			.update();
	}

	/** Moves a run from one status to another; false when it was not in {@code from}. */
	boolean transition(long run, RunStatus from, RunStatus to, String decidedBy, Instant at, String message) {
		String sql = "UPDATE ops_run SET status = ?, decided_by = COALESCE(?, decided_by), "
				+ "decided_at = COALESCE(?, decided_at), message = COALESCE(?, message)"
				+ (to.finished() ? ", ended_at = ?" : ", ended_at = NULL") + " WHERE id = ? AND status = ?";
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql)
			.param(to.name())
			.param(decidedBy)
			.param(time((decidedBy != null) ? at : null))
			.param(truncate(message, 4000));
		if (to.finished()) {
			spec = spec.param(time(at));
		}
		return spec.param(run).param(from.name()).update() == 1;
	}

	/** Expires the sync's runs awaiting approval, other than {@code except}. */
	int expireAwaiting(String sync, long except, String message, Instant at) {
		return this.jdbc
			.sql("UPDATE ops_run SET status = ?, message = ?, ended_at = ? WHERE sync_name = ? AND status = ? "
					+ "AND id <> ?")
			.params(RunStatus.EXPIRED.name(), message, time(at), sync, RunStatus.AWAITING_APPROVAL.name(), except)
			.update();
	}

	/** A run of the sync, other than {@code except}, awaiting approval of this plan. */
	Optional<Long> awaitingWithPlan(String sync, long except, String fingerprint) {
		return this.jdbc
			.sql("SELECT id FROM ops_run WHERE sync_name = ? AND status = ? AND plan_fingerprint = ? AND id <> ? "
					+ "ORDER BY id")
			.params(sync, RunStatus.AWAITING_APPROVAL.name(), fingerprint, except)
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	public Optional<Run> find(long id) {
		return this.jdbc.sql("SELECT * FROM ops_run WHERE id = ?").param(id).query(this::run).optional();
	}

	String fingerprint(long id) {
		return this.jdbc.sql("SELECT plan_fingerprint FROM ops_run WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/** Runs, newest first, optionally of one sync and one status. */
	public Page<Run> list(String sync, RunStatus status, int offset, int limit) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (sync != null) {
			where.append(" AND sync_name = ?");
			params.add(sync);
		}
		if (status != null) {
			where.append(" AND status = ?");
			params.add(status.name());
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM ops_run" + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(limit);
		paged.add(offset);
		List<Run> runs = this.jdbc.sql("SELECT * FROM ops_run" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(this::run)
			.list();
		return new Page<>(runs, total, offset, limit);
	}

	/** Scheduled runs of a sync with their fire times, oldest first (for tests). */
	public List<Run> scheduled(String sync) {
		return this.jdbc.sql("SELECT * FROM ops_run WHERE sync_name = ? AND trigger_kind = ? ORDER BY fire_time, id")
			.params(sync, Trigger.SCHEDULE.name())
			.query(this::run)
			.list();
	}

	// --- the change log

	/**
	 * Writes lines of a run's log and adds them to the run's count of lines, in one
	 * transaction: a reader sees both or neither.
	 */
	void insertChanges(long run, String actor, List<ChangeLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		inTransaction((c) -> {
			BulkInsert.insert(c, CHANGE_COLUMNS, lines, (line, values) -> {
				values[0] = run;
				values[1] = truncate(line.type(), 30);
				values[2] = line.uuid();
				values[3] = truncate(line.userKey(), 200);
				values[4] = line.kind().name();
				values[5] = truncate((line.actor() != null) ? line.actor() : actor, 250);
				values[6] = line.validFrom();
				values[7] = line.validTo();
				values[8] = diffJson(line.intervals());
			});
			countChanges(c, "change_count + ?", lines.size(), run);
		});
	}

	void deleteChanges(long run) {
		inTransaction((c) -> {
			try (PreparedStatement ps = c.prepareStatement("DELETE FROM ops_run_change WHERE run_id = ?")) {
				ps.setLong(1, run);
				ps.executeUpdate();
			}
			countChanges(c, "?", 0, run);
		});
	}

	private static void countChanges(Connection c, String count, long value, long run) throws SQLException {
		try (PreparedStatement ps = c
			.prepareStatement("UPDATE ops_run SET change_count = " + count + " WHERE id = ?")) {
			ps.setLong(1, value);
			ps.setLong(2, run);
			ps.executeUpdate();
		}
	}

	private void inTransaction(Transaction.Work work) {
		this.template.execute((ConnectionCallback<Void>) (c) -> {
			Transaction.run(c, work);
			return null;
		});
	}

	/** A run's log, in the order written, optionally of one kind of change. */
	public Page<RunChange> changes(long run, ObjectChange.Kind kind, int offset, int limit) {
		// the range on c.id and the order by both columns make H2 read the page along
		// ops_run_change_run (run_id, id) instead of sorting every line of the run found
		// through the foreign key's own index on run_id
		String where = runWhere(kind);
		List<Object> params = new ArrayList<>(List.of(run));
		if (kind != null) {
			params.add(kind.name());
		}
		// the whole log's length is kept on the run; one kind's lines are counted
		long total = (kind != null) ? count(where, params)
				: this.jdbc.sql("SELECT change_count FROM ops_run WHERE id = ?")
					.param(run)
					.query(Long.class)
					.optional()
					.orElse(0L);
		return changePage(where, params, RUN_ORDER, total, offset, limit);
	}

	/** The order of a run's log page: along {@code ops_run_change_run (run_id, id)}. */
	static final String RUN_ORDER = "c.run_id, c.id";

	/** The condition of a run's log page: the run's id, then optionally the kind. */
	static String runWhere(ObjectChange.Kind kind) {
		return " WHERE c.run_id = ? AND c.id >= 0" + ((kind != null) ? " AND c.change_kind = ?" : "");
	}

	/** Every log line about an object, by UUID or user key, newest first. */
	public Page<RunChange> changesOf(String object, int offset, int limit) {
		UUID uuid = parseUuid(object);
		String where = (uuid != null) ? " WHERE c.object_uuid = ?" : " WHERE c.user_key = ?";
		List<Object> params = List.of((uuid != null) ? uuid : object);
		return changePage(where, params, "c.id DESC", count(where, params), offset, limit);
	}

	private long count(String where, List<Object> params) {
		return this.jdbc.sql("SELECT COUNT(*) FROM ops_run_change c" + where).params(params).query(Long.class).single();
	}

	private Page<RunChange> changePage(String where, List<Object> params, String order, long total, int offset,
			int limit) {
		List<Object> paged = new ArrayList<>(params);
		paged.add(limit);
		paged.add(offset);
		List<RunChange> items = this.jdbc.sql(changePageSql(where, order)).params(paged).query(this::change).list();
		return new Page<>(items, total, offset, limit);
	}

	/** A page of log lines: the condition's parameters, then the limit and the offset. */
	static String changePageSql(String where, String order) {
		return "SELECT c.*, r.sync_name FROM ops_run_change c JOIN ops_run r ON r.id = c.run_id" + where + " ORDER BY "
				+ order + " LIMIT ? OFFSET ?";
	}

	// --- retention

	/** Deletes finished runs (with their logs) that ended before {@code before}. */
	public int purgeRuns(Instant before) {
		this.jdbc.sql(
				"DELETE FROM ops_run_change WHERE run_id IN (SELECT id FROM ops_run WHERE ended_at < ? AND status <> ?)")
			.params(time(before), RunStatus.AWAITING_APPROVAL.name())
			.update();
		return this.jdbc.sql("DELETE FROM ops_run WHERE ended_at < ? AND status <> ?")
			.params(time(before), RunStatus.AWAITING_APPROVAL.name())
			.update();
	}

	// --- mapping

	private Run run(ResultSet rs, int row) throws SQLException {
		long done = rs.getLong("progress_done");
		Run.Progress progress = rs.wasNull() ? null : new Run.Progress(done, rs.getLong("progress_total"));
		long registration = rs.getLong("registration_id");
		Long reg = rs.wasNull() ? null : registration;
		return new Run(rs.getLong("id"), rs.getString("sync_name"), SyncKind.valueOf(rs.getString("sync_kind")),
				Trigger.valueOf(rs.getString("trigger_kind")), rs.getString("started_by"), rs.getBoolean("preview"),
				instant(rs, "fire_time"), instant(rs, "started_at"), instant(rs, "ended_at"),
				RunStatus.valueOf(rs.getString("status")), rs.getString("phase"), progress,
				new Run.Counts(rs.getInt("read_count"), rs.getInt("created_count"), rs.getInt("changed_count"),
						rs.getInt("ended_count"), rs.getInt("unchanged_count"), rs.getInt("failed_count")),
				rs.getString("message"), rs.getString("threshold_report"), reg, rs.getString("decided_by"),
				instant(rs, "decided_at"));
	}

	private RunChange change(ResultSet rs, int row) throws SQLException {
		List<ChangeDiff.Interval> intervals;
		try {
			intervals = this.json.readValue(rs.getString("diff"), INTERVALS);
		}
		catch (JsonProcessingException ex) {
			intervals = List.of();
		}
		return new RunChange(rs.getLong("id"), rs.getLong("run_id"), rs.getString("sync_name"),
				rs.getString("object_type"), rs.getObject("object_uuid", UUID.class), rs.getString("user_key"),
				ObjectChange.Kind.valueOf(rs.getString("change_kind")), rs.getString("actor"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), intervals);
	}

	private String diffJson(List<ChangeDiff.Interval> intervals) {
		try {
			String text = this.json.writeValueAsString(intervals);
			if (text.length() > DIFF_LIMIT) {
				text = this.json.writeValueAsString(List.of(new ChangeDiff.Interval(intervals.get(0).from(),
						intervals.get(intervals.size() - 1).to(), List.of(new ChangeDiff.FieldChange("(too long)", null,
								intervals.size() + " intervals; see the object's history")))));
			}
			return text;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write a change as JSON", ex);
		}
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	private static UUID parseUuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** One line of the change log before it is written. */
	/**
	 * A log line to write.
	 *
	 * @param type the object's type: the hub's (e.g. {@code ORG_UNIT}) or a target's
	 * (e.g. {@code OrganisationEnhed})
	 * @param actor where the change comes from; {@code null} for the run's
	 */
	record ChangeLine(String type, UUID uuid, String userKey, ObjectChange.Kind kind, LocalDate validFrom,
			LocalDate validTo, List<ChangeDiff.Interval> intervals, String actor) {

		static ChangeLine of(ObjectChange change) {
			List<ChangeDiff.Interval> intervals = ChangeDiff.of(change.before(), change.after());
			LocalDate from = intervals.isEmpty() ? null : intervals.get(0).from();
			LocalDate to = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1).to();
			return new ChangeLine(change.type().name(), change.uuid(), change.userKey(), change.kind(), from, to,
					intervals, null);
		}

		static ChangeLine of(TargetChange change) {
			return new ChangeLine(change.type(), change.uuid(), change.userKey(), change.kind(), change.validFrom(),
					change.validTo(), change.intervals(), change.actor());
		}

	}

}
