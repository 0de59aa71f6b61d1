package dk.orghub.adapters.ad;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the persons (delivered by payroll) that directory accounts belong to, by CPR
 * number. The directory source asks once per run.
 * <p>
 * {@link StorePersonLookup} reads them from the store; {@link #of(Map)} takes a ready
 * map.
 */
@FunctionalInterface
public interface PersonLookup {

	/**
	 * The persons valid on {@code date} with each of the CPR numbers (ten digits); a
	 * number no person has may be absent or map to an empty list, and one several persons
	 * share maps to all of them. An implementation may return more numbers than asked
	 * for.
	 */
	Map<String, List<UUID>> personsByCpr(Set<String> cprs, LocalDate date);

	/**
	 * Of {@code persons}, those valid on {@code date} that have no CPR number (marked as
	 * having none, or not known): the accounts naming them in the person-UUID attribute
	 * are theirs. A lookup that knows no such persons returns none, as this default does.
	 */
	default Set<UUID> personsWithoutCpr(Set<UUID> persons, LocalDate date) {
		return Set.of();
	}

	/** A lookup over a fixed map from CPR number (ten digits) to person. */
	static PersonLookup of(Map<String, UUID> byCpr) {
		Map<String, List<UUID>> copy = new HashMap<>();
		byCpr.forEach((cpr, person) -> copy.put(cpr, List.of(person)));
		Map<String, List<UUID>> fixed = Map.copyOf(copy);
		return (cprs, date) -> fixed;
	}

}
