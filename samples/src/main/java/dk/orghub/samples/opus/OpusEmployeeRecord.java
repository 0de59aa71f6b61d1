package dk.orghub.samples.opus;

import java.time.LocalDate;

/**
 * One {@code <employee>} of an OPUS dump (one employment), as the sample writes it.
 *
 * @param id the employment number
 * @param leaveDate the last day, {@code null} when none (written as an empty element)
 * @param action {@code leave} or {@code null}
 * @param numerator weekly hours; with {@code denominator} the occupation rate (both 0 for
 * hourly paid)
 */
public record OpusEmployeeRecord(String id, LocalDate lastChanged, String action, LocalDate entryDate,
		LocalDate leaveDate, String cpr, String firstName, String lastName, String email, String workContract,
		String workContractText, String positionId, String position, boolean isManager, String superiorLevel,
		String subordinateLevel, String orgUnit, int numerator, int denominator) {

	public OpusEmployeeRecord movedTo(String unit, LocalDate changed) {
		return new OpusEmployeeRecord(this.id, changed, this.action, this.entryDate, this.leaveDate, this.cpr,
				this.firstName, this.lastName, this.email, this.workContract, this.workContractText, this.positionId,
				this.position, false, null, null, unit, this.numerator, this.denominator);
	}

	public OpusEmployeeRecord leaving(LocalDate lastDay, LocalDate changed) {
		return new OpusEmployeeRecord(this.id, changed, "leave", this.entryDate, lastDay, this.cpr, this.firstName,
				this.lastName, this.email, this.workContract, this.workContractText, this.positionId, this.position,
				this.isManager, this.superiorLevel, this.subordinateLevel, this.orgUnit, this.numerator,
				this.denominator);
	}

	public OpusEmployeeRecord withHours(int hours, LocalDate changed) {
		return new OpusEmployeeRecord(this.id, changed, this.action, this.entryDate, this.leaveDate, this.cpr,
				this.firstName, this.lastName, this.email, this.workContract, this.workContractText, this.positionId,
				this.position, this.isManager, this.superiorLevel, this.subordinateLevel, this.orgUnit, hours,
				this.denominator);
	}

}
