package dk.orghub.samples.sd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
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
 * The XML SD-Løn's web services answer for a generated municipality, in SD's shape: each
 * answer on one line. Departments carry the unit's level (NY0-niveau .. Afdelings-niveau)
 * and its UUID; every engagement is an SD employment. GetEmploymentChanged20111201 gives
 * each employment's lists of dated records (department, profession, working time, status
 * 1 while it lasts and 8 after it ended); GetEmployment20111201 gives the one record of
 * each kind valid on the date asked. Dates are ISO, 9999-12-31 is open-ended, and a
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

	/** The institution's UUID (GetOrganization's InstitutionUUIDIdentifier). */
	public UUID institutionUuid() {
		return UUID.nameUUIDFromBytes(("sd-institution:" + this.institution).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * GetDepartmentParent20190701: the parent of the unit on the date (the institution's
	 * UUID for a top unit); no {@code DepartmentParent} when the unit is not valid then.
	 */
	public String departmentParent(UUID unit, LocalDate date) {
		StringBuilder xml = header("GetDepartmentParent20190701");
		Timeline<OrgUnit> timeline = this.municipality.units().get(unit);
		java.util.Optional<OrgUnit> valid = (timeline != null) ? timeline.at(date) : java.util.Optional.empty();
		valid.ifPresent(u -> {
			xml.append("<DepartmentParent>");
			element(xml, "DepartmentUUIDIdentifier",
					((u.parent() != null) ? u.parent() : institutionUuid()).toString());
			xml.append("</DepartmentParent>");
		});
		return footer(xml, "GetDepartmentParent20190701");
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
		element(xml, "InstitutionUUIDIdentifier", institutionUuid().toString());
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

	/**
	 * GetEmploymentChanged20111201 (or the changed-at-date variant) for the given
	 * persons: every employment with its lists of dated records.
	 */
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

	/**
	 * GetEmployment20111201 for the given persons on one date: of each employment the one
	 * record of each kind valid then (an employment that has not started yet is left
	 * out).
	 */
	public String employmentsAt(Collection<String> cprs, LocalDate date) {
		StringBuilder xml = header("GetEmployment20111201");
		Map<String, UUID> byCpr = new HashMap<>();
		this.municipality.persons().values().forEach(t -> {
			Person person = t.latest().orElseThrow();
			byCpr.put(person.cpr(), person.uuid());
		});
		for (String cpr : cprs) {
			List<Timeline<Engagement>> engagements = this.engagementsByPerson.getOrDefault(byCpr.get(cpr), List.of());
			StringBuilder person = new StringBuilder();
			for (Timeline<Engagement> engagement : engagements) {
				employmentAt(person, engagement, date);
			}
			if (!person.isEmpty()) {
				xml.append("<Person>");
				element(xml, "PersonCivilRegistrationIdentifier", cpr);
				xml.append(person).append("</Person>");
			}
		}
		return footer(xml, "GetEmployment20111201");
	}

	private void employmentAt(StringBuilder xml, Timeline<Engagement> timeline, LocalDate date) {
		List<Validity> coverage = timeline.coverage();
		if (coverage.get(0).from().isAfter(date)) {
			return;
		}
		Engagement first = timeline.segments().get(0).value();
		xml.append("<Employment>");
		element(xml, "EmploymentIdentifier", first.userKey());
		element(xml, "EmploymentDate", coverage.get(0).from().toString());
		element(xml, "AnniversaryDate", coverage.get(0).from().toString());
		statuses(coverage).forEach((v, code) -> {
			if (v.contains(date)) {
				status(xml, v, code);
			}
		});
		Segment<Engagement> segment = timeline.segmentAt(date)
			.orElse(timeline.segments().get(timeline.segments().size() - 1));
		department(xml, segment);
		profession(xml, segment);
		workingTime(xml, segment);
		xml.append("</Employment>");
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
		element(xml, "AnniversaryDate", coverage.get(0).from().toString());
		timeline.segments().forEach(segment -> department(xml, segment));
		timeline.segments().forEach(segment -> profession(xml, segment));
		timeline.segments().forEach(segment -> workingTime(xml, segment));
		statuses(coverage).forEach((v, code) -> status(xml, v, code));
		xml.append("</Employment>");
	}

	/**
	 * The employment's status records: 1 while employed, 8 from the day after an end
	 * (until a rehire, or open-ended).
	 */
	private static Map<Validity, String> statuses(List<Validity> coverage) {
		Map<Validity, String> result = new LinkedHashMap<>();
		for (int i = 0; i < coverage.size(); i++) {
			Validity v = coverage.get(i);
			result.put(v, "1");
			if (!v.isOpen()) {
				result.put((i + 1 < coverage.size()) ? new Validity(v.to(), coverage.get(i + 1).from())
						: Validity.from(v.to()), "8");
			}
		}
		return result;
	}

	private static void status(StringBuilder xml, Validity validity, String code) {
		xml.append("<EmploymentStatus>");
		dates(xml, validity);
		element(xml, "EmploymentStatusCode", code);
		xml.append("</EmploymentStatus>");
	}

	private void department(StringBuilder xml, Segment<Engagement> segment) {
		xml.append("<EmploymentDepartment>");
		dates(xml, segment.validity());
		Timeline<OrgUnit> units = this.municipality.units().get(segment.value().unit());
		OrgUnit unit = units.at(segment.validity().from()).orElseGet(() -> units.latest().orElseThrow());
		element(xml, "DepartmentIdentifier", unit.userKey());
		element(xml, "DepartmentUUIDIdentifier", unit.uuid().toString());
		xml.append("</EmploymentDepartment>");
	}

	private static void profession(StringBuilder xml, Segment<Engagement> segment) {
		xml.append("<Profession>");
		dates(xml, segment.validity());
		element(xml, "JobPositionIdentifier", Integer.toString(positionId(segment.value().jobFunction())));
		element(xml, "EmploymentName", key(segment.value().jobFunction()));
		xml.append("</Profession>");
	}

	private static void workingTime(StringBuilder xml, Segment<Engagement> segment) {
		BigDecimal rate = (segment.value().fraction() != null) ? segment.value().fraction() : BigDecimal.ZERO;
		xml.append("<WorkingTime>");
		dates(xml, segment.validity());
		element(xml, "OccupationRate", rate.setScale(4, RoundingMode.HALF_UP).toPlainString());
		xml.append("</WorkingTime>");
	}

	private StringBuilder header(String operation) {
		StringBuilder xml = new StringBuilder(4096);
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><").append(operation).append(">");
		element(xml, "InstitutionIdentifier", this.institution);
		return xml;
	}

	private static String footer(StringBuilder xml, String operation) {
		return xml.append("</").append(operation).append(">").toString();
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
