package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.store.ChangeSet.IdentityBinding;
import dk.orghub.core.store.ChangeSet.Operation;
import dk.orghub.core.store.ChangeSet.Put;
import dk.orghub.core.store.ChangeSet.Remove;
import dk.orghub.core.store.ChangeSet.Replace;
import dk.orghub.core.store.InvariantChecker.Change;
import dk.orghub.core.store.Sql.StoredRow;

/**
 * Applies a change set on a connection inside the caller's transaction: computes each
 * named object's new timeline, checks the invariants, and writes one registration that
 * closes the superseded rows and inserts the new ones.
 */
final class StoreWriter {

	private static final BulkInsert.Columns IDENTITY_COLUMNS = new BulkInsert.Columns("source_identity",
			List.of("source", "object_type", "external_id", "uuid", "registration_id"),
			new int[] { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.BIGINT });

	/**
	 * The order rows are inserted in: by UUID as the databases order it (unsigned, unlike
	 * {@link UUID#compareTo}), then by the segment's start. Each table's index on
	 * {@code (uuid, reg_to)} then grows at its end (a first load) or is swept once,
	 * instead of changing at random places: the database touches (and H2 writes out, at
	 * each 19 MB of unsaved changes and again after the commit) a few of its pages
	 * instead of nearly all of them.
	 */
	static final Comparator<Segment<OrgObject>> IN_KEY_ORDER = Comparator
		.comparing((Segment<OrgObject> segment) -> segment.value().uuid(), BulkInsert.UUID_ORDER)
		.thenComparing((segment) -> segment.validity().from());

	/** Identity bindings in the order of {@code source_identity}'s primary key. */
	static final Comparator<IdentityBinding> BINDING_ORDER = Comparator.comparing(IdentityBinding::source)
		.thenComparing((binding) -> binding.type().name())
		.thenComparing(IdentityBinding::externalId);

	private final Clock clock;

	StoreWriter(Clock clock) {
		this.clock = clock;
	}

	ApplyResult apply(Connection c, ChangeSet changeSet, boolean write) throws SQLException {
		return apply(c, changeSet, write, result -> true);
	}

	/**
	 * @param proceed asked with the computed, checked result before anything is written;
	 * {@code false} writes nothing
	 */
	ApplyResult apply(Connection c, ChangeSet changeSet, boolean write, Predicate<ApplyResult> proceed)
			throws SQLException {
		Instant last = lockClock(c, write);
		Map<ObjectKey, List<Operation>> byObject = new LinkedHashMap<>();
		for (Operation operation : changeSet.operations()) {
			byObject.computeIfAbsent(new ObjectKey(operation.type(), operation.uuid()), k -> new ArrayList<>())
				.add(operation);
		}
		EmptyTables emptyTables = new EmptyTables(c);
		Map<ObjectKey, List<StoredRow<OrgObject>>> stored = loadCurrent(c, emptyTables, byObject.keySet());
		Map<ObjectKey, Change> changes = new LinkedHashMap<>();
		Map<ObjectKey, Timeline<?>> overlay = new HashMap<>();
		List<Violation> malformed = new ArrayList<>();
		int unchanged = 0;
		for (Map.Entry<ObjectKey, List<Operation>> entry : byObject.entrySet()) {
			ObjectKey key = entry.getKey();
			Timeline<OrgObject> before = Timeline
				.of(stored.getOrDefault(key, List.of()).stream().map(StoredRow::segment).toList());
			Timeline<OrgObject> after = before;
			for (Operation operation : entry.getValue()) {
				after = applyOperation(after, operation, malformed);
			}
			if (after.equals(before)) {
				unchanged++;
			}
			else {
				changes.put(key, new Change(before, after));
				overlay.put(key, after);
			}
		}
		if (!malformed.isEmpty()) {
			throw new InvariantViolationException(malformed);
		}
		InvariantChecker checker = new InvariantChecker(new StoreView(c, emptyTables, overlay), changes);
		checker.check();
		List<Violation> bindingConflicts = new ArrayList<>();
		List<IdentityBinding> newBindings = newBindings(c, changeSet.bindings(), changeSet.releases(),
				bindingConflicts);
		checker.violations().addAll(bindingConflicts);
		if (!checker.violations().isEmpty()) {
			throw new InvariantViolationException(checker.violations());
		}
		List<ObjectChange> objectChanges = new ArrayList<>(changes.size());
		changes.forEach((key, change) -> objectChanges
			.add(ObjectChange.of(key.type(), key.uuid(), change.before(), change.after())));
		boolean somethingToWrite = !changes.isEmpty() || !newBindings.isEmpty() || !changeSet.releases().isEmpty()
				|| !changeSet.tokens().isEmpty();
		ApplyResult computed = new ApplyResult(null, objectChanges, unchanged, checker.warnings(), false);
		if (!write || !somethingToWrite || !proceed.test(computed)) {
			return computed;
		}
		Registration registration = insertRegistration(c, changeSet, nextTime(last));
		writeRows(c, registration, changes, stored);
		releaseBindings(c, changeSet.releases());
		writeBindings(c, registration, newBindings);
		writeTokens(c, registration, changeSet.tokens());
		try (PreparedStatement ps = c.prepareStatement("UPDATE store_clock SET last_registered_at = ? WHERE id = 1")) {
			ps.setObject(1, Sql.timestamp(registration.time()));
			ps.executeUpdate();
		}
		return new ApplyResult(registration, objectChanges, unchanged, checker.warnings(), true);
	}

	@SuppressWarnings("unchecked")
	private static Timeline<OrgObject> applyOperation(Timeline<OrgObject> timeline, Operation operation,
			List<Violation> malformed) {
		if (operation instanceof Put put) {
			return timeline.put(put.validity(), put.value());
		}
		if (operation instanceof Remove remove) {
			return timeline.remove(remove.validity());
		}
		Replace replace = (Replace) operation;
		for (Segment<?> segment : replace.timeline().segments()) {
			OrgObject value = segment.value();
			if (value.type() != replace.type() || !value.uuid().equals(replace.uuid())) {
				malformed.add(new Violation(replace.type(), replace.uuid(), value.userKey(), "malformed-change",
						"replacement timeline holds a " + value.type().collection() + " version with UUID "
								+ value.uuid()));
				return timeline;
			}
		}
		return (Timeline<OrgObject>) replace.timeline();
	}

	private Instant lockClock(Connection c, boolean write) throws SQLException {
		String sql = "SELECT last_registered_at FROM store_clock WHERE id = 1" + (write ? " FOR UPDATE" : "");
		try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				throw new SQLException("store_clock has no row: the schema is not migrated");
			}
			return rs.getObject(1, OffsetDateTime.class).toInstant();
		}
	}

	/** Now, or just after the last registration if the clock has not moved on. */
	private Instant nextTime(Instant last) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
	}

	private static Map<ObjectKey, List<StoredRow<OrgObject>>> loadCurrent(Connection c, EmptyTables emptyTables,
			Set<ObjectKey> keys) throws SQLException {
		Map<ObjectType, Set<UUID>> byType = new EnumMap<>(ObjectType.class);
		keys.forEach(key -> byType.computeIfAbsent(key.type(), t -> new HashSet<>()).add(key.uuid()));
		Map<ObjectKey, List<StoredRow<OrgObject>>> result = new HashMap<>();
		for (Map.Entry<ObjectType, Set<UUID>> entry : byType.entrySet()) {
			if (emptyTables.isEmpty(entry.getKey())) {
				continue;
			}
			Mapping<OrgObject> mapping = Mappings.of(entry.getKey());
			Sql.currentRows(c, mapping, "uuid", entry.getValue())
				.forEach((uuid, rows) -> result.put(new ObjectKey(entry.getKey(), uuid), rows));
		}
		return result;
	}

	private static Registration insertRegistration(Connection c, ChangeSet changeSet, Instant time)
			throws SQLException {
		String sql = "INSERT INTO registration (registered_at, actor_kind, actor_name, note) VALUES (?, ?, ?, ?)";
		try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
			ps.setObject(1, Sql.timestamp(time));
			ps.setString(2, changeSet.actor().kind().name());
			ps.setString(3, truncate(changeSet.actor().name(), 200));
			ps.setString(4, truncate(changeSet.note(), 2000));
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return new Registration(keys.getLong(1), time, changeSet.actor(), changeSet.note());
			}
		}
	}

	private static void writeRows(Connection c, Registration registration, Map<ObjectKey, Change> changes,
			Map<ObjectKey, List<StoredRow<OrgObject>>> stored) throws SQLException {
		Map<ObjectType, List<Long>> closing = new EnumMap<>(ObjectType.class);
		Map<ObjectType, List<Segment<OrgObject>>> inserting = new EnumMap<>(ObjectType.class);
		for (Map.Entry<ObjectKey, Change> entry : changes.entrySet()) {
			ObjectKey key = entry.getKey();
			@SuppressWarnings("unchecked")
			List<Segment<OrgObject>> after = new ArrayList<>(
					((Timeline<OrgObject>) entry.getValue().after()).segments());
			for (StoredRow<OrgObject> row : stored.getOrDefault(key, List.of())) {
				if (!after.remove(row.segment())) {
					closing.computeIfAbsent(key.type(), t -> new ArrayList<>()).add(row.rowId());
				}
			}
			inserting.computeIfAbsent(key.type(), t -> new ArrayList<>()).addAll(after);
		}
		OffsetDateTime time = Sql.timestamp(registration.time());
		for (Map.Entry<ObjectType, List<Long>> entry : closing.entrySet()) {
			List<Long> rowIds = entry.getValue();
			for (int start = 0; start < rowIds.size(); start += Sql.IN_CHUNK) {
				List<Long> chunk = rowIds.subList(start, Math.min(rowIds.size(), start + Sql.IN_CHUNK));
				String sql = "UPDATE " + Mappings.of(entry.getKey()).table() + " SET reg_to = ? WHERE row_id IN ("
						+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
				try (PreparedStatement ps = c.prepareStatement(sql)) {
					ps.setObject(1, time);
					for (int i = 0; i < chunk.size(); i++) {
						ps.setLong(i + 2, chunk.get(i));
					}
					ps.executeUpdate();
				}
			}
		}
		for (Map.Entry<ObjectType, List<Segment<OrgObject>>> entry : inserting.entrySet()) {
			Mapping<OrgObject> mapping = Mappings.of(entry.getKey());
			entry.getValue().sort(IN_KEY_ORDER);
			BulkInsert.insert(c, mapping.insertColumns(), entry.getValue(), (segment, values) -> {
				values[0] = segment.value().uuid();
				values[1] = segment.value().userKey();
				values[2] = segment.validity().from();
				values[3] = Sql.validTo(segment.validity());
				values[4] = time;
				values[5] = Sql.OPEN_REGISTRATION;
				values[6] = registration.id();
				mapping.values(segment.value(), values, 7);
			});
		}
	}

	private static List<IdentityBinding> newBindings(Connection c, List<IdentityBinding> bindings,
			List<IdentityBinding> releases, List<Violation> conflicts) throws SQLException {
		if (bindings.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, UUID>> existing = new HashMap<>();
		List<IdentityBinding> result = new ArrayList<>();
		Map<String, UUID> inThisSet = new HashMap<>();
		for (IdentityBinding binding : bindings) {
			String group = binding.source() + "\u0000" + binding.type().name();
			Map<String, UUID> known = existing.get(group);
			if (known == null) {
				known = JdbcOrgStore.identities(c, binding.source(), binding.type());
				for (IdentityBinding released : releases) {
					if (released.source().equals(binding.source()) && released.type() == binding.type()) {
						known.remove(released.externalId(), released.uuid());
					}
				}
				existing.put(group, known);
			}
			UUID bound = known.get(binding.externalId());
			UUID pending = inThisSet.putIfAbsent(group + "\u0000" + binding.externalId(), binding.uuid());
			UUID other = (bound != null) ? bound : pending;
			if (other != null && !other.equals(binding.uuid())) {
				conflicts.add(new Violation(binding.type(), binding.uuid(), binding.externalId(), "identity-conflict",
						"source '" + binding.source() + "' id '" + binding.externalId() + "' is already bound to "
								+ other));
			}
			else if (bound == null && pending == null) {
				result.add(binding);
			}
		}
		return result;
	}

	private static void releaseBindings(Connection c, List<IdentityBinding> releases) throws SQLException {
		if (releases.isEmpty()) {
			return;
		}
		String sql = "DELETE FROM source_identity WHERE source = ? AND object_type = ? AND external_id = ? AND uuid = ?";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (IdentityBinding release : releases) {
				ps.setString(1, release.source());
				ps.setString(2, release.type().name());
				ps.setString(3, release.externalId());
				ps.setObject(4, release.uuid());
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static void writeBindings(Connection c, Registration registration, List<IdentityBinding> bindings)
			throws SQLException {
		if (bindings.isEmpty()) {
			return;
		}
		List<IdentityBinding> ordered = new ArrayList<>(bindings);
		ordered.sort(BINDING_ORDER);
		BulkInsert.insert(c, IDENTITY_COLUMNS, ordered, (binding, values) -> {
			values[0] = binding.source();
			values[1] = binding.type().name();
			values[2] = binding.externalId();
			values[3] = binding.uuid();
			values[4] = registration.id();
		});
	}

	private static void writeTokens(Connection c, Registration registration, Map<String, String> tokens)
			throws SQLException {
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			int updated;
			try (PreparedStatement ps = c
				.prepareStatement("UPDATE source_token SET token = ?, registration_id = ? WHERE source = ?")) {
				ps.setString(1, token.getValue());
				ps.setLong(2, registration.id());
				ps.setString(3, token.getKey());
				updated = ps.executeUpdate();
			}
			if (updated == 0) {
				try (PreparedStatement ps = c
					.prepareStatement("INSERT INTO source_token (source, token, registration_id) VALUES (?, ?, ?)")) {
					ps.setString(1, token.getKey());
					ps.setString(2, token.getValue());
					ps.setLong(3, registration.id());
					ps.executeUpdate();
				}
			}
		}
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
