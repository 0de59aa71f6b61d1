package dk.orghub.adapters.opus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code <orgUnit>} or {@code <employee>} as read: the text of the child elements the
 * adapter reads (an empty element gives an empty string) and its {@code id} and
 * {@code action} attributes. The parser skips the other elements and attributes, which a
 * real dump has many of, so a record holds one small array instead of a map.
 */
final class OpusRecord {

	static final String ORG_UNIT = "orgUnit";

	static final String EMPLOYEE = "employee";

	/** The attributes the adapter reads. */
	static final List<String> ATTRIBUTES = List.of("id", "action");

	/** The child elements the adapter reads (of a unit and of an employee). */
	static final List<String> FIELDS = List.of("startDate", "endDate", "parentOrgUnit", "shortName", "longName",
			"street", "zipCode", "city", "phoneNumber", "cvrNr", "eanNr", "seNr", "pNr", "orgType", "orgTypeTxt", "cpr",
			"entryDate", "leaveDate", "firstName", "lastName", "email", "workPhone", "userId", "address", "postalCode",
			"workContractText", "position", "isManager", "superiorLevel", "orgUnit", "numerator", "denominator");

	private static final Map<String, Integer> ATTRIBUTE_SLOTS = slots(ATTRIBUTES, 0);

	private static final Map<String, Integer> FIELD_SLOTS = slots(FIELDS, ATTRIBUTES.size());

	private static final int SLOTS = ATTRIBUTES.size() + FIELDS.size();

	private final String element;

	private final int line;

	/** The attributes' values, then the fields', in the order of the lists above. */
	private final String[] values;

	/** Bit {@code i} set: the field in slot {@code i} had child elements. */
	private final long nested;

	private OpusRecord(String element, int line, String[] values, long nested) {
		this.element = element;
		this.line = line;
		this.values = values;
		this.nested = nested;
	}

	String element() {
		return this.element;
	}

	int line() {
		return this.line;
	}

	String id() {
		String id = this.values[0];
		return (id != null) ? id.trim() : "";
	}

	/** A field's trimmed text, {@code null} when absent or empty. */
	String field(String name) {
		String value = this.values[slot(FIELD_SLOTS, name)];
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** Whether the element had child elements (OPUS marks a protected value so). */
	boolean nested(String name) {
		return (this.nested & (1L << slot(FIELD_SLOTS, name))) != 0;
	}

	String attribute(String name) {
		String value = this.values[slot(ATTRIBUTE_SLOTS, name)];
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	/** The slot of an attribute or field the adapter reads, or -1. */
	static int fieldSlot(String name) {
		return FIELD_SLOTS.getOrDefault(name, -1);
	}

	static int attributeSlot(String name) {
		return ATTRIBUTE_SLOTS.getOrDefault(name, -1);
	}

	private static int slot(Map<String, Integer> slots, String name) {
		Integer slot = slots.get(name);
		if (slot == null) {
			throw new IllegalArgumentException("'" + name + "' is not read from OPUS records (OpusRecord's lists)");
		}
		return slot;
	}

	private static Map<String, Integer> slots(List<String> names, int first) {
		Map<String, Integer> slots = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			slots.put(names.get(i), first + i);
		}
		return Map.copyOf(slots);
	}

	/** A record being read: values by slot, the last of an element repeated. */
	static final class Builder {

		private final String element;

		private final int line;

		private final String[] values = new String[SLOTS];

		private long nested;

		Builder(String element, int line) {
			this.element = element;
			this.line = line;
		}

		void set(int slot, String value, boolean hasChildren) {
			this.values[slot] = value;
			if (hasChildren) {
				this.nested |= 1L << slot;
			}
		}

		OpusRecord build() {
			return new OpusRecord(this.element, this.line, this.values, this.nested);
		}

	}

}
