package dk.orghub.routes.classes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.Klasse;
import dk.orghub.routes.config.HubProperties.ExtraClass;

/**
 * Which configured classes ({@code hub.classes}) the store lacks, and what is wrong with
 * the configuration. A class is there when its facet has a class with its user key,
 * whatever its title; classes are never changed or removed by configuration.
 *
 * @param missing the classes to add, with name-based UUIDs
 * @param errors one message per bad entry, naming it
 */
record ClassPlan(List<Klasse> missing, List<String> errors) {

	static ClassPlan of(List<ExtraClass> wanted, List<Facet> facets, List<Klasse> existing) {
		Map<String, Facet> facetsByName = facets.stream()
			.collect(Collectors.toMap(Facet::userKey, Function.identity(), (a, b) -> a));
		Set<String> present = new HashSet<>();
		for (Klasse klasse : existing) {
			present.add(klasse.facet() + "/" + klasse.userKey());
		}
		List<Klasse> missing = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < wanted.size(); i++) {
			ExtraClass entry = wanted.get(i);
			String name = "hub.classes[" + i + "]";
			Facet facet = facetsByName.get(entry.facet());
			if (facet == null) {
				errors.add(name + ".facet: there is no facet '" + entry.facet() + "'; facets are "
						+ new TreeSet<>(facetsByName.keySet()));
				continue;
			}
			boolean addressType = DefaultClasses.ADDRESS_TYPE.equals(facet.userKey());
			if (addressType && entry.scope() == null) {
				errors.add(name + ".scope: an address type needs a scope (how its values are validated)");
				continue;
			}
			if (!addressType && entry.scope() != null) {
				errors.add(name + ".scope: only address types have a scope, not classes of '" + facet.userKey() + "'");
				continue;
			}
			String key = facet.uuid() + "/" + entry.userKey();
			if (!seen.add(key)) {
				errors.add(name + ".user-key: '" + entry.userKey() + "' is configured twice for facet '"
						+ facet.userKey() + "'");
				continue;
			}
			if (!present.contains(key)) {
				UUID uuid = DefaultClasses.classUuid(facet.userKey(), entry.userKey());
				missing.add(new Klasse(uuid, entry.userKey(), facet.uuid(), entry.title(),
						(entry.scope() != null) ? entry.scope().name() : null));
			}
		}
		return new ClassPlan(missing, errors);
	}

}
