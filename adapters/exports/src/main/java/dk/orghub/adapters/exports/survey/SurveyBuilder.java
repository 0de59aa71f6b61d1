package dk.orghub.adapters.exports.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;

/**
 * Builds the survey of a snapshot: plain Java over data in memory, no store. One instance
 * per export.
 */
final class SurveyBuilder {

	private final OrgSnapshot snapshot;

	private final UUID root;

	private final SurveyOptions options;

	private final ManagerLookup managers;

	private final AgeBands ageBands;

	private final MedGroups medGroups;

	private final List<Finding> findings = new ArrayList<>();

	SurveyBuilder(OrgSnapshot snapshot, UUID root, SurveyOptions options) {
		this.snapshot = snapshot;
		this.root = root;
		this.options = options;
		this.managers = new ManagerLookup(snapshot);
		this.ageBands = new AgeBands(options.ageBandLimits(), options.language());
		this.medGroups = options.medGroups() ? new MedGroups(snapshot) : null;
	}

	SurveyExport build() {
		List<Versioned<OrgUnit>> units = units();
		Map<UUID, Integer> order = new HashMap<>();
		for (Versioned<OrgUnit> unit : units) {
			order.put(unit.value().uuid(), order.size());
		}
		List<RespondentRow> respondents = new ArrayList<>();
		for (Engagement engagement : select(order.keySet())) {
			respondents.add(respondent(engagement));
		}
		respondents.sort(Comparator.comparingInt(r -> order.get(r.unit())));
		Map<UUID, Integer> counts = new HashMap<>();
		respondents.forEach(r -> counts.merge(r.unit(), 1, Integer::sum));
		List<UnitRow> unitRows = new ArrayList<>(units.size());
		Map<UUID, List<UnitRow>> managedWithoutEmail = new LinkedHashMap<>();
		for (Versioned<OrgUnit> unit : units) {
			UnitRow row = unitRow(unit.value(), counts.getOrDefault(unit.value().uuid(), 0));
			unitRows.add(row);
			unitFindings(row);
			if (row.hasManager() && row.managerEmail() == null) {
				managedWithoutEmail.computeIfAbsent(row.managerPerson(), k -> new ArrayList<>()).add(row);
			}
		}
		managedWithoutEmail.forEach(this::managerWithoutEmail);
		respondentFindings(respondents);
		endedUnitFindings();
		List<Finding> sorted = new ArrayList<>(this.findings);
		sorted.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::kind));
		Versioned<OrgUnit> rootUnit = (this.root != null) ? this.snapshot.tree().unit(this.root).orElse(null) : null;
		return new SurveyExport(this.snapshot.point(), this.root,
				(rootUnit != null) ? rootUnit.value().userKey() : null, this.options, unitRows, respondents, sorted,
				(this.medGroups != null) ? this.medGroups.rows(respondents) : List.of());
	}

	/** The units of the export: the root's subtree, or every tree of the organisation. */
	private List<Versioned<OrgUnit>> units() {
		if (this.root != null) {
			return this.snapshot.tree().subtree(this.root);
		}
		List<Versioned<OrgUnit>> all = new ArrayList<>(this.snapshot.tree().size());
		for (Versioned<OrgUnit> top : this.snapshot.tree().roots()) {
			all.addAll(this.snapshot.tree().subtree(top.value().uuid()));
		}
		return all;
	}

	/** The engagements that become respondent rows, by employment number. */
	private List<Engagement> select(Set<UUID> units) {
		List<Engagement> selected = new ArrayList<>();
		if (this.options.rows() == RowMode.PER_ENGAGEMENT) {
			for (Versioned<Engagement> engagement : this.snapshot.engagements()) {
				if (units.contains(engagement.value().unit())) {
					selected.add(engagement.value());
				}
			}
			return selected;
		}
		Set<UUID> seen = new HashSet<>();
		for (Versioned<Engagement> first : this.snapshot.engagements()) {
			UUID person = first.value().person();
			if (!seen.add(person)) {
				continue;
			}
			List<Engagement> engagements = this.snapshot.engagementsOf(person);
			Engagement chosen = engagements.stream().filter(Engagement::primary).findFirst().orElse(null);
			boolean chosenByRule = chosen == null;
			if (chosenByRule) {
				chosen = engagements.stream()
					.sorted(Comparator.comparing((Engagement e) -> !this.snapshot.tree().contains(e.unit()))
						.thenComparing(e -> (e.fraction() != null) ? e.fraction() : BigDecimal.ZERO,
								Comparator.reverseOrder()))
					.findFirst()
					.orElseThrow();
			}
			if (units.contains(chosen.unit())) {
				selected.add(chosen);
				if (chosenByRule) {
					Person p = this.snapshot.person(person).orElse(null);
					add(FindingKind.NO_PRIMARY_ENGAGEMENT, person, (p != null) ? p.userKey() : null,
							OrgSnapshot.fullName(p), chosen.unit(),
							"Listed by engagement " + chosen.userKey() + " of " + engagements.size());
				}
			}
		}
		selected.sort(Comparator.comparing(Engagement::userKey, Comparator.nullsLast(Comparator.naturalOrder())));
		return selected;
	}

	private RespondentRow respondent(Engagement engagement) {
		Person person = this.snapshot.person(engagement.person()).orElse(null);
		OrgUnit unit = this.snapshot.tree().unit(engagement.unit()).map(Versioned::value).orElseThrow();
		String email = this.snapshot.email(engagement.uuid())
			.or(() -> this.snapshot.email(engagement.person()))
			.orElse(null);
		String ageBand = null;
		Sex sex = null;
		if (this.options.usesCpr() && person != null && person.cpr() != null) {
			Cpr.Check check = Cpr.check(person.cpr());
			if (check.valid()) {
				ageBand = this.options.ageBand() ? this.ageBands.band(check.birthDate(), this.snapshot.at()) : null;
				sex = this.options.sex() ? sexOf(person.cpr()) : null;
			}
		}
		OrgUnit group = (this.medGroups != null) ? this.medGroups.committeeOf(unit.uuid()).orElse(null) : null;
		return new RespondentRow(engagement.userKey(), engagement.uuid(), engagement.person(),
				(person != null) ? person.userKey() : null, OrgSnapshot.fullName(person), unit.uuid(), unit.userKey(),
				unit.name(), email, this.managers.manages(engagement.person(), unit.uuid()), engagement.primary(),
				ageBand, sex, (group != null) ? group.uuid() : null, (group != null) ? group.name() : null);
	}

	private static Sex sexOf(String cpr) {
		String digits = Cpr.normalise(cpr);
		return ((digits.charAt(digits.length() - 1) - '0') % 2 == 1) ? Sex.MALE : Sex.FEMALE;
	}

	private UnitRow unitRow(OrgUnit unit, int respondents) {
		Optional<Manager> manager = this.managers.managerOf(unit.uuid());
		if (manager.isEmpty()) {
			return new UnitRow(unit.uuid(), unit.userKey(), unit.parent(), unit.name(),
					this.snapshot.tree().path(unit.uuid()), null, null, null, false, null, null, respondents);
		}
		Manager role = manager.get();
		Person person = this.snapshot.person(role.person()).orElse(null);
		String managerUnitName = this.snapshot.tree().unit(role.unit()).map(v -> v.value().name()).orElse(null);
		return new UnitRow(unit.uuid(), unit.userKey(), unit.parent(), unit.name(),
				this.snapshot.tree().path(unit.uuid()), role.person(), OrgSnapshot.fullName(person), managerEmail(role),
				!role.unit().equals(unit.uuid()), role.unit(), managerUnitName, respondents);
	}

	/**
	 * The manager's e-mail: the person's, else that of their engagement in the managed
	 * unit, else that of any of their engagements.
	 */
	private String managerEmail(Manager role) {
		Optional<String> email = this.snapshot.email(role.person());
		if (email.isPresent()) {
			return email.get();
		}
		List<Engagement> engagements = new ArrayList<>(this.snapshot.engagementsOf(role.person()));
		engagements.sort(Comparator.comparing((Engagement e) -> !role.unit().equals(e.unit())));
		for (Engagement engagement : engagements) {
			email = this.snapshot.email(engagement.uuid());
			if (email.isPresent()) {
				return email.get();
			}
		}
		return null;
	}

	private void unitFindings(UnitRow row) {
		if (!row.hasManager()) {
			List<String> vacant = new ArrayList<>();
			List<UUID> path = new ArrayList<>();
			path.add(row.unit());
			this.snapshot.tree().ancestors(row.unit()).forEach(a -> path.add(a.value().uuid()));
			for (UUID unit : path) {
				if (this.managers.onlyVacantRoles(unit)) {
					vacant.add(this.snapshot.tree().unit(unit).map(v -> v.value().userKey()).orElse(unit.toString()));
				}
			}
			add(FindingKind.UNIT_WITHOUT_MANAGER, row.unit(), row.userKey(), row.name(), row.unit(),
					vacant.isEmpty() ? "No manager role in the unit or above it"
							: "Only vacant manager roles, in " + String.join(", ", vacant));
		}
		else if (row.managerInherited() && this.managers.onlyVacantRoles(row.unit())) {
			add(FindingKind.VACANT_MANAGER_ROLE, row.unit(), row.userKey(), row.name(), row.unit(),
					"Manager shown: " + row.managerName() + " of " + row.managerUnitName());
		}
	}

	private void managerWithoutEmail(UUID person, List<UnitRow> units) {
		Person manager = this.snapshot.person(person).orElse(null);
		UnitRow first = units.get(0);
		add(FindingKind.MANAGER_WITHOUT_EMAIL, person, (manager != null) ? manager.userKey() : null,
				OrgSnapshot.fullName(manager), first.managerUnit(),
				"Shown as the manager of " + units.size() + " unit(s) in this export");
	}

	private void respondentFindings(List<RespondentRow> respondents) {
		Set<UUID> withoutEmail = new LinkedHashSet<>();
		Set<UUID> cprNotUsable = new LinkedHashSet<>();
		for (RespondentRow row : respondents) {
			if (row.email() == null && withoutEmail.add(row.person())) {
				add(FindingKind.EMPLOYEE_WITHOUT_EMAIL, row.person(), row.personKey(), row.name(), row.unit(),
						"Engagement " + row.employmentNumber() + " has no e-mail, nor has the person");
			}
			Optional<LocalDate> end = this.snapshot.unitEnd(row.unit());
			if (end.isPresent()) {
				add(FindingKind.ENGAGEMENT_IN_CLOSING_UNIT, row.engagement(), row.employmentNumber(), row.name(),
						row.unit(), "Unit " + row.unitKey() + " ends on " + end.get());
			}
			if (this.options.usesCpr() && row.ageBand() == null && row.sex() == null
					&& cprNotUsable.add(row.person())) {
				String cpr = this.snapshot.person(row.person()).map(Person::cpr).orElse(null);
				add(FindingKind.CPR_NOT_USABLE, row.person(), row.personKey(), row.name(), row.unit(),
						(cpr == null) ? "No CPR number" : Cpr.check(cpr).error());
			}
		}
	}

	/** Engagements valid at the date in units that are not (within the export's root). */
	private void endedUnitFindings() {
		for (Versioned<Engagement> versioned : this.snapshot.engagements()) {
			Engagement engagement = versioned.value();
			if (engagement.unit() == null || this.snapshot.tree().contains(engagement.unit())) {
				continue;
			}
			Timeline<OrgUnit> timeline = this.snapshot.unitNotValid(engagement.unit()).orElse(Timeline.empty());
			OrgUnit latest = timeline.latest().orElse(null);
			if (this.root != null && (latest == null || latest.parent() == null
					|| !this.snapshot.tree().isWithin(latest.parent(), this.root))) {
				continue;
			}
			Person person = this.snapshot.person(engagement.person()).orElse(null);
			add(FindingKind.ENGAGEMENT_IN_ENDED_UNIT, engagement.uuid(), engagement.userKey(),
					OrgSnapshot.fullName(person), engagement.unit(), (latest != null) ? latest.name() : null,
					describe(latest, timeline));
		}
	}

	private String describe(OrgUnit unit, Timeline<OrgUnit> timeline) {
		if (unit == null) {
			return "The engagement's unit is not known";
		}
		LocalDate at = this.snapshot.at();
		List<Validity> coverage = timeline.coverage();
		Validity first = coverage.get(0);
		if (first.from().isAfter(at)) {
			return "Unit " + unit.userKey() + " starts on " + first.from();
		}
		LocalDate ended = null;
		for (Validity validity : coverage) {
			if (!validity.toOrEnd().isAfter(at)) {
				ended = validity.to();
			}
		}
		return "Unit " + unit.userKey() + ((ended != null) ? " ended on " + ended : " is not valid on " + at);
	}

	private void add(FindingKind kind, UUID object, String userKey, String name, UUID unit, String detail) {
		String unitName = this.snapshot.tree().unit(unit).map(v -> v.value().name()).orElse(null);
		add(kind, object, userKey, name, unit, unitName, detail);
	}

	private void add(FindingKind kind, UUID object, String userKey, String name, UUID unit, String unitName,
			String detail) {
		this.findings.add(new Finding(kind, object, userKey, name, unit, unitName, detail));
	}

}
