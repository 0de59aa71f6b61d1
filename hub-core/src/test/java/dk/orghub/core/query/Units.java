package dk.orghub.core.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/** Hand-built versions for the query tests. */
final class Units {

	static final Registration REGISTRATION = new Registration(1, Instant.parse("2024-01-01T08:00:00Z"),
			Actor.source("test"), null);

	private Units() {
	}

	static Versioned<OrgUnit> unit(String userKey, String name, Versioned<OrgUnit> parent) {
		return unit(userKey, name, (parent != null) ? parent.value().uuid() : null);
	}

	static Versioned<OrgUnit> unit(String userKey, String name, UUID parent) {
		return versioned(new OrgUnit(uuid(userKey), userKey, name, parent, null, null, null));
	}

	static Versioned<Manager> manager(String userKey, Versioned<OrgUnit> unit, UUID person) {
		return versioned(new Manager(uuid(userKey), userKey, unit.value().uuid(), person, null, null, null));
	}

	static <T extends OrgObject> Versioned<T> versioned(T value) {
		return new Versioned<>(value, Validity.from(LocalDate.of(2020, 1, 1)), REGISTRATION, null);
	}

	static UUID uuid(String key) {
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

}
