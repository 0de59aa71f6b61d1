package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/**
 * The {@link OrgStore} on a relational database through plain JDBC; the same SQL runs on
 * H2 and PostgreSQL. The schema comes from {@link StoreSchema}.
 * <p>
 * Writers take a row lock on {@code store_clock}, so change sets apply one at a time,
 * also across hub instances sharing one database, and registration times strictly
 * increase.
 */
public class JdbcOrgStore implements OrgStore {

	private final DataSource dataSource;

	private final StoreWriter writer;

	private final List<WriteListener> listeners;

	private volatile Identities newIdentities;

	public JdbcOrgStore(DataSource dataSource, Clock clock) {
		this(dataSource, clock, List.of());
	}

	/**
	 * @param listeners called inside the transaction of every applied change set that
	 * changed something, after the rows are written (for an outbox)
	 */
	public JdbcOrgStore(DataSource dataSource, Clock clock, List<WriteListener> listeners) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
		this.writer = new StoreWriter(Objects.requireNonNull(clock, "clock"));
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Called inside the transaction that applies a change set; an exception rolls it
	 * back.
	 */
	@FunctionalInterface
	public interface WriteListener {

		void written(Connection connection, ApplyResult result) throws SQLException;

	}

	@Override
	public <T extends OrgObject> Optional<Versioned<T>> get(Class<T> type, UUID uuid, ReadPoint point) {
		Mapping<T> mapping = Mappings.of(type);
		String sql = select(mapping) + " WHERE t.uuid = ?" + pointCondition() + " ORDER BY t.valid_from";
		return query(sql, rs -> rs.next() ? Optional.of(Sql.versioned(rs, mapping)) : Optional.empty(), ps -> {
			ps.setObject(1, uuid);
			bindPoint(ps, 2, point);
		});
	}

	@Override
	public <T extends OrgObject> Page<Versioned<T>> list(Query<T> query) {
		Mapping<T> mapping = Mappings.of(query.type());
		List<Object> parameters = new ArrayList<>();
		String where = where(query, mapping, parameters);
		String count = "SELECT COUNT(*) FROM " + mapping.table() + " t" + where;
		long total = query(count, rs -> {
			rs.next();
			return rs.getLong(1);
		}, ps -> bindListParameters(ps, query.readPoint(), parameters));
		String sql = select(mapping) + where + " ORDER BY t.user_key, t.uuid OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
		List<Versioned<T>> items = query(sql, rs -> {
			List<Versioned<T>> result = new ArrayList<>();
			while (rs.next()) {
				result.add(Sql.versioned(rs, mapping));
			}
			return result;
		}, ps -> {
			int next = bindListParameters(ps, query.readPoint(), parameters);
			ps.setInt(next, query.offset());
			ps.setInt(next + 1, query.limit());
		});
		return new Page<>(items, total, query.offset(), query.limit());
	}

	@Override
	public <T extends OrgObject> Map<UUID, Integer> countBy(Query<T> query, String field) {
		Mapping<T> mapping = Mappings.of(query.type());
		String column = "t." + mapping.filterColumn(field);
		List<Object> parameters = new ArrayList<>();
		String sql = "SELECT " + column + ", COUNT(*) FROM " + mapping.table() + " t"
				+ where(query, mapping, parameters) + " AND " + column + " IS NOT NULL GROUP BY " + column;
		return query(sql, rs -> {
			Map<UUID, Integer> counts = new HashMap<>();
			while (rs.next()) {
				counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
			}
			return counts;
		}, ps -> bindListParameters(ps, query.readPoint(), parameters));
	}

	/** The WHERE clause of a list query; adds its parameters after the read point's. */
	private static String where(Query<?> query, Mapping<?> mapping, List<Object> parameters) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1" + pointCondition());
		query.references().forEach((field, uuid) -> {
			where.append(" AND t.").append(mapping.filterColumn(field)).append(" = ?");
			parameters.add(uuid);
		});
		if (query.userKey() != null) {
			where.append(" AND t.user_key = ?");
			parameters.add(query.userKey());
		}
		return where.toString();
	}

	@Override
	public <T extends OrgObject> List<Versioned<T>> history(Class<T> type, UUID uuid) {
		Mapping<T> mapping = Mappings.of(type);
		String sql = select(mapping) + " WHERE t.uuid = ? ORDER BY t.reg_from, t.valid_from";
		return query(sql, rs -> {
			List<Versioned<T>> result = new ArrayList<>();
			while (rs.next()) {
				result.add(Sql.versioned(rs, mapping));
			}
			return result;
		}, ps -> ps.setObject(1, uuid));
	}

	@Override
	public <T extends OrgObject> Timeline<T> timeline(Class<T> type, UUID uuid, Instant registeredAt) {
		Mapping<T> mapping = Mappings.of(type);
		String sql = "SELECT " + mapping.selectList("t") + " FROM " + mapping.table()
				+ " t WHERE t.uuid = ? AND t.reg_from <= ? AND t.reg_to > ? ORDER BY t.valid_from";
		return query(sql, rs -> {
			List<Segment<T>> segments = new ArrayList<>();
			while (rs.next()) {
				segments.add(new Segment<>(
						new Validity(rs.getObject("valid_from", LocalDate.class),
								rs.getObject("valid_to", LocalDate.class)),
						mapping.read(rs, uuid, rs.getString("user_key"))));
			}
			return Timeline.of(segments);
		}, ps -> {
			ps.setObject(1, uuid);
			ps.setObject(2, Sql.timestamp(registeredAt));
			ps.setObject(3, Sql.timestamp(registeredAt));
		});
	}

	@Override
	public <T extends OrgObject> Map<UUID, Timeline<T>> currentTimelines(Class<T> type, Collection<UUID> uuids) {
		Mapping<T> mapping = Mappings.of(type);
		try (Connection c = this.dataSource.getConnection()) {
			// a first load asks for thousands of objects a table without rows cannot hold
			if (uuids.isEmpty() || new EmptyTables(c).isEmpty(mapping.type())) {
				return new HashMap<>();
			}
			return Sql.currentTimelines(c, mapping, "uuid", uuids);
		}
		catch (SQLException ex) {
			throw new StoreException("Store read failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public <T extends OrgObject> Map<UUID, Timeline<T>> allCurrentTimelines(Class<T> type) {
		return currentTimelinesWhere(Mappings.of(type), "", 1);
	}

	/**
	 * First the UUIDs, through the index {@code engagement_primary_by_hand} (usually
	 * none), then their current timelines by UUID: one condition over all current
	 * engagements read every row of them.
	 */
	@Override
	public Map<UUID, Timeline<Engagement>> engagementsWithPrimaryByHand() {
		Mapping<Engagement> mapping = Mappings.of(Engagement.class);
		List<UUID> uuids = query(
				"SELECT DISTINCT uuid FROM " + mapping.table() + " WHERE primary_by_hand = TRUE AND reg_to = ?", rs -> {
					List<UUID> list = new ArrayList<>();
					while (rs.next()) {
						list.add(rs.getObject(1, UUID.class));
					}
					return list;
				}, ps -> ps.setObject(1, Sql.OPEN_REGISTRATION));
		return uuids.isEmpty() ? Map.of() : currentTimelines(Engagement.class, uuids);
	}

	/**
	 * The current timelines of the objects a condition on the current rows picks, in the
	 * order of their UUIDs.
	 * @param openRegistrations how many parameters (the first's included) take the open
	 * registration time
	 */
	private <T extends OrgObject> Map<UUID, Timeline<T>> currentTimelinesWhere(Mapping<T> mapping, String condition,
			int openRegistrations) {
		String sql = "SELECT " + mapping.selectList("t") + " FROM " + mapping.table() + " t WHERE t.reg_to = ?"
				+ condition + " ORDER BY t.uuid, t.valid_from";
		return query(sql, rs -> {
			Map<UUID, List<Segment<T>>> segments = new LinkedHashMap<>();
			while (rs.next()) {
				UUID uuid = rs.getObject("uuid", UUID.class);
				segments.computeIfAbsent(uuid, u -> new ArrayList<>())
					.add(new Segment<>(
							new Validity(rs.getObject("valid_from", LocalDate.class),
									rs.getObject("valid_to", LocalDate.class)),
							mapping.read(rs, uuid, rs.getString("user_key"))));
			}
			Map<UUID, Timeline<T>> result = new LinkedHashMap<>();
			segments.forEach((uuid, list) -> result.put(uuid, Timeline.of(list)));
			return result;
		}, ps -> {
			for (int i = 1; i <= openRegistrations; i++) {
				ps.setObject(i, Sql.OPEN_REGISTRATION);
			}
		});
	}

	@Override
	public ApplyResult apply(ChangeSet changeSet) {
		return inTransaction(changeSet, true, result -> true);
	}

	@Override
	public ApplyResult apply(ChangeSet changeSet, Predicate<ApplyResult> proceed) {
		return inTransaction(changeSet, true, proceed);
	}

	@Override
	public ApplyResult preview(ChangeSet changeSet) {
		return inTransaction(changeSet, false, result -> true);
	}

	@Override
	public Optional<UUID> identity(String source, ObjectType type, String externalId) {
		String sql = "SELECT uuid FROM source_identity WHERE source = ? AND object_type = ? AND external_id = ?";
		return query(sql, rs -> rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty(), ps -> {
			ps.setString(1, source);
			ps.setString(2, type.name());
			ps.setString(3, externalId);
		});
	}

	@Override
	public Map<String, UUID> identities(String source, ObjectType type) {
		try (Connection c = this.dataSource.getConnection()) {
			return identities(c, source, type);
		}
		catch (SQLException ex) {
			throw new StoreException("Could not read the identities of source " + source, ex);
		}
	}

	@Override
	public Map<UUID, List<String>> boundSources(ObjectType type, Collection<UUID> uuids) {
		Map<UUID, List<String>> result = new HashMap<>();
		List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(uuids));
		try (Connection c = this.dataSource.getConnection()) {
			for (int start = 0; start < all.size(); start += Sql.IN_CHUNK) {
				List<UUID> chunk = all.subList(start, Math.min(all.size(), start + Sql.IN_CHUNK));
				String sql = "SELECT uuid, source FROM source_identity WHERE object_type = ? AND uuid IN ("
						+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
						+ ") GROUP BY uuid, source ORDER BY uuid, MIN(registration_id), source";
				try (PreparedStatement ps = c.prepareStatement(sql)) {
					ps.setString(1, type.name());
					for (int i = 0; i < chunk.size(); i++) {
						ps.setObject(i + 2, chunk.get(i));
					}
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							result.computeIfAbsent(rs.getObject(1, UUID.class), u -> new ArrayList<>())
								.add(rs.getString(2));
						}
					}
				}
			}
			return result;
		}
		catch (SQLException ex) {
			throw new StoreException("Could not read the sources bound to " + type.collection(), ex);
		}
	}

	@Override
	public UUID newIdentity(String source, ObjectType type, String externalId) {
		Identities keyed = this.newIdentities;
		if (keyed == null) {
			String hex = query("SELECT secret FROM store_secret WHERE name = 'identity'", rs -> {
				if (!rs.next()) {
					throw new IllegalStateException(
							"The store has no identity secret (table store_secret): migrate it");
				}
				return rs.getString(1);
			}, ps -> {
			});
			keyed = new Identities(HexFormat.of().parseHex(hex));
			this.newIdentities = keyed;
		}
		return keyed.keyed(source, type, externalId);
	}

	@Override
	public Instant lastRegistered() {
		return query("SELECT last_registered_at FROM store_clock WHERE id = 1", rs -> {
			if (!rs.next()) {
				throw new SQLException("store_clock has no row: the schema is not migrated");
			}
			return Sql.instant(rs, "last_registered_at");
		}, ps -> {
		});
	}

	@Override
	public List<Registration> registrations(Actor actor, Instant since) {
		String sql = "SELECT id, " + Sql.registrationColumns().replace("r.", "")
				+ " FROM registration WHERE actor_kind = ? AND actor_name = ? AND registered_at >= ? ORDER BY id";
		return query(sql, rs -> {
			List<Registration> result = new ArrayList<>();
			while (rs.next()) {
				result.add(new Registration(rs.getLong("id"), Sql.instant(rs, "registered_at"),
						new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_name")),
						rs.getString("note")));
			}
			return result;
		}, ps -> {
			ps.setString(1, actor.kind().name());
			ps.setString(2, actor.name());
			ps.setObject(3, Sql.timestamp(since));
		});
	}

	static Map<String, UUID> identities(Connection c, String source, ObjectType type) throws SQLException {
		Map<String, UUID> result = new HashMap<>();
		String sql = "SELECT external_id, uuid FROM source_identity WHERE source = ? AND object_type = ?";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, source);
			ps.setString(2, type.name());
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					result.put(rs.getString(1), rs.getObject(2, UUID.class));
				}
			}
		}
		return result;
	}

	@Override
	public Optional<String> token(String source) {
		return query("SELECT token FROM source_token WHERE source = ?",
				rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(), ps -> ps.setString(1, source));
	}

	private ApplyResult inTransaction(ChangeSet changeSet, boolean write, Predicate<ApplyResult> proceed) {
		try (Connection c = this.dataSource.getConnection()) {
			boolean autoCommit = c.getAutoCommit();
			c.setAutoCommit(false);
			try {
				ApplyResult result = this.writer.apply(c, changeSet, write, proceed);
				if (write && result.applied()) {
					for (WriteListener listener : this.listeners) {
						listener.written(c, result);
					}
					c.commit();
				}
				else {
					c.rollback();
				}
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				c.rollback();
				throw ex;
			}
			finally {
				c.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new StoreException(
					"Change set by " + changeSet.actor() + " failed and was rolled back: " + ex.getMessage(), ex);
		}
	}

	private static String select(Mapping<?> mapping) {
		return "SELECT " + mapping.selectList("t") + ", " + Sql.registrationColumns() + " FROM " + mapping.table()
				+ " t JOIN registration r ON r.id = t.registration_id";
	}

	private static String pointCondition() {
		return " AND t.reg_from <= ? AND t.reg_to > ? AND t.valid_from <= ? AND t.valid_to > ?";
	}

	private static int bindPoint(PreparedStatement ps, int index, ReadPoint point) throws SQLException {
		ps.setObject(index, Sql.timestamp(point.registeredAt()));
		ps.setObject(index + 1, Sql.timestamp(point.registeredAt()));
		ps.setObject(index + 2, point.at());
		ps.setObject(index + 3, point.at());
		return index + 4;
	}

	private static int bindListParameters(PreparedStatement ps, ReadPoint point, List<Object> parameters)
			throws SQLException {
		int next = bindPoint(ps, 1, point);
		for (Object parameter : parameters) {
			ps.setObject(next++, parameter);
		}
		return next;
	}

	private <R> R query(String sql, ResultReader<R> reader, Binder binder) {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			binder.bind(ps);
			try (ResultSet rs = ps.executeQuery()) {
				return reader.read(rs);
			}
		}
		catch (SQLException ex) {
			throw new StoreException("Store read failed: " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface ResultReader<R> {

		R read(ResultSet rs) throws SQLException;

	}

	@FunctionalInterface
	private interface Binder {

		void bind(PreparedStatement ps) throws SQLException;

	}

}
