package dk.orghub.adapters.sd;

/**
 * A problem with one record of an SD answer: a rejection (the record is quarantined and
 * not applied) or a warning (the record applies, the named value is left out).
 *
 * @param operation the SD operation whose answer held the record
 * @param line the line the record starts on in that answer
 * @param element {@code Department}, {@code Person} or {@code Employment}
 * @param id the record's id (a department id, an employment number, or a masked CPR
 * number); never a whole CPR number
 * @param reason what is wrong; never contains a CPR number
 */
public record SdProblem(String operation, int line, String element, String id, String reason) {

	@Override
	public String toString() {
		return this.operation + " line " + this.line + ": " + this.element + " '" + this.id + "': " + this.reason;
	}

}
