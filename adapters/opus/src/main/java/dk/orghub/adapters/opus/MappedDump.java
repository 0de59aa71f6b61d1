package dk.orghub.adapters.opus;

import java.time.LocalDate;
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

}
