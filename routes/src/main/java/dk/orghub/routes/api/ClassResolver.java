package dk.orghub.routes.api;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import dk.orghub.core.model.Facet;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;

import org.springframework.stereotype.Component;

/**
 * Turns what a caller writes for a facet or a class (a UUID or a user key) into the UUID;
 * an unknown one is a bad parameter, named.
 */
@Component
class ClassResolver {

	private final OrgStore store;

	ClassResolver(OrgStore store) {
		this.store = store;
	}

	/** A facet by UUID or name ({@code address_type}). */
	UUID facet(String reference, String parameter, ReadPoint point) {
		Optional<UUID> uuid = uuid(reference);
		if (uuid.isPresent()) {
			if (this.store.get(Facet.class, uuid.get(), point).isEmpty()) {
				throw new BadParameterException(parameter, "there is no facet " + reference);
			}
			return uuid.get();
		}
		List<Versioned<Facet>> found = this.store.list(Query.of(Facet.class, point).withUserKey(reference).page(0, 1))
			.items();
		if (found.isEmpty()) {
			throw new BadParameterException(parameter, "there is no facet '" + reference + "'; facets are "
					+ names(this.store.list(Query.of(Facet.class, point)).items()));
		}
		return found.get(0).value().uuid();
	}

	/** A class of the named facet, by UUID or user key. */
	Klasse klasse(String facetName, String reference, String parameter, ReadPoint point) {
		UUID facet = facet(facetName, parameter, point);
		Optional<UUID> uuid = uuid(reference);
		if (uuid.isPresent()) {
			Optional<Versioned<Klasse>> klasse = this.store.get(Klasse.class, uuid.get(), point);
			if (klasse.isEmpty() || !facet.equals(klasse.get().value().facet())) {
				throw new BadParameterException(parameter, reference + " is not a class of " + facetName);
			}
			return klasse.get().value();
		}
		Query<Klasse> ofFacet = Query.of(Klasse.class, point).where("facet", facet);
		List<Versioned<Klasse>> found = this.store.list(ofFacet.withUserKey(reference).page(0, 1)).items();
		if (found.isEmpty()) {
			throw new BadParameterException(parameter, "'" + reference + "' is not a class of " + facetName
					+ "; its classes are " + names(this.store.list(ofFacet).items()));
		}
		return found.get(0).value();
	}

	private static TreeSet<String> names(List<? extends Versioned<?>> versions) {
		TreeSet<String> names = new TreeSet<>();
		versions.forEach(v -> names.add(v.value().userKey()));
		return names;
	}

	private static Optional<UUID> uuid(String reference) {
		if (reference.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(reference));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
