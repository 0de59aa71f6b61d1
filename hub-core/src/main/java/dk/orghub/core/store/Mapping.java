package dk.orghub.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;

/**
 * How one object type is stored: its table, its own columns beside the common bitemporal
 * ones, the reference columns a query may filter on, and the references the invariants
 * check.
 */
final class Mapping<T extends OrgObject> {

	/** Columns every object table has, in this order. */
	static final String COMMON_COLUMNS = "row_id, uuid, user_key, valid_from, valid_to, reg_from, reg_to, registration_id";

	private final ObjectType type;

	private final Class<T> javaType;

	private final String table;

	private final List<Column<T>> columns;

	private final RowReader<T> reader;

	private final Map<String, String> filterColumns;

	private final List<Reference<T>> references;

	Mapping(ObjectType type, Class<T> javaType, String table, List<Column<T>> columns, RowReader<T> reader,
			List<Reference<T>> references) {
		this.type = type;
		this.javaType = javaType;
		this.table = table;
		this.columns = List.copyOf(columns);
		this.reader = reader;
		this.references = List.copyOf(references);
		Map<String, String> filters = new LinkedHashMap<>();
		for (Column<T> column : columns) {
			if (column.filterField() != null) {
				filters.put(column.filterField(), column.name());
			}
		}
		this.filterColumns = Map.copyOf(filters);
	}

	ObjectType type() {
		return this.type;
	}

	Class<T> javaType() {
		return this.javaType;
	}

	String table() {
		return this.table;
	}

	List<Column<T>> columns() {
		return this.columns;
	}

	List<Reference<T>> references() {
		return this.references;
	}

	/**
	 * The column of a filterable reference field, e.g. {@code parent} to
	 * {@code parent_uuid}.
	 */
	String filterColumn(String field) {
		String column = this.filterColumns.get(field);
		if (column == null) {
			throw new IllegalArgumentException("cannot filter " + this.type.collection() + " by '" + field
					+ "'; possible: " + this.filterColumns.keySet());
		}
		return column;
	}

	Map<String, String> filterColumns() {
		return this.filterColumns;
	}

	String selectList(String alias) {
		StringBuilder sql = new StringBuilder();
		for (String common : COMMON_COLUMNS.split(", ")) {
			sql.append(alias).append('.').append(common).append(", ");
		}
		for (Column<T> column : this.columns) {
			sql.append(alias).append('.').append(column.name()).append(", ");
		}
		sql.setLength(sql.length() - 2);
		return sql.toString();
	}

	/**
	 * {@code INSERT INTO table (the common columns but row_id, then its own) VALUES},
	 * without the rows.
	 */
	String insertSql() {
		StringBuilder names = new StringBuilder(
				"uuid, user_key, valid_from, valid_to, reg_from, reg_to, registration_id");
		for (Column<T> column : this.columns) {
			names.append(", ").append(column.name());
		}
		return "INSERT INTO " + this.table + " (" + names + ") VALUES";
	}

	/** The number of columns {@link #insertSql()} names. */
	int insertColumns() {
		return 7 + this.columns.size();
	}

	/** Binds this type's own columns from {@code index} on. */
	void bind(PreparedStatement statement, int index, T value) throws SQLException {
		int i = index;
		for (Column<T> column : this.columns) {
			Object v = column.getter().apply(value);
			if (v == null) {
				statement.setNull(i++, column.sqlType());
			}
			else {
				statement.setObject(i++, v);
			}
		}
	}

	T read(ResultSet rs, UUID uuid, String userKey) throws SQLException {
		return this.reader.read(rs, uuid, userKey);
	}

	/**
	 * One column of an object table.
	 *
	 * @param filterField the query field name when the column can be filtered on, else
	 * null
	 */
	record Column<T>(String name, int sqlType, Function<T, Object> getter, String filterField) {

	}

	/** Reads a value from the current row; common columns are read by the caller. */
	@FunctionalInterface
	interface RowReader<T> {

		T read(ResultSet rs, UUID uuid, String userKey) throws SQLException;

	}

	/**
	 * A reference from an object to another that must exist on every day the referring
	 * version is valid.
	 *
	 * @param field the referring field, for messages
	 * @param target the referenced object's type and UUID, or null when the field is
	 * empty
	 * @param dependentColumn the column holding the referenced UUID, for finding
	 * dependents
	 * @param targetTypes the types the reference can point at
	 */
	record Reference<T>(String field, Function<T, Target> target, String dependentColumn, List<ObjectType> targetTypes,
			String rule) {

	}

	record Target(ObjectType type, UUID uuid) {

	}

}
