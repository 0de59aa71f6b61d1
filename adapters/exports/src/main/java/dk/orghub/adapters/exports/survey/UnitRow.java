package dk.orghub.adapters.exports.survey;

import java.util.UUID;

/**
 * A row of the units sheet.
 *
 * @param unit the unit's UUID
 * @param userKey the unit code
 * @param parent the parent's UUID, {@code null} for a root
 * @param name the unit's name at the date
 * @param path the names from the root of the organisation down to the unit, joined by
 * {@code " / "}
 * @param managerPerson the manager's person UUID, {@code null} when there is none
 * @param managerName the manager's name, {@code null} when there is none
 * @param managerEmail the manager's work e-mail, {@code null} when unknown
 * @param managerInherited whether the manager is the nearest manager above (the unit has
 * no manager of its own)
 * @param managerUnit the unit whose manager role the manager holds, {@code null} when
 * there is none
 * @param managerUnitName that unit's name
 * @param respondents the number of respondent rows in the unit itself (not below it)
 */
public record UnitRow(UUID unit, String userKey, UUID parent, String name, String path, UUID managerPerson,
		String managerName, String managerEmail, boolean managerInherited, UUID managerUnit, String managerUnitName,
		int respondents) {

	public boolean hasManager() {
		return this.managerPerson != null;
	}

}
