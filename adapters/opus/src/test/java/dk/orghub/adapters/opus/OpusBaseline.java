package dk.orghub.adapters.opus;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.store.BulkInsert;

/**
 * The least work that puts a dump's content into the store's tables: a streaming parse
 * that turns each record straight into rows of the same tables the hub fills (units and
 * their addresses, persons, engagements, managers, the classes the dump names, the
 * identity bindings and one registration), written in one transaction into the migrated
 * schema with all of the store's indexes. No validation, no rules, no timelines, no
 * checks.
 * <p>
 * Each table's rows are held until the end and go out in the order of its key, as the
 * hub's store writes them, as multi-row {@code INSERT}s of {@value #ROWS_PER_STATEMENT}
 * rows a statement, or, on PostgreSQL with {@link Method#COPY}, through
 * {@code COPY FROM STDIN}.
 */
final class OpusBaseline {

	static final int ROWS_PER_STATEMENT = 200;

	enum Method {

		/** one prepared INSERT per row, executed in JDBC batches of 1,000 */
		BATCH,
		/**
		 * multi-row INSERTs ({@value OpusBaseline#ROWS_PER_STATEMENT} rows a statement)
		 */
		MULTI_ROW,
		/** PostgreSQL's COPY FROM STDIN (text format) */
		COPY

	}

	private static final LocalDate OPEN_DATE = LocalDate.of(9999, 12, 31);

	private static final OffsetDateTime OPEN = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String COMMON = "uuid, user_key, valid_from, valid_to, reg_from, reg_to, registration_id";

	private static final int[] COMMON_TYPES = { Types.OTHER, Types.VARCHAR, Types.DATE, Types.DATE,
			Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT };

	private OpusBaseline() {
	}

	/** Writes the dump's rows; returns the rows written by table. */
	static Map<String, Long> load(Path file, DataSource dataSource, Method method) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
			long registration = registration(c, now);
			Tables tables = new Tables(c, method);
			Table units = tables.objects("org_unit", "name, parent_uuid, unit_type, hierarchy", Types.VARCHAR,
					Types.OTHER, Types.OTHER, Types.OTHER);
			Table addresses = tables.objects("address",
					"owner_uuid, owner_kind, address_type, address_value, visibility", Types.OTHER, Types.VARCHAR,
					Types.OTHER, Types.VARCHAR, Types.OTHER);
			Table persons = tables.objects("person", "cpr, given_name, surname", Types.VARCHAR, Types.VARCHAR,
					Types.VARCHAR);
			Table engagements = tables.objects("engagement",
					"person_uuid, unit_uuid, job_function, engagement_type, fraction, is_primary", Types.OTHER,
					Types.OTHER, Types.OTHER, Types.OTHER, Types.NUMERIC, Types.BOOLEAN);
			Table managers = tables.objects("manager", "unit_uuid, person_uuid, manager_type, manager_level",
					Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER);
			Table classes = tables.objects("klasse", "facet_uuid, title", Types.OTHER, Types.VARCHAR);
			Table identities = tables.table("source_identity",
					"source, object_type, external_id, uuid, registration_id", Types.VARCHAR, Types.VARCHAR,
					Types.VARCHAR, Types.OTHER, Types.BIGINT);
			UUID line = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_HIERARCHY, "Linjeorganisation");
			UUID managerType = uuid("manager-type");
			Map<String, UUID> people = new HashMap<>();
			Set<UUID> knownClasses = new HashSet<>();
			OpusParser.parse(file, (record) -> {
				try {
					boolean unit = record.element().equals(OpusRecord.ORG_UNIT);
					LocalDate from = LocalDate.parse(record.field(unit ? "startDate" : "entryDate"));
					if (unit) {
						UUID uuid = uuid("unit:" + record.id());
						String parent = record.field("parentOrgUnit");
						UUID type = klasse("unit-type", record.field("orgTypeTxt"), classes, knownClasses, from, now,
								registration);
						units.object(uuid, record.id(), from, now, registration, record.field("longName"),
								(parent != null) ? uuid("unit:" + parent) : null, type, line);
						identities.row("baseline", "ORG_UNIT", record.id(), uuid, registration);
						for (String[] field : new String[][] { { "PHONE", "phoneNumber" }, { "POSTAL", "street" },
								{ "EAN", "eanNr" }, { "PNUMBER", "pNr" }, { "SE", "seNr" }, { "CVR", "cvrNr" } }) {
							String value = record.field(field[1]);
							if (value != null) {
								String id = record.id() + ":" + field[0];
								UUID address = uuid("address:" + id);
								addresses.object(address, id, from, now, registration, uuid, "ORG_UNIT",
										uuid("address-type:" + field[0]), value, uuid("visibility"));
								identities.row("baseline", "ADDRESS", id, address, registration);
							}
						}
						return;
					}
					String cpr = record.field("cpr");
					UUID person = people.get(cpr);
					if (person == null) {
						person = UUID.randomUUID();
						people.put(cpr, person);
						persons.object(person, person.toString(), LocalDate.of(1900, 1, 1), now, registration, cpr,
								record.field("firstName"), record.field("lastName"));
						identities.row("baseline", "PERSON", cpr, person, registration);
					}
					UUID unitUuid = uuid("unit:" + record.field("orgUnit"));
					UUID uuid = uuid("engagement:" + record.id());
					int d = Integer.parseInt(record.field("denominator"));
					engagements.object(uuid, record.id(), from, now, registration, person, unitUuid,
							klasse("job-function", record.field("position"), classes, knownClasses, from, now,
									registration),
							klasse("engagement-type", record.field("workContractText"), classes, knownClasses, from,
									now, registration),
							(d == 0) ? null : new BigDecimal(record.field("numerator")).divide(BigDecimal.valueOf(d), 4,
									RoundingMode.HALF_UP),
							true);
					identities.row("baseline", "ENGAGEMENT", record.id(), uuid, registration);
					if ("true".equals(record.field("isManager"))) {
						UUID manager = uuid("manager:" + record.id());
						managers.object(manager, record.id(), from, now, registration, unitUuid, person, managerType,
								klasse("manager-level", record.field("superiorLevel"), classes, knownClasses, from, now,
										registration));
						identities.row("baseline", "MANAGER", record.id(), manager, registration);
					}
				}
				catch (SQLException | IOException ex) {
					throw new IllegalStateException(ex);
				}
			});
			tables.finish();
			c.commit();
			return tables.counts();
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static UUID klasse(String facet, String title, Table classes, Set<UUID> known, LocalDate from,
			OffsetDateTime now, long registration) throws SQLException, IOException {
		if (title == null) {
			return null;
		}
		UUID uuid = uuid("class:" + facet + ":" + title);
		if (known.add(uuid)) {
			classes.object(uuid, title, LocalDate.of(1900, 1, 1), now, registration, uuid("facet:" + facet), title);
		}
		return uuid;
	}

	private static long registration(Connection c, OffsetDateTime now) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"INSERT INTO registration (registered_at, actor_kind, actor_name, note) VALUES (?, 'SOURCE', 'baseline', null)",
				new String[] { "id" })) {
			ps.setObject(1, now);
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(("baseline:" + name).getBytes(StandardCharsets.UTF_8));
	}

	/** The tables being written, so that all are flushed at the end. */
	private static final class Tables {

		private final Connection connection;

		private final Method method;

		private final List<Table> all = new ArrayList<>();

		Tables(Connection connection, Method method) {
			this.connection = connection;
			this.method = method;
		}

		Table objects(String table, String columns, int... types) {
			int[] all = Arrays.copyOf(COMMON_TYPES, COMMON_TYPES.length + types.length);
			System.arraycopy(types, 0, all, COMMON_TYPES.length, types.length);
			return table(table, COMMON + ", " + columns, all);
		}

		Table table(String table, String columns, int... types) {
			Table result = new Table(this.connection, this.method, table, columns, types);
			this.all.add(result);
			return result;
		}

		void finish() throws SQLException, IOException {
			for (Table table : this.all) {
				table.writeInKeyOrder();
				table.close();
			}
		}

		Map<String, Long> counts() {
			Map<String, Long> result = new LinkedHashMap<>();
			this.all.forEach((t) -> result.put(t.name, t.written));
			return result;
		}

	}

	/** Rows of one table, buffered and written a statement (or a COPY) at a time. */
	private static final class Table {

		private final Connection connection;

		private final Method method;

		private final String name;

		private final String columns;

		private final int[] types;

		private final List<Object[]> rows = new ArrayList<>();

		private final List<Object[]> pending = new ArrayList<>();

		private PreparedStatement statement;

		private long written;

		Table(Connection connection, Method method, String name, String columns, int[] types) {
			this.connection = connection;
			this.method = method;
			this.name = name;
			this.columns = columns;
			this.types = types;
		}

		void object(UUID uuid, String key, LocalDate from, OffsetDateTime now, long registration, Object... own)
				throws SQLException, IOException {
			Object[] row = new Object[7 + own.length];
			row[0] = uuid;
			row[1] = key;
			row[2] = from;
			row[3] = OPEN_DATE;
			row[4] = now;
			row[5] = OPEN;
			row[6] = registration;
			System.arraycopy(own, 0, row, 7, own.length);
			row(row);
		}

		void row(Object... values) {
			this.rows.add(values);
		}

		/**
		 * Writes the table's rows in the order of its primary key or leading index (by
		 * the first columns; UUIDs as the databases order them), as the hub's store does:
		 * the index then grows at its end instead of changing pages all over it.
		 */
		void writeInKeyOrder() throws SQLException, IOException {
			this.rows.sort(Table::compareRows);
			int limit = (this.method == Method.BATCH) ? 1000 : (this.method == Method.COPY) ? 5000 : ROWS_PER_STATEMENT;
			for (int start = 0; start < this.rows.size(); start += limit) {
				this.pending.addAll(this.rows.subList(start, Math.min(this.rows.size(), start + limit)));
				flush();
			}
			this.rows.clear();
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static int compareRows(Object[] a, Object[] b) {
			for (int column = 0; column < Math.min(a.length, b.length); column++) {
				Object x = a[column];
				Object y = b[column];
				if (x == null || y == null) {
					continue;
				}
				int order = (x instanceof UUID ux && y instanceof UUID uy) ? BulkInsert.UUID_ORDER.compare(ux, uy)
						: ((Comparable) x).compareTo(y);
				if (order != 0) {
					return order;
				}
			}
			return 0;
		}

		private void flush() throws SQLException, IOException {
			if (this.pending.isEmpty()) {
				return;
			}
			switch (this.method) {
				case BATCH -> batch();
				case MULTI_ROW -> multiRow();
				case COPY -> copy();
			}
			this.written += this.pending.size();
			this.pending.clear();
		}

		private void batch() throws SQLException {
			if (this.statement == null) {
				this.statement = this.connection.prepareStatement(insert(1));
			}
			for (Object[] row : this.pending) {
				bind(this.statement, 1, row);
				this.statement.addBatch();
			}
			this.statement.executeBatch();
		}

		private void multiRow() throws SQLException {
			if (this.pending.size() == ROWS_PER_STATEMENT) {
				if (this.statement == null) {
					this.statement = this.connection.prepareStatement(insert(ROWS_PER_STATEMENT));
				}
				bindAll(this.statement);
				this.statement.executeUpdate();
			}
			else {
				try (PreparedStatement ps = this.connection.prepareStatement(insert(this.pending.size()))) {
					bindAll(ps);
					ps.executeUpdate();
				}
			}
		}

		private void bindAll(PreparedStatement ps) throws SQLException {
			int index = 1;
			for (Object[] row : this.pending) {
				index = bind(ps, index, row);
			}
		}

		private int bind(PreparedStatement ps, int index, Object[] row) throws SQLException {
			int i = index;
			for (int column = 0; column < this.types.length; column++) {
				Object value = (column < row.length) ? row[column] : null;
				if (value == null) {
					ps.setNull(i++, this.types[column]);
				}
				else {
					ps.setObject(i++, value);
				}
			}
			return i;
		}

		private String insert(int rows) {
			String marks = "(" + String.join(", ", java.util.Collections.nCopies(this.types.length, "?")) + ")";
			return "INSERT INTO " + this.name + " (" + this.columns + ") VALUES "
					+ String.join(", ", java.util.Collections.nCopies(rows, marks));
		}

		private void copy() throws SQLException, IOException {
			StringBuilder text = new StringBuilder(this.pending.size() * 200);
			for (Object[] row : this.pending) {
				for (int column = 0; column < this.types.length; column++) {
					if (column > 0) {
						text.append('\t');
					}
					Object value = (column < row.length) ? row[column] : null;
					if (value == null) {
						text.append("\\N");
					}
					else {
						String s = value.toString();
						for (int i = 0; i < s.length(); i++) {
							char ch = s.charAt(i);
							switch (ch) {
								case '\\' -> text.append("\\\\");
								case '\t' -> text.append("\\t");
								case '\n' -> text.append("\\n");
								case '\r' -> text.append("\\r");
								default -> text.append(ch);
							}
						}
					}
				}
				text.append('\n');
			}
			this.connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + this.name + " (" + this.columns + ") FROM STDIN", new StringReader(text.toString()));
		}

		void close() throws SQLException {
			if (this.statement != null) {
				this.statement.close();
			}
		}

	}

}
