package dk.orghub.adapters.ad;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Page;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

/**
 * A {@link PersonLookup} over the store: lists every person valid on the date (as known
 * now), in pages of {@link Query#MAX_LIMIT}, and indexes them by CPR number. The CPR
 * numbers stay in memory for the run only.
 */
public final class StorePersonLookup implements PersonLookup {

	private final OrgStore store;

	private final Clock clock;

	public StorePersonLookup(OrgStore store, Clock clock) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Map<String, List<UUID>> personsByCpr(Set<String> cprs, LocalDate date) {
		ReadPoint point = ReadPoint.of(date, null, this.clock);
		Map<String, List<UUID>> result = new HashMap<>();
		int offset = 0;
		while (true) {
			Page<Versioned<Person>> page = this.store.list(Query.of(Person.class, point).page(offset, Query.MAX_LIMIT));
			for (Versioned<Person> version : page.items()) {
				Person person = version.value();
				if (person.cpr() != null) {
					String cpr = Cpr.normalise(person.cpr());
					if (cprs.contains(cpr)) {
						result.computeIfAbsent(cpr, c -> new ArrayList<>(1)).add(person.uuid());
					}
				}
			}
			offset += page.items().size();
			if (page.items().isEmpty() || offset >= page.total()) {
				return result;
			}
		}
	}

	@Override
	public Set<UUID> personsWithoutCpr(Set<UUID> persons, LocalDate date) {
		ReadPoint point = ReadPoint.of(date, null, this.clock);
		Set<UUID> result = new HashSet<>();
		for (UUID uuid : persons) {
			this.store.get(Person.class, uuid, point)
				.filter(v -> v.value().cpr() == null)
				.ifPresent(v -> result.add(uuid));
		}
		return result;
	}

}
