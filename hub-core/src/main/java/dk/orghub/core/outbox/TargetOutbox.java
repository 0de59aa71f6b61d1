package dk.orghub.core.outbox;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.BulkInsert;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.Transaction;

/**
 * The hub's outbox for every {@link ChangePublisher}, in {@code target_outbox} (hub
 * migration V8): {@link #writer()} is a {@link JdbcOrgStore.WriteListener} that writes,
 * in each change set's own transaction, one row per changed object and target that
 * publishes its type, so a committed change is never lost and a rolled-back one never
 * sent. {@link OutboxDrain} takes the rows and deletes them when the target took them.
 * <p>
 * Drains of one target must not overlap on one database (the hub runs them under the lock
 * of the target's sync); they may come from several instances taking turns, and
 * {@code target_outbox_drainer} records which instance drained last.
 */
public final class TargetOutbox {

	private static final BulkInsert.Columns OUTBOX_COLUMNS = new BulkInsert.Columns("target_outbox",
			List.of("target", "object_type", "uuid", "change_kind", "registration_id", "created_at"),
			new int[] { Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.VARCHAR, Types.BIGINT,
					Types.TIMESTAMP_WITH_TIMEZONE });

	private final DataSource dataSource;

	private final Clock clock;

	private final Supplier<? extends Collection<? extends ChangePublisher>> targets;

	/** Who this instance is in {@code target_outbox_drainer}. */
	private final String instance = UUID.randomUUID().toString();

	private volatile Map<String, Set<ObjectType>> published;

	/**
	 * @param dataSource the store's database, migrated
	 * @param targets the targets that take changes; asked once, at the first write
	 */
	public TargetOutbox(DataSource dataSource, Clock clock,
			Supplier<? extends Collection<? extends ChangePublisher>> targets) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.targets = Objects.requireNonNull(targets, "targets");
	}

	/** One row: an object a committed change set changed. */
	record Row(long id, ObjectType type, UUID uuid, ObjectChange.Kind kind) {

	}

	/**
	 * The rows a drain took.
	 *
	 * @param whole whether they are the whole backlog, taken because it reached the batch
	 * size
	 */
	record Taken(List<Row> rows, boolean whole) {

	}

	/** An object the target refused, with the reason it gave. */
	record Refused(ObjectType type, UUID uuid, String reason) {

	}

	/** The store's write listener. */
	public JdbcOrgStore.WriteListener writer() {
		return this::written;
	}

	private void written(Connection connection, ApplyResult result) throws SQLException {
		Map<String, Set<ObjectType>> targets = published();
		if (targets.isEmpty()) {
			return;
		}
		List<Map.Entry<String, ObjectChange>> rows = new ArrayList<>();
		for (ObjectChange change : result.changes()) {
			for (Map.Entry<String, Set<ObjectType>> target : targets.entrySet()) {
				if (target.getValue().contains(change.type())) {
					rows.add(Map.entry(target.getKey(), change));
				}
			}
		}
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		Long registration = (result.registration() != null) ? result.registration().id() : null;
		BulkInsert.insert(connection, OUTBOX_COLUMNS, rows, (row, values) -> {
			ObjectChange change = row.getValue();
			values[0] = row.getKey();
			values[1] = change.type().name();
			values[2] = change.uuid();
			values[3] = change.kind().name();
			values[4] = registration;
			values[5] = now;
		});
	}

	private Map<String, Set<ObjectType>> published() {
		Map<String, Set<ObjectType>> known = this.published;
		if (known == null) {
			known = new LinkedHashMap<>();
			for (ChangePublisher target : this.targets.get()) {
				known.put(target.name(), Set.copyOf(target.publishedTypes()));
			}
			this.published = known;
		}
		return known;
	}

	/** The rows waiting for the target (not counting refused ones). */
	public int pending(String target) {
		return query("SELECT COUNT(*) FROM target_outbox WHERE target = ? AND refused IS NULL", (ps) -> {
			ps.setString(1, target);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		});
	}

	/** The waiting rows in order: up to {@code batch}, or all when that many wait. */
	Taken take(String target, int batch) {
		boolean whole = pending(target) >= batch;
		List<Row> rows = query(
				"SELECT id, object_type, uuid, change_kind FROM target_outbox WHERE target = ? "
						+ "AND refused IS NULL ORDER BY id" + (whole ? "" : " FETCH FIRST " + batch + " ROWS ONLY"),
				(ps) -> {
					ps.setString(1, target);
					List<Row> result = new ArrayList<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							result.add(new Row(rs.getLong(1), ObjectType.valueOf(rs.getString(2)),
									rs.getObject(3, UUID.class), ObjectChange.Kind.valueOf(rs.getString(4))));
						}
					}
					return result;
				});
		return new Taken(rows, whole);
	}

	/** The objects the target refused and the outbox keeps, oldest first. */
	List<Refused> refused(String target) {
		return query("SELECT object_type, uuid, refused FROM target_outbox WHERE target = ? AND refused IS NOT NULL "
				+ "ORDER BY id", (ps) -> {
					ps.setString(1, target);
					List<Refused> result = new ArrayList<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							result.add(new Refused(ObjectType.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
									rs.getString(3)));
						}
					}
					return result;
				});
	}

	/**
	 * Whether this instance drained the target last (false when another did, or none
	 * has).
	 */
	boolean drainedLastByThis(String target) {
		return this.instance.equals(query("SELECT drainer FROM target_outbox_drainer WHERE target = ?", (ps) -> {
			ps.setString(1, target);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}));
	}

	/**
	 * Ends a drain in one transaction: deletes exactly the rows it took (a row committed
	 * meanwhile waits for the next one), forgets earlier refusals of the objects the
	 * target took, keeps one refused row per object the target refused (when
	 * {@code keepRefused}; a target with a quarantine of its own keeps them itself) and
	 * records this instance as the last drainer.
	 * @param sent the objects the target took
	 */
	void drained(String target, List<Row> rows, Collection<UUID> sent, List<TargetFailure> failures,
			boolean keepRefused) {
		update((c) -> {
			try (PreparedStatement delete = c.prepareStatement("DELETE FROM target_outbox WHERE id = ?")) {
				for (Row row : rows) {
					delete.setLong(1, row.id());
					delete.addBatch();
				}
				delete.executeBatch();
			}
			forgetRefusals(c, target, sent);
			if (keepRefused) {
				Map<UUID, ObjectType> types = new LinkedHashMap<>();
				rows.forEach((row) -> types.put(row.uuid(), row.type()));
				refuse(c, target, failures, types);
			}
			try (PreparedStatement u = c
				.prepareStatement("UPDATE target_outbox_drainer SET drainer = ?, drained_at = ? WHERE target = ?")) {
				u.setString(1, this.instance);
				u.setTimestamp(2, Timestamp.from(this.clock.instant()));
				u.setString(3, target);
				if (u.executeUpdate() == 0) {
					try (PreparedStatement i = c.prepareStatement(
							"INSERT INTO target_outbox_drainer (target, drainer, drained_at) VALUES (?, ?, ?)")) {
						i.setString(1, target);
						i.setString(2, this.instance);
						i.setTimestamp(3, Timestamp.from(this.clock.instant()));
						i.executeUpdate();
					}
				}
			}
		});
	}

	/**
	 * Ends a retry of refused objects: those the target took leave the outbox, those it
	 * refused again keep the new reason.
	 */
	void retried(String target, Collection<UUID> sent, List<TargetFailure> failures, Map<UUID, ObjectType> types) {
		update((c) -> {
			forgetRefusals(c, target, sent);
			refuse(c, target, failures, types);
		});
	}

	private void forgetRefusals(Connection c, String target, Collection<UUID> objects) throws SQLException {
		try (PreparedStatement forget = c
			.prepareStatement("DELETE FROM target_outbox WHERE target = ? AND uuid = ? AND refused IS NOT NULL")) {
			for (UUID uuid : objects) {
				forget.setString(1, target);
				forget.setObject(2, uuid);
				forget.addBatch();
			}
			forget.executeBatch();
		}
	}

	private void refuse(Connection c, String target, List<TargetFailure> failures, Map<UUID, ObjectType> types)
			throws SQLException {
		forgetRefusals(c, target, failures.stream().map(TargetFailure::uuid).toList());
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO target_outbox (target, object_type, uuid, "
				+ "change_kind, created_at, refused) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (TargetFailure failure : failures) {
				ObjectType type = types.get(failure.uuid());
				if (type == null) {
					continue;
				}
				insert.setString(1, target);
				insert.setString(2, type.name());
				insert.setObject(3, failure.uuid());
				insert.setString(4, ObjectChange.Kind.CHANGED.name());
				insert.setTimestamp(5, Timestamp.from(this.clock.instant()));
				String reason = (failure.reason() != null) ? failure.reason() : "refused";
				insert.setString(6, (reason.length() > 2000) ? reason.substring(0, 1999) + "…" : reason);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	@FunctionalInterface
	private interface Statement<T> {

		T run(PreparedStatement statement) throws SQLException;

	}

	private <T> T query(String sql, Statement<T> statement) {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			return statement.run(ps);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read target_outbox: " + ex.getMessage(), ex);
		}
	}

	private void update(Transaction.Work work) {
		try (Connection c = this.dataSource.getConnection()) {
			Transaction.run(c, work);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot write target_outbox: " + ex.getMessage(), ex);
		}
	}

}
