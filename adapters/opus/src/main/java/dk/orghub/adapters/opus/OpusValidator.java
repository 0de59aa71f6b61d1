package dk.orghub.adapters.opus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.CprRule;

/**
 * Checks the records of one dump. Only what the model cannot do without rejects a record:
 * an id, a unique id, valid dates in order, a parent that exists and is not itself
 * rejected, no cycle, a unit for an employee, a valid CPR number, a name. A record that
 * depends on a rejected one (a child unit, an employee in the unit) is rejected too. A
 * bad optional value (phone, EAN, P-number, CVR, SE) is left out with a warning, and
 * dates outside the parent's (or the unit's) validity are cut to it with a warning.
 */
final class OpusValidator {

	private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

	private final String file;

	private final List<RecordProblem> rejected = new ArrayList<>();

	private final List<RecordProblem> warnings = new ArrayList<>();

	private final List<RecordProblem> leaves = new ArrayList<>();

	private final OpusConfig.Contacts contacts;

	private OpusValidator(String file, OpusConfig.Contacts contacts) {
		this.file = file;
		this.contacts = contacts;
	}

	static ValidatedDump validate(String file, LocalDate date, List<OpusRecord> units, List<OpusRecord> employees) {
		return validate(file, date, units, employees, OpusConfig.Contacts.DEFAULT);
	}

	static ValidatedDump validate(String file, LocalDate date, List<OpusRecord> units, List<OpusRecord> employees,
			OpusConfig.Contacts contacts) {
		OpusValidator validator = new OpusValidator(file, contacts);
		Set<String> rejectedUnits = new HashSet<>();
		List<ValidatedDump.Unit> validUnits = validator.units(units, rejectedUnits);
		Set<String> rejectedEmployees = new HashSet<>();
		List<ValidatedDump.Employee> validEmployees = validator.employees(employees, validUnits, rejectedEmployees);
		return new ValidatedDump(file, date, validUnits, validEmployees, validator.rejected, validator.warnings,
				validator.leaves, rejectedUnits, rejectedEmployees);
	}

	private List<ValidatedDump.Unit> units(List<OpusRecord> records, Set<String> rejectedIds) {
		Map<String, List<OpusRecord>> byId = new LinkedHashMap<>();
		Map<String, ValidatedDump.Unit> candidates = new LinkedHashMap<>();
		for (OpusRecord record : records) {
			if (record.id().isEmpty()) {
				reject(record, "the id attribute is missing");
				continue;
			}
			byId.computeIfAbsent(record.id(), k -> new ArrayList<>()).add(record);
		}
		for (Map.Entry<String, List<OpusRecord>> entry : byId.entrySet()) {
			List<OpusRecord> same = entry.getValue();
			if (same.size() > 1) {
				for (OpusRecord record : same) {
					reject(record, "duplicate id: orgUnit '" + entry.getKey() + "' occurs on lines " + lines(same));
				}
				rejectedIds.add(entry.getKey());
				continue;
			}
			unit(same.get(0)).ifPresentOrElse(u -> candidates.put(u.id(), u), () -> rejectedIds.add(entry.getKey()));
		}
		Map<String, String> status = new HashMap<>();
		for (String id : candidates.keySet()) {
			resolve(id, candidates, rejectedIds, status);
		}
		List<ValidatedDump.Unit> ordered = new ArrayList<>();
		Map<String, List<ValidatedDump.Unit>> children = new HashMap<>();
		Deque<ValidatedDump.Unit> queue = new ArrayDeque<>();
		for (ValidatedDump.Unit unit : candidates.values()) {
			if (!"ok".equals(status.get(unit.id()))) {
				continue;
			}
			if (unit.parentId() == null) {
				queue.add(unit);
			}
			else {
				children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
			}
		}
		Map<String, ValidatedDump.Unit> accepted = new HashMap<>();
		while (!queue.isEmpty()) {
			ValidatedDump.Unit unit = queue.poll();
			if (unit.parentId() != null) {
				ValidatedDump.Unit parent = accepted.get(unit.parentId());
				if (parent == null) {
					rejectDependents(unit, children, rejectedIds, "its parent '" + unit.parentId() + "' was rejected");
					continue;
				}
				Validity clipped = clip(unit.validity(), parent.validity());
				if (clipped == null) {
					rejectDependents(unit, children, rejectedIds, "its validity " + unit.validity()
							+ " lies outside its parent '" + parent.id() + "' valid " + parent.validity());
					continue;
				}
				if (!clipped.equals(unit.validity())) {
					warn(unit.line(), OpusRecord.ORG_UNIT, unit.id(), "validity " + unit.validity()
							+ " cut to its parent '" + parent.id() + "' valid " + parent.validity());
					unit = new ValidatedDump.Unit(unit.id(), unit.line(), clipped, unit.parentId(), unit.name(),
							unit.orgType(), unit.orgTypeTxt(), unit.addresses());
				}
			}
			accepted.put(unit.id(), unit);
			ordered.add(unit);
			queue.addAll(children.getOrDefault(unit.id(), List.of()));
		}
		return ordered;
	}

	private void rejectDependents(ValidatedDump.Unit unit, Map<String, List<ValidatedDump.Unit>> children,
			Set<String> rejectedIds, String reason) {
		reject(unit.line(), OpusRecord.ORG_UNIT, unit.id(), reason);
		rejectedIds.add(unit.id());
		for (ValidatedDump.Unit child : children.getOrDefault(unit.id(), List.of())) {
			rejectDependents(child, children, rejectedIds, "its parent '" + unit.id() + "' was rejected");
		}
	}

	/** Marks the unit and its ancestors ok or rejected: missing parent, cycle. */
	private void resolve(String start, Map<String, ValidatedDump.Unit> units, Set<String> rejectedIds,
			Map<String, String> status) {
		List<String> path = new ArrayList<>();
		Set<String> onPath = new HashSet<>();
		String current = start;
		String outcome;
		while (true) {
			if (status.containsKey(current)) {
				outcome = status.get(current);
				break;
			}
			if (onPath.contains(current)) {
				List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
				String shown = String.join(" -> ", cycle) + " -> " + current;
				for (String id : cycle) {
					ValidatedDump.Unit unit = units.get(id);
					reject(unit.line(), OpusRecord.ORG_UNIT, id, "cycle in the unit tree: " + shown);
					rejectedIds.add(id);
					status.put(id, "rejected");
				}
				outcome = "rejected";
				break;
			}
			path.add(current);
			onPath.add(current);
			ValidatedDump.Unit unit = units.get(current);
			String parent = unit.parentId();
			if (parent == null) {
				status.put(current, "ok");
				outcome = "ok";
				break;
			}
			if (!units.containsKey(parent)) {
				String reason = rejectedIds.contains(parent) ? "its parent '" + parent + "' was rejected"
						: "its parent '" + parent + "' does not exist in the dump";
				reject(unit.line(), OpusRecord.ORG_UNIT, current, reason);
				rejectedIds.add(current);
				status.put(current, "rejected");
				outcome = "rejected";
				break;
			}
			current = parent;
		}
		for (int i = path.size() - 1; i >= 0; i--) {
			String id = path.get(i);
			if (status.containsKey(id)) {
				continue;
			}
			if ("ok".equals(outcome)) {
				status.put(id, "ok");
			}
			else {
				ValidatedDump.Unit unit = units.get(id);
				reject(unit.line(), OpusRecord.ORG_UNIT, id, "its parent '" + unit.parentId() + "' was rejected");
				rejectedIds.add(id);
				status.put(id, "rejected");
			}
		}
	}

	private Optional<ValidatedDump.Unit> unit(OpusRecord record) {
		LocalDate start;
		LocalDate end;
		try {
			start = date(record.field("startDate"));
			end = date(record.field("endDate"));
		}
		catch (DateTimeParseException ex) {
			reject(record, "a date is not yyyy-mm-dd: '" + ex.getParsedString() + "'");
			return Optional.empty();
		}
		if (start == null) {
			reject(record, "startDate is missing");
			return Optional.empty();
		}
		if (end != null && end.isBefore(start)) {
			reject(record, "dates out of order: endDate " + end + " is before startDate " + start);
			return Optional.empty();
		}
		String name = (record.field("longName") != null) ? record.field("longName") : record.field("shortName");
		if (name == null) {
			reject(record, "the unit has no name (longName and shortName are empty)");
			return Optional.empty();
		}
		Validity validity = new Validity(start, (end == null || end.equals(OPEN_END)) ? null : end.plusDays(1));
		Map<String, String> addresses = new LinkedHashMap<>();
		address(record, addresses, "PHONE", "phoneNumber", record.field("phoneNumber"), AddressScope.PHONE);
		String street = record.field("street");
		if (street != null) {
			String town = join(record.field("zipCode"), record.field("city"));
			address(record, addresses, "POSTAL", "street", (town.isEmpty()) ? street : street + ", " + town,
					AddressScope.TEXT);
		}
		address(record, addresses, "EAN", "eanNr", record.field("eanNr"), AddressScope.EAN);
		address(record, addresses, "PNUMBER", "pNr", record.field("pNr"), AddressScope.PNUMBER);
		address(record, addresses, "SE", "seNr", record.field("seNr"), AddressScope.CVR);
		address(record, addresses, "CVR", "cvrNr", record.field("cvrNr"), AddressScope.CVR);
		return Optional.of(new ValidatedDump.Unit(record.id(), record.line(), validity, record.field("parentOrgUnit"),
				name, record.field("orgType"), record.field("orgTypeTxt"), addresses));
	}

	private void address(OpusRecord record, Map<String, String> addresses, String type, String field, String value,
			AddressScope scope) {
		if (value == null) {
			return;
		}
		Optional<String> problem = scope.validate(value);
		if (problem.isEmpty() && value.chars().allMatch(c -> c == '0' || c == ' ')) {
			problem = Optional.of("'" + value + "' is all zeros");
		}
		if (problem.isPresent()) {
			warn(record.line(), record.element(), record.id(), field + " left out: " + problem.get());
			return;
		}
		addresses.put(type, value);
	}

	private List<ValidatedDump.Employee> employees(List<OpusRecord> records, List<ValidatedDump.Unit> units,
			Set<String> rejectedIds) {
		Map<String, ValidatedDump.Unit> unitsById = new HashMap<>();
		units.forEach(u -> unitsById.put(u.id(), u));
		Set<String> rejectedUnits = new HashSet<>();
		this.rejected.forEach(p -> {
			if (p.element().equals(OpusRecord.ORG_UNIT)) {
				rejectedUnits.add(p.id());
			}
		});
		Map<String, List<OpusRecord>> byId = new LinkedHashMap<>();
		for (OpusRecord record : records) {
			if (record.id().isEmpty()) {
				reject(record, "the id attribute (employment number) is missing");
				continue;
			}
			byId.computeIfAbsent(record.id(), k -> new ArrayList<>()).add(record);
		}
		List<ValidatedDump.Employee> result = new ArrayList<>();
		for (Map.Entry<String, List<OpusRecord>> entry : byId.entrySet()) {
			List<OpusRecord> same = entry.getValue();
			if (same.size() > 1) {
				for (OpusRecord record : same) {
					reject(record, "duplicate id: employee '" + entry.getKey() + "' occurs on lines " + lines(same));
				}
				rejectedIds.add(entry.getKey());
				continue;
			}
			OpusRecord record = same.get(0);
			if (isBareLeave(record)) {
				// a leave of an employment, without its data: the employment ends (if the
				// hub
				// has it) as one missing from the dump does
				this.leaves.add(new RecordProblem(this.file, record.line(), record.element(), record.id(), "leave"));
				continue;
			}
			Optional<ValidatedDump.Employee> employee = employee(record, unitsById, rejectedUnits);
			employee.ifPresentOrElse(result::add, () -> rejectedIds.add(entry.getKey()));
		}
		return result;
	}

	private Optional<ValidatedDump.Employee> employee(OpusRecord record, Map<String, ValidatedDump.Unit> units,
			Set<String> rejectedUnits) {
		CprRule.Outcome cpr = CprRule.check(record.field("cpr"));
		if (!cpr.accepted()) {
			reject(record, "invalid CPR number: " + cpr.rejection().orElseThrow());
			return Optional.empty();
		}
		cpr.warning().ifPresent(w -> warn(record.line(), record.element(), record.id(), w));
		LocalDate entry;
		LocalDate leave;
		try {
			entry = date(record.field("entryDate"));
			leave = date(record.field("leaveDate"));
		}
		catch (DateTimeParseException ex) {
			reject(record, "a date is not yyyy-mm-dd: '" + ex.getParsedString() + "'");
			return Optional.empty();
		}
		if (entry == null) {
			reject(record, "entryDate is missing");
			return Optional.empty();
		}
		if (leave != null && leave.isBefore(entry)) {
			reject(record, "dates out of order: leaveDate " + leave + " is before entryDate " + entry);
			return Optional.empty();
		}
		if (record.field("firstName") == null && record.field("lastName") == null) {
			reject(record, "the employee has no name (firstName and lastName are empty)");
			return Optional.empty();
		}
		String unitId = record.field("orgUnit");
		if (unitId == null) {
			reject(record, "orgUnit is missing");
			return Optional.empty();
		}
		ValidatedDump.Unit unit = units.get(unitId);
		if (unit == null) {
			reject(record, rejectedUnits.contains(unitId) ? "its unit '" + unitId + "' was rejected"
					: "its unit '" + unitId + "' does not exist in the dump");
			return Optional.empty();
		}
		Validity validity = new Validity(entry, (leave == null || leave.equals(OPEN_END)) ? null : leave.plusDays(1));
		Validity clipped = clip(validity, unit.validity());
		if (clipped == null) {
			reject(record,
					"the employment " + validity + " lies outside its unit '" + unitId + "' valid " + unit.validity());
			return Optional.empty();
		}
		if (!clipped.equals(validity)) {
			warn(record.line(), record.element(), record.id(),
					"employment " + validity + " cut to its unit '" + unitId + "' valid " + unit.validity());
		}
		if (cpr.birthDate() != null && clipped.to() != null && !clipped.to().isAfter(cpr.birthDate())) {
			reject(record, "the employment ends before the person's birth date");
			return Optional.empty();
		}
		if (cpr.birthDate() != null && clipped.from().isBefore(cpr.birthDate())) {
			clipped = new Validity(cpr.birthDate(), clipped.to());
			warn(record.line(), record.element(), record.id(), "employment cut to start on the birth date");
		}
		return Optional.of(new ValidatedDump.Employee(record.id(), record.line(), cpr.cpr(), cpr.birthDate(),
				record.field("firstName"), record.field("lastName"), clipped, unitId, record.field("position"),
				record.field("workContractText"), fraction(record), "true".equalsIgnoreCase(record.field("isManager")),
				record.field("superiorLevel"), "leave".equalsIgnoreCase(record.attribute("action")), contacts(record)));
	}

	/**
	 * The contact data the settings ask for, each validated: a bad value is left out with
	 * a warning. A home address OPUS marks protected (its elements have children instead
	 * of text) is never read.
	 */
	private ValidatedDump.Contacts contacts(OpusRecord record) {
		String email = this.contacts.email() ? optional(record, "email", record.field("email"), AddressScope.EMAIL)
				: null;
		String phone = this.contacts.workPhone()
				? optional(record, "workPhone", record.field("workPhone"), AddressScope.PHONE) : null;
		String userId = this.contacts.userId() ? record.field("userId") : null;
		if (userId != null && (userId.length() > 200 || userId.chars().anyMatch(Character::isWhitespace))) {
			warn(record.line(), record.element(), record.id(),
					"userId left out: it must be at most 200 characters without spaces");
			userId = null;
		}
		String home = null;
		boolean protectedAddress = record.nested("address") || record.nested("postalCode") || record.nested("city");
		if (this.contacts.homeAddress() && !protectedAddress && record.field("address") != null) {
			String town = join(record.field("postalCode"), record.field("city"));
			home = optional(record, "address",
					town.isEmpty() ? record.field("address") : record.field("address") + ", " + town,
					AddressScope.TEXT);
		}
		return new ValidatedDump.Contacts(email, phone, userId, home);
	}

	/** A valid value, or {@code null} with a warning naming the field. */
	private String optional(OpusRecord record, String field, String value, AddressScope scope) {
		if (value == null) {
			return null;
		}
		Optional<String> problem = scope.validate(value);
		if (problem.isPresent()) {
			warn(record.line(), record.element(), record.id(), field + " left out: " + problem.get());
			return null;
		}
		return value;
	}

	/**
	 * A record that only says an employment has left: {@code action="leave"} and no CPR
	 * number, as OPUS writes one for an employment it no longer exports.
	 */
	private static boolean isBareLeave(OpusRecord record) {
		return "leave".equalsIgnoreCase(record.attribute("action")) && record.field("cpr") == null;
	}

	private BigDecimal fraction(OpusRecord record) {
		String numerator = record.field("numerator");
		String denominator = record.field("denominator");
		if (numerator == null || denominator == null) {
			return null;
		}
		try {
			BigDecimal n = new BigDecimal(numerator.replace(',', '.'));
			BigDecimal d = new BigDecimal(denominator.replace(',', '.'));
			if (d.signum() == 0) {
				return null;
			}
			BigDecimal fraction = n.divide(d, 4, RoundingMode.HALF_UP);
			if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
				warn(record.line(), record.element(), record.id(),
						"occupation rate " + numerator + "/" + denominator + " left out: not between 0 and 1");
				return null;
			}
			return fraction;
		}
		catch (NumberFormatException ex) {
			warn(record.line(), record.element(), record.id(),
					"occupation rate " + numerator + "/" + denominator + " left out: not a number");
			return null;
		}
	}

	private static Validity clip(Validity inner, Validity outer) {
		if (!inner.overlaps(outer)) {
			return null;
		}
		LocalDate from = inner.from().isBefore(outer.from()) ? outer.from() : inner.from();
		LocalDate to = inner.toOrEnd().isAfter(outer.toOrEnd()) ? outer.toOrEnd() : inner.toOrEnd();
		return new Validity(from, to);
	}

	private static LocalDate date(String value) {
		return (value == null) ? null : LocalDate.parse(value);
	}

	private static String join(String zip, String city) {
		return ((zip != null) ? zip : "") + ((zip != null && city != null) ? " " : "") + ((city != null) ? city : "");
	}

	private static String lines(List<OpusRecord> records) {
		return String.join(", ", records.stream().map(r -> Integer.toString(r.line())).toList());
	}

	private void reject(OpusRecord record, String reason) {
		reject(record.line(), record.element(), record.id(), reason);
	}

	private void reject(int line, String element, String id, String reason) {
		this.rejected.add(new RecordProblem(this.file, line, element, id, reason));
	}

	private void warn(int line, String element, String id, String reason) {
		this.warnings.add(new RecordProblem(this.file, line, element, id, reason));
	}

}
