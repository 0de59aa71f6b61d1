package dk.orghub.adapters.exports;

import java.time.Instant;
import java.time.LocalDate;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/** Helpers for hand-made snapshots. */
public final class Snapshots {

	private static final Registration REGISTRATION = new Registration(1, Instant.parse("2025-01-01T00:00:00Z"),
			Actor.source("test"), null);

	private Snapshots() {
	}

	/** A version valid from 2020-01-01, open-ended. */
	public static <T extends OrgObject> Versioned<T> v(T value) {
		return new Versioned<>(value, Validity.from(LocalDate.of(2020, 1, 1)), REGISTRATION, null);
	}

	public static <T extends OrgObject> Versioned<T> v(T value, Validity validity) {
		return new Versioned<>(value, validity, REGISTRATION, null);
	}

}
