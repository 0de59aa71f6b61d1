package dk.orghub.adapters.exports.survey;

import java.util.UUID;

/**
 * A row of the MED groups sheet: a MED committee and the respondents of the line units it
 * covers (those below a unit covered by a lower committee belong to that one).
 *
 * @param committee the MED unit's UUID
 * @param userKey the MED unit's user key
 * @param name the committee's name
 * @param covers the names of the line units it covers, joined by {@code "; "}
 * @param respondents the number of respondent rows in the group
 * @param representatives the work-environment representatives' names, joined by
 * {@code "; "}, {@code null} when the committee has none
 * @param representativeEmails their work e-mails in the same order, {@code null} when
 * none is known
 */
public record MedGroupRow(UUID committee, String userKey, String name, String covers, int respondents,
		String representatives, String representativeEmails) {

}
