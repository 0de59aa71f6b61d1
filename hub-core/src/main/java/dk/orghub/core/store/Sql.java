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

	/**
	 * At most this many parameters in one multi-row INSERT (PostgreSQL takes at most
	 * 65,535 a statement).
	 */
	static final int INSERT_PARAMETERS = 4000;

	/**
	 * From this many rows on, a write into one table on PostgreSQL goes through
	 * {@code COPY FROM STDIN} ({@link PgCopy}) instead of multi-row INSERTs.
	 */
	static final int COPY_ROWS = 500;

	/** Set when PostgreSQL is reached through another driver than pgjdbc. */
	private static volatile boolean noPgCopy;

	/**
	 * A table's columns as a write fills them: their names and JDBC types (the type binds
	 * a NULL).
	 */
	record Columns(String table, List<String> names, int[] sqlTypes) {

		Columns {
			names = List.copyOf(names);
			sqlTypes = sqlTypes.clone();
			if (names.size() != sqlTypes.length) {
				throw new IllegalArgumentException(names.size() + " columns with " + sqlTypes.length + " types");
			}
		}

		int size() {
			return this.names.size();
		}

		String list() {
			return String.join(", ", this.names);
		}

	}

	/**
	 * One row's values, in the order of the columns, written into {@code values} (of the
	 * columns' size, reused from row to row). A value is null, a {@link String},
	 * {@link UUID}, {@link LocalDate}, {@link OffsetDateTime}, {@link Boolean},
	 * {@link Long}, {@link Integer} or {@link java.math.BigDecimal}: the types both
	 * {@link PreparedStatement#setObject} and {@link CopyText} write.
	 */
	@FunctionalInterface
	interface RowValues<R> {

		void values(R row, Object[] values);

	}

	/**
	 * Inserts the rows inside the caller's transaction: with PostgreSQL's COPY from
	 * {@link #COPY_ROWS} rows on when the connection is PostgreSQL's driver's, else with
	 * multi-row INSERT statements ({@code VALUES (...), (...)}), as many rows a statement
	 * as {@link #INSERT_PARAMETERS} allows (on H2 and PostgreSQL alike several times
	 * faster than a JDBC batch of one-row INSERTs).
	 */
	static <R> void insertRows(Connection c, Columns columns, List<R> rows, RowValues<R> values) throws SQLException {
		if (rows.size() >= COPY_ROWS && copies(c)) {
			PgCopy.copy(c, columns, rows, values);
		}
		else {
			insertStatements(c, columns, rows, values);
		}
	}

	/**
	 * Whether {@link #insertRows} writes large writes on this connection with COPY: on
	 * PostgreSQL through its own driver. {@link PgCopy} is loaded only then, so the store
	 * needs no PostgreSQL driver on H2.
	 */
	static boolean copies(Connection c) throws SQLException {
		if (noPgCopy || !"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
			return false;
		}
		try {
			return PgCopy.available(c);
		}
		catch (LinkageError ex) {
			noPgCopy = true;
			return false;
		}
	}

	private static <R> void insertStatements(Connection c, Columns columns, List<R> rows, RowValues<R> values)
			throws SQLException {
		int width = columns.size();
		int perStatement = Math.max(1, INSERT_PARAMETERS / width);
		String insert = "INSERT INTO " + columns.table() + " (" + columns.list() + ") VALUES ";
		String marks = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
		Object[] row = new Object[width];
		PreparedStatement full = null;
		try {
			for (int start = 0; start < rows.size(); start += perStatement) {
				int count = Math.min(perStatement, rows.size() - start);
				String sql = insert + String.join(", ", Collections.nCopies(count, marks));
				PreparedStatement ps;
				if (count == perStatement) {
					if (full == null) {
						full = c.prepareStatement(sql);
					}
					ps = full;
				}
				else {
					ps = c.prepareStatement(sql);
				}
				try {
					for (int i = 0; i < count; i++) {
						values.values(rows.get(start + i), row);
						bind(ps, 1 + i * width, row, columns.sqlTypes());
					}
					ps.executeUpdate();
				}
				finally {
					if (ps != full) {
						ps.close();
					}
				}
			}
		}
		finally {
			if (full != null) {
				full.close();
			}
		}
	}

	private static void bind(PreparedStatement ps, int index, Object[] row, int[] sqlTypes) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			if (row[i] == null) {
				ps.setNull(index + i, sqlTypes[i]);
			}
			else {
				ps.setObject(index + i, row[i]);
			}
		}
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
		for (int start = 0; start < all.size(); start += IN_CHUNK) {
			List<?> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
			String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			String sql = "SELECT " + mapping.selectList("t") + " FROM " + mapping.table() + " t WHERE t." + column
					+ " IN (" + marks + ") AND t.reg_to = ? ORDER BY t.uuid, t.valid_from";
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				int i = 1;
				for (Object value : chunk) {
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
