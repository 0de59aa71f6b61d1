package dk.orghub.adapters.opus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.core.model.Validity;

/**
 * The records of a dump that passed validation, parents before children, with what was
 * rejected or warned about.
 *
 * @param leaves bare leave records ({@code action="leave"} without data): the employments
 * they name end as missing ones do
 * @param rejectedUnits ids of units that were rejected (their stored state is kept)
 * @param rejectedEmployees employment numbers that were rejected (likewise)
 */
record ValidatedDump(String file, LocalDate date, List<Unit> units, List<Employee> employees,
		List<RecordProblem> rejected, List<RecordProblem> warnings, List<RecordProblem> leaves,
		Set<String> rejectedUnits, Set<String> rejectedEmployees) {

	/**
	 * @param addresses address type class key (PHONE, POSTAL, EAN, PNUMBER, SE, CVR) to
	 * value, only valid ones
	 */
	record Unit(String id, int line, Validity validity, String parentId, String name, String orgType, String orgTypeTxt,
			Map<String, String> addresses) {

	}

	record Employee(String id, int line, String cpr, LocalDate birthDate, String firstName, String lastName,
			Validity validity, String unitId, String position, String contractText, BigDecimal fraction,
			boolean manager, String managerLevel, boolean leaving, Contacts contacts) {

	}

	/**
	 * The contact data of an employee record the settings ask for, valid values only.
	 *
	 * @param homeAddress street, postal code and city as one line; {@code null} when not
	 * asked for, missing or protected
	 */
	record Contacts(String email, String workPhone, String userId, String homeAddress) {

	}

}
