package dk.orghub.adapters.exports.survey;

import java.util.UUID;

/**
 * A row of the respondents sheet: one engagement of a person valid at the date.
 *
 * @param employmentNumber the engagement's user key
 * @param engagement the engagement's UUID
 * @param person the person's UUID
 * @param personKey the person's user key (never the CPR number)
 * @param name given name and surname
 * @param unit the engagement's unit
 * @param unitKey the unit code
 * @param unitName the unit's name at the date
 * @param email the work e-mail (the engagement's, else the person's), {@code null} when
 * unknown
 * @param manager whether the person holds a manager role of that unit
 * @param primary whether this is the person's primary engagement
 * @param ageBand the age band at the date, {@code null} when not asked for or the CPR
 * number is missing or invalid
 * @param sex the sex from the CPR number, {@code null} when not asked for or unknown
 * @param medGroup the MED committee the unit belongs to
 * ({@link SurveyOptions#medGroups}), {@code null} when not asked for or none covers it
 * @param medGroupName that committee's name
 */
public record RespondentRow(String employmentNumber, UUID engagement, UUID person, String personKey, String name,
		UUID unit, String unitKey, String unitName, String email, boolean manager, boolean primary, String ageBand,
		Sex sex, UUID medGroup, String medGroupName) {

}
