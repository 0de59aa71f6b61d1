package dk.orghub.adapters.sts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.store.OrgStore;

/**
 * The durable outbox between the store and STS Organisation.
 * <p>
 * {@link #writer()} is a {@link JdbcOrgStore.WriteListener}: give it to the store, and
 * every applied change set writes one {@code sts_outbox} row per changed object of a
 * published type, in the change set's own transaction (so a committed change is never
 * lost, and a rolled-back one never published). {@link #drain()} (called by a timer
 * route, e.g. every 500 ms) reads the rows in order, loads the objects' current
 * timelines, publishes exactly the affected STS objects through the adapter and deletes
 * the rows it handled. Objects that cannot be sent (refused, or still failing after the
 * retries) go to the quarantine with the reason and their rows are removed; the next full
 * publish ({@link StsOrganisationAdapter#publishAll()}) sends them again. An error
 * reading the store leaves the rows for the next drain.
 * <p>
 * Drains must not overlap on one database, but they may come from several hub instances
 * taking turns under a lock they share (the hub runs each drain as a run of the sync
 * {@code sts-publish}, under that sync's lock in the database). A drain deletes exactly
 * the rows it read, so a row committed meanwhile waits for the next drain. Each
 * instance's adapter keeps the canonical state in memory and patches it with the objects
 * it drains, so after another instance has drained that state may be missing changes. The
 * outbox therefore records which instance drained last ({@code sts_outbox_drainer}); a
 * drain by any other instance first reloads the state and compares all of it with the
 * ledger ({@link StsOrganisationAdapter#publishAll()}, which sends only what differs from
 * what was last sent), and only the instance that drained last sends just what the rows
 * affect. The first drain of an instance is such a full comparison, so changes committed
 * before its state was loaded are sent too.
 */
public final class StsOutbox {

	/** The canonical types whose changes can alter what is published. */
	static final Set<ObjectType> PUBLISHED = Set.of(ObjectType.ORG_UNIT, ObjectType.PERSON, ObjectType.ENGAGEMENT,
			ObjectType.MANAGER, ObjectType.ADDRESS, ObjectType.IT_USER, ObjectType.KLE, ObjectType.ASSOCIATION,
			ObjectType.KLASSE);

	/** What one drain did. */
	public record Drained(int rows, int objects, StsPublisher.Report report) {

	}

	private final DataSource dataSource;

	private final Clock clock;

	private final int batch;

	/** Who this outbox is in {@code sts_outbox_drainer}. */
	private final String drainer = UUID.randomUUID().toString();

	/**
	 * @param dataSource the store's database (the outbox table comes from
	 * {@link StsSchema#migrate})
	 * @param batch the most rows one drain takes
	 */
	public StsOutbox(DataSource dataSource, Clock clock, int batch) {
		if (batch < 1) {
			throw new IllegalArgumentException("batch must be positive");
		}
		this.dataSource = dataSource;
		this.clock = clock;
		this.batch = batch;
	}

	/**
	 * The store's write listener: writes the outbox rows inside the change set's
	 * transaction.
	 */
	public JdbcOrgStore.WriteListener writer() {
		return this::written;
	}

	private void written(Connection connection, ApplyResult result) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO sts_outbox (object_type, uuid, registration_id, created_at) VALUES (?, ?, ?, ?)")) {
			int rows = 0;
			for (ObjectChange change : result.changes()) {
				if (!PUBLISHED.contains(change.type())) {
					continue;
				}
				insert.setString(1, change.type().name());
				insert.setObject(2, change.uuid());
				if (result.registration() != null) {
					insert.setLong(3, result.registration().id());
				}
				else {
					insert.setNull(3, java.sql.Types.BIGINT);
				}
				insert.setTimestamp(4, Timestamp.from(this.clock.instant()));
				insert.addBatch();
				rows++;
			}
			if (rows > 0) {
				insert.executeBatch();
			}
		}
	}

	/** Rows waiting. */
	public int pending() {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM sts_outbox");
				ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_outbox: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Publishes what the waiting rows name and deletes them: up to {@code batch} rows
	 * object by object; a backlog of {@code batch} rows or more by one comparison of the
	 * whole state with what was last sent.
	 * @throws dk.orghub.core.spi.AdapterException when STS does not answer; the rows stay
	 */
	public Drained drain(OrgStore store, StsOrganisationAdapter adapter) {
		record Row(long id, ObjectType type, UUID uuid) {
		}
		List<Row> rows = new ArrayList<>();
		// a backlog of a whole batch or more (e.g. after a first import) is sent by one
		// full
		// comparison, cheaper than many drains that each map the state before and after
		boolean full = pending() >= this.batch;
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT id, object_type, uuid FROM sts_outbox ORDER BY id"
						+ (full ? "" : " FETCH FIRST " + this.batch + " ROWS ONLY"));
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				rows.add(new Row(rs.getLong(1), ObjectType.valueOf(rs.getString(2)), rs.getObject(3, UUID.class)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_outbox: " + ex.getMessage(), ex);
		}
		if (rows.isEmpty()) {
			return new Drained(0, 0, null);
		}
		// STS unreachable: leave the rows for the next drain rather than quarantine them
		adapter.testConnection();
		Map<ObjectType, Set<UUID>> byType = new LinkedHashMap<>();
		rows.forEach(r -> byType.computeIfAbsent(r.type(), t -> new java.util.LinkedHashSet<>()).add(r.uuid()));
		int objects = byType.values().stream().mapToInt(Set::size).sum();
		StsPublisher.Report report;
		if (full || !this.drainer.equals(lastDrainer())) {
			// Another instance drained since this one last did (or this one has not yet):
			// the adapter's state may miss what it drained. A state loaded now already
			// holds these rows' changes, so comparing it with itself would find nothing
			// to send; compare all of it with what was last sent instead.
			report = adapter.publishAll();
		}
		else {
			// the state before the timelines, so patching it never goes back in time
			adapter.state();
			List<TargetObject<?>> changed = new ArrayList<>();
			byType.forEach((type, uuids) -> changed.addAll(load(store, type, uuids)));
			report = adapter.publishChanges(changed);
		}
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement d = c.prepareStatement("DELETE FROM sts_outbox WHERE id = ?");
					PreparedStatement u = c
						.prepareStatement("UPDATE sts_outbox_drainer SET drainer = ?, drained_at = ? WHERE id = 1")) {
				// only the rows read: a row with a lower id may have been committed since
				for (Row row : rows) {
					d.setLong(1, row.id());
					d.addBatch();
				}
				d.executeBatch();
				u.setString(1, this.drainer);
				u.setTimestamp(2, Timestamp.from(this.clock.instant()));
				u.executeUpdate();
				c.commit();
			}
			catch (SQLException ex) {
				c.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot write sts_outbox: " + ex.getMessage(), ex);
		}
		return new Drained(rows.size(), objects, report);
	}

	/** The outbox that drained last, {@code null} when none has. */
	private String lastDrainer() {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT drainer FROM sts_outbox_drainer WHERE id = 1");
				ResultSet rs = s.executeQuery()) {
			return rs.next() ? rs.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read sts_outbox_drainer: " + ex.getMessage(), ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<TargetObject<?>> load(OrgStore store, ObjectType type, Collection<UUID> uuids) {
		Class<? extends OrgObject> javaType = switch (type) {
			case ORG_UNIT -> OrgUnit.class;
			case PERSON -> Person.class;
			case ENGAGEMENT -> Engagement.class;
			case MANAGER -> Manager.class;
			case ADDRESS -> Address.class;
			case IT_USER -> ItUser.class;
			case KLE -> Kle.class;
			case ASSOCIATION -> Association.class;
			case KLASSE -> Klasse.class;
			default -> throw new IllegalArgumentException(type + " is not published");
		};
		Map<UUID, Timeline<?>> found = (Map) store.currentTimelines(javaType, uuids);
		List<TargetObject<?>> result = new ArrayList<>();
		for (UUID uuid : uuids) {
			Timeline<?> timeline = found.getOrDefault(uuid, Timeline.empty());
			result.add(new TargetObject(type, uuid, timeline));
		}
		return result;
	}

}
