package dk.orghub.core.model;

import java.util.UUID;

/**
 * One version of an object of the canonical model: the values that hold for one validity
 * segment. Implementations are immutable records; the identity is the {@link #uuid()},
 * the key people use is the {@link #userKey()}.
 */
public sealed interface OrgObject
		permits Organisation, OrgUnit, Person, Engagement, Association, Manager, Address, ItUser, Kle, Facet, Klasse {

	UUID uuid();

	String userKey();

	default ObjectType type() {
		return ObjectType.of(this);
	}

}
