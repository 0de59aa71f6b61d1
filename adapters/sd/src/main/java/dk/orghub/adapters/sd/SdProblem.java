package dk.orghub.adapters.sd;

import java.util.UUID;

/**
 * A problem with one record of an SD answer: a rejection (the record is quarantined and
 * not applied) or a warning (the record applies, or is skipped, as the reason says). SD's
 * answers come on one line, so a record is named by its id, never by a line number.
 *
 * @param operation the SD operation whose answer held the record
 * @param element {@code Department}, {@code Person} or {@code Employment}
 * @param id the record's id (a department id, an employment number, or a masked CPR
 * number); never a whole CPR number
 * @param uuid the hub object the record gives (a unit's {@code DepartmentUUIDIdentifier},
 * an engagement's UUID), or {@code null} (persons, records without an id)
 * @param reason what is wrong; never contains a CPR number
 */
public record SdProblem(String operation, String element, String id, UUID uuid, String reason) {

	@Override
	public String toString() {
		return this.operation + ": " + this.element + " '" + this.id + "'"
				+ ((this.uuid != null && "Department".equals(this.element)) ? " (" + this.uuid + ")" : "") + ": "
				+ this.reason;
	}

}
