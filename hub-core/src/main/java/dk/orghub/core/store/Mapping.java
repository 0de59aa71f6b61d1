package dk.orghub.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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

	private final BulkInsert.Columns insertColumns;

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
		List<String> names = new ArrayList<>(
				List.of("uuid", "user_key", "valid_from", "valid_to", "reg_from", "reg_to", "registration_id"));
		List<Integer> types = new ArrayList<>(List.of(Types.OTHER, Types.VARCHAR, Types.DATE, Types.DATE,
				Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT));
		for (Column<T> column : columns) {
			names.add(column.name());
			types.add(column.sqlType());
		}
		this.insertColumns = new BulkInsert.Columns(table, names, types.stream().mapToInt(Integer::intValue).toArray());
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
	 * The columns a new row fills: the common columns but {@code row_id}, then this
	 * type's own.
	 */
	BulkInsert.Columns insertColumns() {
		return this.insertColumns;
	}

	/** Puts this type's own columns' values into {@code values} from {@code index} on. */
	void values(T value, Object[] values, int index) {
		int i = index;
		for (Column<T> column : this.columns) {
			values[i++] = column.getter().apply(value);
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
