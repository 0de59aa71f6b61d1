package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/** The SQL both the reader and the writer use; dialect-neutral (H2 and PostgreSQL). */
final class Sql {

	/** {@code reg_to} of a current row, and {@code valid_to} of an open-ended one. */
	static final OffsetDateTime OPEN_REGISTRATION = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

	static final int IN_CHUNK = 1000;

	private Sql() {
	}

	static OffsetDateTime timestamp(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : OPEN_REGISTRATION;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value == null || value.getYear() == 9999) ? null : value.toInstant();
	}

	static LocalDate validTo(Validity validity) {
		return validity.toOrEnd();
	}

	/** A stored row of a current timeline: its row id and segment. */
	record StoredRow<T extends OrgObject>(long rowId, Segment<T> segment) {

	}

	/**
	 * The current rows of objects whose {@code column} is one of {@code values}, by UUID.
	 */
	static <T extends OrgObject> Map<UUID, List<StoredRow<T>>> currentRows(Connection c, Mapping<T> mapping,
			String column, Collection<?> values) throws SQLException {
		Map<UUID, List<StoredRow<T>>> result = new LinkedHashMap<>();
		List<?> all = new ArrayList<>(values);
		if (all.stream().allMatch(UUID.class::isInstance)) {
			// in the index's order: each chunk reads one stretch of the index (and of
			// the table, for rows written in that order) instead of pages all over it
			@SuppressWarnings("unchecked")
			List<UUID> uuids = (List<UUID>) all;
			uuids.sort(BulkInsert.UUID_ORDER);
		}
		boolean literals = uuidLiteralsInList(c, all);
		for (int start = 0; start < all.size(); start += IN_CHUNK) {
			List<?> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
			String list = literals
					? chunk.stream().map((v) -> "UUID '" + (UUID) v + "'").collect(Collectors.joining(", "))
					: String.join(", ", Collections.nCopies(chunk.size(), "?"));
			String sql = "SELECT " + mapping.selectList("t") + " FROM " + mapping.table() + " t WHERE t." + column
					+ " IN (" + list + ") AND t.reg_to = ? ORDER BY t.uuid, t.valid_from";
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				int i = 1;
				for (Object value : (literals ? List.of() : chunk)) {
					ps.setObject(i++, value);
				}
				ps.setObject(i, OPEN_REGISTRATION);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						UUID uuid = rs.getObject("uuid", UUID.class);
						T value = mapping.read(rs, uuid, rs.getString("user_key"));
						Validity validity = new Validity(rs.getObject("valid_from", LocalDate.class),
								rs.getObject("valid_to", LocalDate.class));
						result.computeIfAbsent(uuid, u -> new ArrayList<>())
							.add(new StoredRow<>(rs.getLong("row_id"), new Segment<>(validity, value)));
					}
				}
			}
		}
		return result;
	}

	/**
	 * Whether an IN list of these values is written as UUID literals rather than
	 * parameters: on H2, which tests each row an index finds against an IN list of
	 * parameters one value after another (a thousand comparisons a row for a full chunk),
	 * and against one of constants in a hash set. A UUID's text is only hex digits and
	 * hyphens.
	 */
	private static boolean uuidLiteralsInList(Connection c, List<?> values) throws SQLException {
		return !values.isEmpty() && "H2".equals(c.getMetaData().getDatabaseProductName())
				&& values.stream().allMatch(UUID.class::isInstance);
	}

	/** Current timelines of the given objects; an unknown UUID has none. */
	static <T extends OrgObject> Map<UUID, Timeline<T>> currentTimelines(Connection c, Mapping<T> mapping,
			String column, Collection<?> values) throws SQLException {
		Map<UUID, Timeline<T>> result = new HashMap<>();
		for (Map.Entry<UUID, List<StoredRow<T>>> entry : currentRows(c, mapping, column, values).entrySet()) {
			result.put(entry.getKey(), Timeline.of(entry.getValue().stream().map(StoredRow::segment).toList()));
		}
		return result;
	}

	/**
	 * Reads a full version (with its registration) from a row of a select joined to
	 * registration.
	 */
	static <T extends OrgObject> Versioned<T> versioned(ResultSet rs, Mapping<T> mapping) throws SQLException {
		UUID uuid = rs.getObject("uuid", UUID.class);
		T value = mapping.read(rs, uuid, rs.getString("user_key"));
		Validity validity = new Validity(rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class));
		Registration registration = new Registration(rs.getLong("registration_id"), instant(rs, "registered_at"),
				new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_name")),
				rs.getString("note"));
		return new Versioned<>(value, validity, registration, instant(rs, "reg_to"));
	}

	static String registrationColumns() {
		return "r.registered_at, r.actor_kind, r.actor_name, r.note";
	}

}
