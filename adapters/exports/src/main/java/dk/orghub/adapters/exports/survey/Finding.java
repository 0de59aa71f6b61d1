package dk.orghub.adapters.exports.survey;

import java.util.Objects;
import java.util.UUID;

/**
 * A data-quality finding: what a survey coordinator would otherwise find by hand. Never
 * contains a CPR number.
 *
 * @param kind what was found
 * @param object the UUID of the unit, person or engagement concerned
 * @param userKey its user key (unit code, person key, employment number)
 * @param name a name to recognise it by (unit name, person name)
 * @param unit the unit concerned, {@code null} when unknown
 * @param unitName that unit's name, {@code null} when unknown
 * @param detail what exactly, in English
 */
public record Finding(FindingKind kind, UUID object, String userKey, String name, UUID unit, String unitName,
		String detail) {

	public Finding {
		Objects.requireNonNull(kind, "kind");
	}

	public Severity severity() {
		return this.kind.severity();
	}

}
