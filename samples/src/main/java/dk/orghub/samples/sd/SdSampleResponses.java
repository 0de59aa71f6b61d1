package dk.orghub.samples.sd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.samples.municipality.Municipality;

/**
 * The XML SD-Løn's web services answer for a generated municipality. Departments carry
 * the unit's level (NY0-niveau .. Afdelings-niveau) and its UUID; every engagement is an
 * SD employment with its dated intervals (department, profession, working time, status 1
 * while it lasts and 8 after it ended). Dates are ISO, 9999-12-31 is open-ended, and a
 * deactivation date is the last day.
 */
public final class SdSampleResponses {

	private static final String OPEN = "9999-12-31";

	private static final Map<UUID, Klasse> CLASSES = new HashMap<>();

	static {
		DefaultClasses.classes().forEach(k -> CLASSES.put(k.uuid(), k));
	}

	private final Municipality municipality;

	private final String institution;

	private final Map<UUID, List<Timeline<Engagement>>> engagementsByPerson = new LinkedHashMap<>();

	private Map<String, String> personFragments;

	private Map<String, String> employmentFragments;

	public SdSampleResponses(Municipality municipality, String institution) {
		this.municipality = municipality;
		this.institution = institution;
		for (Timeline<Engagement> timeline : municipality.engagements().values()) {
			UUID person = timeline.segments().get(0).value().person();
			this.engagementsByPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(timeline);
		}
	}

	public Municipality municipality() {
		return this.municipality;
	}

	/** GetOrganization20111201: one chain of DepartmentReferences per leaf unit. */
	public String organization(LocalDate date) {
		Map<UUID, OrgUnit> valid = new LinkedHashMap<>();
		for (Timeline<OrgUnit> timeline : this.municipality.units().values()) {
			timeline.at(date).ifPresent(u -> valid.put(u.uuid(), u));
		}
		Set<UUID> parents = new HashSet<>();
		valid.values().forEach(u -> parents.add(u.parent()));
		StringBuilder xml = header("GetOrganization20111201");
		xml.append("<Organization><ActivationDate>")
			.append(date)
			.append("</ActivationDate><DeactivationDate>")
			.append(date)
			.append("</DeactivationDate>");
		for (OrgUnit unit : valid.values()) {
			if (parents.contains(unit.uuid())) {
				continue;
			}
			int depth = 0;
			OrgUnit current = unit;
			while (current != null) {
				xml.append("<DepartmentReference>");
				element(xml, "DepartmentIdentifier", current.userKey());
				element(xml, "DepartmentUUIDIdentifier", current.uuid().toString());
				element(xml, "DepartmentLevelIdentifier", key(current.unitLevel()));
				depth++;
				current = (current.parent() != null) ? valid.get(current.parent()) : null;
			}
			xml.append("</DepartmentReference>".repeat(depth));
		}
		xml.append("</Organization>");
		return footer(xml, "GetOrganization20111201");
	}

	/** GetDepartment20111201: one Department per validity segment of every unit. */
	public String departments() {
		Map<UUID, Map<String, String>> addresses = new HashMap<>();
		for (Timeline<Address> timeline : this.municipality.addresses().values()) {
			Address address = timeline.latest().orElseThrow();
			addresses.computeIfAbsent(address.owner(), o -> new HashMap<>())
				.put(key(address.addressType()), address.value());
		}
		StringBuilder xml = header("GetDepartment20111201");
		for (Timeline<OrgUnit> timeline : this.municipality.units().values()) {
			for (Segment<OrgUnit> segment : timeline.segments()) {
				OrgUnit unit = segment.value();
				Map<String, String> a = addresses.getOrDefault(unit.uuid(), Map.of());
				xml.append("<Department>");
				dates(xml, segment.validity());
				element(xml, "DepartmentIdentifier", unit.userKey());
				element(xml, "DepartmentUUIDIdentifier", unit.uuid().toString());
				element(xml, "DepartmentLevelIdentifier", key(unit.unitLevel()));
				element(xml, "DepartmentName", unit.name());
				String postal = a.get("POSTAL");
				if (postal != null) {
					int comma = postal.lastIndexOf(", ");
					String rest = (comma > 0) ? postal.substring(comma + 2) : "";
					int space = rest.indexOf(' ');
					xml.append("<PostalAddress>");
					element(xml, "StandardAddressIdentifier", (comma > 0) ? postal.substring(0, comma) : postal);
					element(xml, "PostalCode", (space > 0) ? rest.substring(0, space) : "");
					element(xml, "DistrictName", (space > 0) ? rest.substring(space + 1) : rest);
					xml.append("</PostalAddress>");
				}
				xml.append("<ContactInformation>");
				element(xml, "TelephoneNumberIdentifier", a.getOrDefault("PHONE", "00000000"));
				element(xml, "EmailAddressIdentifier", a.getOrDefault("EMAIL", "Empty@Empty"));
				xml.append("</ContactInformation>");
				if (a.containsKey("PNUMBER")) {
					element(xml, "ProductionUnitIdentifier", a.get("PNUMBER"));
				}
				xml.append("</Department>");
			}
		}
		return footer(xml, "GetDepartment20111201");
	}

	/** GetPerson20111201 (or the changed-at-date variant) for the given persons. */
	public String persons(String operation, Collection<String> cprs) {
		StringBuilder xml = header(operation);
		Map<String, String> fragments = personFragments();
		for (String cpr : cprs) {
			String fragment = fragments.get(cpr);
			if (fragment != null) {
				xml.append(fragment);
			}
		}
		return footer(xml, operation);
	}

	/** GetEmployment20111201 (or the changed-at-date variant) for the given persons. */
	public String employments(String operation, Collection<String> cprs) {
		StringBuilder xml = header(operation);
		Map<String, String> fragments = employmentFragments();
		for (String cpr : cprs) {
			String fragment = fragments.get(cpr);
			if (fragment != null) {
				xml.append(fragment);
			}
		}
		return footer(xml, operation);
	}

	/** Every person's CPR number, in generation order. */
	public List<String> cprs() {
		List<String> result = new ArrayList<>();
		this.municipality.persons().values().forEach(t -> result.add(t.latest().orElseThrow().cpr()));
		return result;
	}

	/**
	 * Each person's {@code <Person>} element of GetPerson, by CPR number; rendered once.
	 */
	public synchronized Map<String, String> personFragments() {
		if (this.personFragments == null) {
			this.personFragments = java.util.Collections.unmodifiableMap(renderPersonFragments());
		}
		return this.personFragments;
	}

	/**
	 * Each person's {@code <Person>} element of GetEmployment, by CPR number; rendered
	 * once.
	 */
	public synchronized Map<String, String> employmentFragments() {
		if (this.employmentFragments == null) {
			this.employmentFragments = java.util.Collections.unmodifiableMap(renderEmploymentFragments());
		}
		return this.employmentFragments;
	}

	private Map<String, String> renderPersonFragments() {
		Map<String, String> result = new LinkedHashMap<>();
		for (Timeline<Person> timeline : this.municipality.persons().values()) {
			Person person = timeline.latest().orElseThrow();
			StringBuilder xml = new StringBuilder("<Person>");
			element(xml, "PersonCivilRegistrationIdentifier", person.cpr());
			element(xml, "PersonGivenName", person.givenName());
			element(xml, "PersonSurnameName", person.surname());
			for (Timeline<Engagement> engagement : this.engagementsByPerson.getOrDefault(person.uuid(), List.of())) {
				xml.append("<Employment>");
				element(xml, "EmploymentIdentifier", engagement.segments().get(0).value().userKey());
				xml.append("</Employment>");
			}
			xml.append("</Person>");
			result.put(person.cpr(), xml.toString());
		}
		return result;
	}

	private Map<String, String> renderEmploymentFragments() {
		Map<String, String> result = new LinkedHashMap<>();
		for (Timeline<Person> timeline : this.municipality.persons().values()) {
			Person person = timeline.latest().orElseThrow();
			List<Timeline<Engagement>> engagements = this.engagementsByPerson.getOrDefault(person.uuid(), List.of());
			if (engagements.isEmpty()) {
				continue;
			}
			StringBuilder xml = new StringBuilder("<Person>");
			element(xml, "PersonCivilRegistrationIdentifier", person.cpr());
			for (Timeline<Engagement> engagement : engagements) {
				employment(xml, engagement);
			}
			xml.append("</Person>");
			result.put(person.cpr(), xml.toString());
		}
		return result;
	}

	private void employment(StringBuilder xml, Timeline<Engagement> timeline) {
		Engagement first = timeline.segments().get(0).value();
		List<Validity> coverage = timeline.coverage();
		xml.append("<Employment>");
		element(xml, "EmploymentIdentifier", first.userKey());
		element(xml, "EmploymentDate", coverage.get(0).from().toString());
		for (Segment<Engagement> segment : timeline.segments()) {
			xml.append("<EmploymentDepartment>");
			dates(xml, segment.validity());
			OrgUnit unit = this.municipality.units().get(segment.value().unit()).latest().orElseThrow();
			element(xml, "DepartmentIdentifier", unit.userKey());
			element(xml, "DepartmentUUIDIdentifier", unit.uuid().toString());
			xml.append("</EmploymentDepartment>");
		}
		for (Segment<Engagement> segment : timeline.segments()) {
			xml.append("<Profession>");
			dates(xml, segment.validity());
			element(xml, "JobPositionIdentifier", Integer.toString(positionId(segment.value().jobFunction())));
			element(xml, "EmploymentName", key(segment.value().jobFunction()));
			xml.append("</Profession>");
		}
		for (Segment<Engagement> segment : timeline.segments()) {
			BigDecimal rate = (segment.value().fraction() != null) ? segment.value().fraction() : BigDecimal.ZERO;
			xml.append("<WorkingTime>");
			dates(xml, segment.validity());
			element(xml, "OccupationRate", rate.setScale(4, RoundingMode.HALF_UP).toPlainString());
			xml.append("</WorkingTime>");
		}
		for (Validity v : coverage) {
			xml.append("<EmploymentStatus>");
			dates(xml, v);
			element(xml, "EmploymentStatusCode", "1");
			xml.append("</EmploymentStatus>");
		}
		Validity last = coverage.get(coverage.size() - 1);
		if (!last.isOpen()) {
			xml.append("<EmploymentStatus>");
			dates(xml, Validity.from(last.to()));
			element(xml, "EmploymentStatusCode", "8");
			xml.append("</EmploymentStatus>");
		}
		xml.append("</Employment>");
	}

	private StringBuilder header(String operation) {
		StringBuilder xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(operation).append(">");
		element(xml, "InstitutionIdentifier", this.institution);
		return xml;
	}

	private static String footer(StringBuilder xml, String operation) {
		return xml.append("</").append(operation).append(">\n").toString();
	}

	private static void dates(StringBuilder xml, Validity validity) {
		element(xml, "ActivationDate", validity.from().toString());
		element(xml, "DeactivationDate", validity.isOpen() ? OPEN : validity.to().minusDays(1).toString());
	}

	private static void element(StringBuilder xml, String name, String value) {
		xml.append('<').append(name).append('>');
		if (value != null) {
			escape(xml, value);
		}
		xml.append("</").append(name).append('>');
	}

	private static void escape(StringBuilder xml, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '<' -> xml.append("&lt;");
				case '>' -> xml.append("&gt;");
				case '&' -> xml.append("&amp;");
				case '"' -> xml.append("&quot;");
				default -> xml.append(c);
			}
		}
	}

	private static String key(UUID klasse) {
		return (klasse != null && CLASSES.containsKey(klasse)) ? CLASSES.get(klasse).userKey() : null;
	}

	private static int positionId(UUID jobFunction) {
		List<Klasse> all = DefaultClasses.classes();
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).uuid().equals(jobFunction)) {
				return 1000 + i;
			}
		}
		return 0;
	}

}
