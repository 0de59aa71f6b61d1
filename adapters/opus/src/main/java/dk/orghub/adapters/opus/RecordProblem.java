package dk.orghub.adapters.opus;

/**
 * A problem with one record of a dump: a rejection (the record is quarantined and not
 * applied) or a warning (the record applies, the named value is left out).
 *
 * @param file the dump's file name
 * @param line the line the record starts on
 * @param element {@code orgUnit} or {@code employee}
 * @param id the record's id (an OPUS unit id or an employment number), may be empty
 * @param reason what is wrong; never contains a CPR number
 */
public record RecordProblem(String file, int line, String element, String id, String reason) {

	@Override
	public String toString() {
		return this.file + " line " + this.line + ": " + this.element + " '" + this.id + "': " + this.reason;
	}

}
