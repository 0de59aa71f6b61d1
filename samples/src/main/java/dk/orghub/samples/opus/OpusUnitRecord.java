package dk.orghub.samples.opus;

import java.time.LocalDate;

/**
 * One {@code <orgUnit>} of an OPUS dump, as the sample writes it. Empty strings stand for
 * empty elements.
 *
 * @param endDate the last day, {@code null} for open-ended (written as 9999-12-31)
 * @param parentId the parent's id, {@code null} for the root
 * @param orgType the unit level code (e.g. {@code NY3}, {@code AFD})
 * @param orgTypeTxt the unit type (e.g. {@code Afdeling}, {@code Team})
 */
public record OpusUnitRecord(String id, LocalDate lastChanged, LocalDate startDate, LocalDate endDate, String parentId,
		String shortName, String longName, String street, String zipCode, String city, String phoneNumber, String cvrNr,
		String eanNr, String seNr, String pNr, String costCenter, String orgType, String orgTypeTxt) {

	public OpusUnitRecord withLongName(String name, LocalDate changed) {
		return new OpusUnitRecord(this.id, changed, this.startDate, this.endDate, this.parentId, this.shortName, name,
				this.street, this.zipCode, this.city, this.phoneNumber, this.cvrNr, this.eanNr, this.seNr, this.pNr,
				this.costCenter, this.orgType, this.orgTypeTxt);
	}

	public OpusUnitRecord withParent(String parent, LocalDate changed) {
		return new OpusUnitRecord(this.id, changed, this.startDate, this.endDate, parent, this.shortName, this.longName,
				this.street, this.zipCode, this.city, this.phoneNumber, this.cvrNr, this.eanNr, this.seNr, this.pNr,
				this.costCenter, this.orgType, this.orgTypeTxt);
	}

	public OpusUnitRecord withEndDate(LocalDate end, LocalDate changed) {
		return new OpusUnitRecord(this.id, changed, this.startDate, end, this.parentId, this.shortName, this.longName,
				this.street, this.zipCode, this.city, this.phoneNumber, this.cvrNr, this.eanNr, this.seNr, this.pNr,
				this.costCenter, this.orgType, this.orgTypeTxt);
	}

}
