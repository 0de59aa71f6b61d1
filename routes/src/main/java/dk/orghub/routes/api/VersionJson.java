package dk.orghub.routes.api;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.Registration;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/**
 * One version of an object as JSON: the object's fields, then its validity and
 * registration; {@code supersededAt} only when a later registration replaced it.
 */
record VersionJson<T extends OrgObject>(@JsonUnwrapped T value, ValidityJson validity, RegistrationJson registration,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instant supersededAt) {

	static <T extends OrgObject> VersionJson<T> of(Versioned<T> version) {
		return new VersionJson<>(version.value(), ValidityJson.of(version.validity()),
				RegistrationJson.of(version.registration()), version.supersededAt());
	}

	/**
	 * Business dates: {@code from} inclusive, {@code to} exclusive, {@code null} = open.
	 */
	record ValidityJson(LocalDate from, LocalDate to) {

		static ValidityJson of(Validity validity) {
			return new ValidityJson(validity.from(), validity.to());
		}

	}

	/** When the hub learned the version, from whom ({@code kind:name}) and why. */
	record RegistrationJson(Instant time, String actor, String note) {

		static RegistrationJson of(Registration registration) {
			return new RegistrationJson(registration.time(), registration.actor().toString(), registration.note());
		}

	}

}
