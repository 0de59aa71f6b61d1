package dk.orghub.adapters.opus;

import java.util.Map;

/**
 * One {@code <orgUnit>} or {@code <employee>} as read: its attributes and the text of its
 * child elements by name (an empty element gives an empty string).
 */
record OpusRecord(String element, int line, Map<String, String> attributes, Map<String, String> fields) {

	static final String ORG_UNIT = "orgUnit";

	static final String EMPLOYEE = "employee";

	/** Suffix of the field that marks an element with child elements. */
	static final String NESTED = "#nested";

	String id() {
		return this.attributes.getOrDefault("id", "").trim();
	}

	/** A field's trimmed text, {@code null} when absent or empty. */
	String field(String name) {
		String value = this.fields.get(name);
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** Whether the element had child elements (OPUS marks a protected value so). */
	boolean nested(String name) {
		return this.fields.containsKey(name + NESTED);
	}

	String attribute(String name) {
		String value = this.attributes.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
