package dk.orghub.adapters.opus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.DesiredObject;

/**
 * A dump as canonical desired objects, keyed by {@link #key(ObjectType, String)}, units
 * parents first.
 *
 * @param protectedKeys keys of objects that belong to rejected records: neither changed
 * nor ended by this dump
 * @param leaves bare leave records, by employment number
 */
record MappedDump(String file, LocalDate date, Map<String, DesiredObject<?>> objects, Set<String> protectedKeys,
		List<RecordProblem> rejected, List<RecordProblem> warnings, List<RecordProblem> leaves) {

	static String key(ObjectType type, String externalId) {
		return type.name() + "/" + externalId;
	}

	/** The same dump with other objects (the hub's rules applied), in their order. */
	MappedDump withObjects(List<DesiredObject<?>> ruled) {
		Map<String, DesiredObject<?>> byKey = new LinkedHashMap<>();
		ruled.forEach((object) -> byKey.put(key(object.type(), object.externalId()), object));
		return new MappedDump(this.file, this.date, byKey, this.protectedKeys, this.rejected, this.warnings,
				this.leaves);
	}

	/** The objects in their order. */
	List<DesiredObject<?>> objectList() {
		return new ArrayList<>(this.objects.values());
	}

}
