package dk.orghub.samples.municipality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.Association;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;

/**
 * What a municipality keeps beside its payroll: the MED organisation (a main committee,
 * an area committee per forvaltning, local committees of the larger institutions, each
 * covering line units), the persons payroll does not know (interns, external consultants,
 * some without a CPR number, and politicians), and the associations that tie persons to
 * units: theirs, and the MED representatives' (employees) to their committees. Immutable;
 * the maps keep generation order (committees parents first).
 *
 * @param medUnits the MED organisation's units, parents first
 * @param persons the persons who have no engagement
 * @param associations every association
 */
public record LocalActors(Map<UUID, Timeline<OrgUnit>> medUnits, Map<UUID, Timeline<Person>> persons,
		Map<UUID, Timeline<Association>> associations) {

	public LocalActors {
		medUnits = frozen(medUnits);
		persons = frozen(persons);
		associations = frozen(associations);
	}

	/** None: a municipality of payroll data only. */
	public static LocalActors none() {
		return new LocalActors(Map.of(), Map.of(), Map.of());
	}

	public int objectCount() {
		return this.medUnits.size() + this.persons.size() + this.associations.size();
	}

	private static <T> Map<UUID, T> frozen(Map<UUID, T> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
	}

}
