package dk.orghub.routes.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Reference filters of a list read; a {@code null} value means no filter. */
final class Filters {

	private Filters() {
	}

	static Map<String, UUID> none() {
		return Map.of();
	}

	static Map<String, UUID> of(String field, UUID value) {
		Map<String, UUID> filters = new LinkedHashMap<>();
		filters.put(field, value);
		return filters;
	}

	static Map<String, UUID> of(String field1, UUID value1, String field2, UUID value2) {
		Map<String, UUID> filters = of(field1, value1);
		filters.put(field2, value2);
		return filters;
	}

}
