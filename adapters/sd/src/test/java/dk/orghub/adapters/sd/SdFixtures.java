package dk.orghub.adapters.sd;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Small SD answers for tests, written as XML and parsed by {@link SdXml} like real ones.
 * Dates are ISO; {@code 9999-12-31} is open-ended.
 */
final class SdFixtures {

	static final String OPEN = "9999-12-31";

	/** Fictitious CPR numbers that pass the modulus-11 check. */
	static final String ANNA = "0101801004";

	static final String BO = "1502751006";

	/** A fictitious CPR number with a valid date that fails the modulus-11 check. */
	static final String NO_MODULUS = "0101801001";

	private SdFixtures() {
	}

	static String department(String id, String level, String name, String from, String to, String extra) {
		return "<Department><ActivationDate>" + from + "</ActivationDate><DeactivationDate>" + to
				+ "</DeactivationDate><DepartmentIdentifier>" + id + "</DepartmentIdentifier>"
				+ "<DepartmentLevelIdentifier>" + level + "</DepartmentLevelIdentifier><DepartmentName>" + name
				+ "</DepartmentName>" + extra + "</Department>";
	}

	static String department(String id, String level, String name) {
		return department(id, level, name, "2000-01-01", OPEN, "");
	}

	/** A chain of DepartmentReferences: the first id, then its parent, and so on. */
	static String chain(String... ids) {
		StringBuilder xml = new StringBuilder();
		for (String id : ids) {
			xml.append("<DepartmentReference><DepartmentIdentifier>").append(id).append("</DepartmentIdentifier>");
		}
		xml.append("</DepartmentReference>".repeat(ids.length));
		return xml.toString();
	}

	static String person(String cpr, String given, String surname) {
		return "<Person><PersonCivilRegistrationIdentifier>" + cpr + "</PersonCivilRegistrationIdentifier>"
				+ "<PersonGivenName>" + given + "</PersonGivenName><PersonSurnameName>" + surname
				+ "</PersonSurnameName></Person>";
	}

	static String employments(String cpr, String... employments) {
		return "<Person><PersonCivilRegistrationIdentifier>" + cpr + "</PersonCivilRegistrationIdentifier>"
				+ String.join("", employments) + "</Person>";
	}

	static String employment(String id, String... intervals) {
		return "<Employment><EmploymentIdentifier>" + id + "</EmploymentIdentifier>" + String.join("", intervals)
				+ "</Employment>";
	}

	static String inDepartment(String department, String from, String to) {
		return "<EmploymentDepartment>" + dates(from, to) + "<DepartmentIdentifier>" + department
				+ "</DepartmentIdentifier></EmploymentDepartment>";
	}

	static String profession(String name, String from, String to) {
		return "<Profession>" + dates(from, to) + "<JobPositionIdentifier>1</JobPositionIdentifier><EmploymentName>"
				+ name + "</EmploymentName></Profession>";
	}

	static String rate(String rate, String from, String to) {
		return "<WorkingTime>" + dates(from, to) + "<OccupationRate>" + rate + "</OccupationRate></WorkingTime>";
	}

	static String status(String code, String from, String to) {
		return "<EmploymentStatus>" + dates(from, to) + "<EmploymentStatusCode>" + code
				+ "</EmploymentStatusCode></EmploymentStatus>";
	}

	static String dates(String from, String to) {
		return "<ActivationDate>" + from + "</ActivationDate><DeactivationDate>" + to + "</DeactivationDate>";
	}

	/** The record elements of an answer to {@code operation} holding {@code body}. */
	static List<SdNode> answer(String operation, String record, String body) {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + operation
				+ "><InstitutionIdentifier>XY</InstitutionIdentifier>" + body + "</" + operation + ">";
		List<SdNode> result = new ArrayList<>();
		SdXml.parse(operation, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Set.of(record),
				result::add);
		return result;
	}

	static List<SdNode> departments(String... departments) {
		return answer("GetDepartment20111201", "Department", String.join("", departments));
	}

	static SdMapper.Tree tree(String... chains) {
		SdMapper.Tree tree = SdMapper.Tree.empty();
		answer("GetOrganization20111201", "Organization",
				"<Organization>" + String.join("", chains) + "</Organization>")
			.forEach(tree::add);
		return tree;
	}

	static List<SdNode> persons(String... persons) {
		return answer("GetPerson20111201", "Person", String.join("", persons));
	}

	static List<SdNode> employmentAnswer(String... persons) {
		return answer("GetEmploymentChanged20111201", "Person", String.join("", persons));
	}

}
