package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Builds the {@link LocalActors} of a generated municipality: the MED organisation with
 * its representatives (employees whose engagement lies in the units a committee covers),
 * interns in institutions and teams, external consultants in the administration (every
 * other one without a CPR number), and the politicians of the current election term.
 */
final class ActorsBuilder {

	/**
	 * An institution gets its own local MED committee from this many current engagements.
	 */
	static final int LOCAL_COMMITTEE_SIZE = 10;

	/** The number of politicians in the city council. */
	static final int POLITICIANS = 5;

	/** Why the consultants without a CPR number have none. */
	static final String NO_CPR_REASON = "Konsulent bosat i udlandet";

	private static final LocalDate FIRST_TERM = LocalDate.of(2022, 1, 1);

	private final Random random;

	private final SampleIds ids;

	private final LocalDate referenceDate;

	private final DanishNumbers numbers;

	private final List<UnitPlan> units;

	private final Map<UUID, UnitPlan> byUuid = new HashMap<>();

	/** The engagements valid on the reference date, per unit. */
	private final Map<UUID, List<Segment<Engagement>>> currentByUnit = new LinkedHashMap<>();

	private final Map<UUID, Timeline<OrgUnit>> medUnits = new LinkedHashMap<>();

	private final Map<UUID, Timeline<Person>> persons = new LinkedHashMap<>();

	private final Map<UUID, Timeline<Association>> associations = new LinkedHashMap<>();

	private int lastPerson;

	ActorsBuilder(Random random, SampleIds ids, LocalDate referenceDate, DanishNumbers numbers, List<UnitPlan> units,
			Map<UUID, Timeline<Engagement>> engagements) {
		this.random = random;
		this.ids = ids;
		this.referenceDate = referenceDate;
		this.numbers = numbers;
		this.units = units;
		units.forEach(u -> this.byUuid.put(u.uuid, u));
		for (Timeline<Engagement> timeline : engagements.values()) {
			timeline.segmentAt(referenceDate)
				.ifPresent(s -> this.currentByUnit.computeIfAbsent(s.value().unit(), k -> new ArrayList<>()).add(s));
		}
	}

	LocalActors build() {
		medOrganisation();
		for (int i = 0; i < Math.max(2, countOf(Tier.TEAM) / 10); i++) {
			intern();
		}
		for (int i = 0; i < Math.max(2, countOf(Tier.GROUP) / 4); i++) {
			consultant(i % 2 == 1);
		}
		for (int i = 0; i < POLITICIANS; i++) {
			politician();
		}
		return new LocalActors(this.medUnits, this.persons, this.associations);
	}

	private void medOrganisation() {
		UnitPlan root = this.units.get(0);
		OrgUnit main = committee("MED-HMU", "Hovedudvalget", null, root, root.validity());
		Map<UnitPlan, OrgUnit> areas = new HashMap<>();
		for (UnitPlan department : this.units) {
			if (department.tier == Tier.DEPARTMENT) {
				areas.put(department, committee("MED-" + department.key, "Område-MED " + department.name, main,
						department, department.validity()));
			}
		}
		for (UnitPlan institution : this.units) {
			if (institution.tier == Tier.INSTITUTION && institution.isOpen()
					&& current(institution).size() >= LOCAL_COMMITTEE_SIZE) {
				OrgUnit area = areas.get(institution.payoutUnit());
				committee("MED-" + institution.key, "Lokal-MED " + institution.name, area, institution,
						institution.validity());
			}
		}
	}

	/**
	 * A committee covering a line unit, with a chair, a work-environment representative,
	 * a union representative and two members from the employees below the unit.
	 */
	private OrgUnit committee(String key, String name, OrgUnit parent, UnitPlan covered, Validity validity) {
		OrgUnit committee = new OrgUnit(this.ids.unit(key), key, name, (parent != null) ? parent.uuid() : null,
				SampleClasses.AFDELING, null, null, DefaultClasses.MED_ORGANISATION, List.of(covered.uuid));
		this.medUnits.put(committee.uuid(), Timeline.of(validity, committee));
		Map<UUID, Segment<Engagement>> candidates = new LinkedHashMap<>();
		current(covered).forEach(s -> candidates.putIfAbsent(s.value().person(), s));
		List<Segment<Engagement>> pool = new ArrayList<>(candidates.values());
		String[] roles = { "Udvalgsformand", "Arbejdsmiljørepræsentant", "Tillidsrepræsentant", "Udvalgsmedlem",
				"Udvalgsmedlem" };
		for (int r = 0; r < roles.length && !pool.isEmpty(); r++) {
			Segment<Engagement> pick = pool.remove(this.random.nextInt(pool.size()));
			LocalDate elected = Dates.between(this.random, this.referenceDate.minusYears(3), this.referenceDate);
			LocalDate from = Dates.max(elected, Dates.max(validity.from(), pick.validity().from()));
			LocalDate to = Dates.min(validity.toOrEnd(), pick.validity().toOrEnd());
			associate(key + "-" + (r + 1), pick.value().person(), committee.uuid(), roles[r], null,
					new Validity(from, to.equals(Validity.END_OF_TIME) ? null : to));
		}
		return committee;
	}

	/**
	 * An intern in a team or an institution for three to six months around the reference
	 * date.
	 */
	private void intern() {
		UnitPlan unit = openUnit(Tier.TEAM, Tier.INSTITUTION);
		LocalDate from = Dates.max(unit.from, this.referenceDate.minusDays(150).plusDays(this.random.nextInt(210)));
		LocalDate to = from.plusMonths(3 + this.random.nextInt(4));
		Person person = person(20 + this.random.nextInt(10), true);
		associate("INT-" + this.lastPerson, person.uuid(), unit.uuid, "Praktikant",
				SampleClasses.jobFunction(unit.jobs().pick(this.random)), new Validity(from, to));
	}

	/** An external consultant in the administration, some with an open-ended contract. */
	private void consultant(boolean withoutCpr) {
		UnitPlan unit = openUnit(Tier.AREA, Tier.GROUP);
		LocalDate from = Dates.max(unit.from, this.referenceDate.minusDays(365).plusDays(this.random.nextInt(425)));
		LocalDate to = (this.random.nextInt(100) < 30) ? null : from.plusMonths(6 + this.random.nextInt(13));
		Person person;
		if (withoutCpr) {
			this.lastPerson++;
			UUID uuid = this.ids.actor(this.lastPerson);
			person = new Person(uuid, personKey(), null, SampleNames.givenName(this.random, this.random.nextBoolean()),
					SampleNames.surname(this.random), null, NO_CPR_REASON);
			this.persons.put(uuid, Timeline.of(Validity.from(from), person));
		}
		else {
			person = person(30 + this.random.nextInt(35), false);
		}
		associate("EXT-" + this.lastPerson, person.uuid(), unit.uuid, "Ekstern konsulent",
				SampleClasses.jobFunction("Konsulent"), new Validity(from, to));
	}

	/** A member of the city council for the election term of the reference date. */
	private void politician() {
		int terms = Math.floorDiv(this.referenceDate.getYear() - FIRST_TERM.getYear(), 4);
		LocalDate termStart = FIRST_TERM.plusYears(4L * terms);
		Person person = person(30 + this.random.nextInt(40), false);
		associate("POL-" + this.lastPerson, person.uuid(), this.units.get(0).uuid, "Politiker", null,
				new Validity(termStart, termStart.plusYears(4)));
	}

	/** A new person with a CPR number, valid from birth. */
	private Person person(int age, boolean young) {
		this.lastPerson++;
		LocalDate birthDate = this.referenceDate.minusYears(age).minusDays(this.random.nextInt(365));
		boolean male = this.random.nextInt(100) < (young ? 45 : 50);
		UUID uuid = this.ids.actor(this.lastPerson);
		Person person = new Person(uuid, personKey(), this.numbers.cpr(birthDate, male, true),
				SampleNames.givenName(this.random, male), SampleNames.surname(this.random), null);
		this.persons.put(uuid, Timeline.of(Validity.from(birthDate), person));
		return person;
	}

	private String personKey() {
		return "X" + String.format("%06d", this.lastPerson);
	}

	private void associate(String key, UUID person, UUID unit, String type, UUID jobFunction, Validity validity) {
		Association association = new Association(this.ids.association(key), key, person, unit,
				SampleClasses.associationType(type), jobFunction);
		this.associations.put(association.uuid(), Timeline.of(validity, association));
	}

	/** The engagements valid on the reference date in the unit and below it. */
	private List<Segment<Engagement>> current(UnitPlan unit) {
		List<Segment<Engagement>> result = new ArrayList<>();
		List<UnitPlan> pending = new ArrayList<>(List.of(unit));
		while (!pending.isEmpty()) {
			UnitPlan next = pending.remove(pending.size() - 1);
			result.addAll(this.currentByUnit.getOrDefault(next.uuid, List.of()));
			pending.addAll(next.children);
		}
		return result;
	}

	/** An open unit of one of the tiers founded before the reference date, at random. */
	private UnitPlan openUnit(Tier... tiers) {
		List<UnitPlan> candidates = new ArrayList<>();
		for (UnitPlan unit : this.units) {
			if (unit.isOpen() && unit.from.isBefore(this.referenceDate) && List.of(tiers).contains(unit.tier)) {
				candidates.add(unit);
			}
		}
		return candidates.get(this.random.nextInt(candidates.size()));
	}

	private int countOf(Tier tier) {
		return (int) this.units.stream().filter(u -> u.tier == tier && u.isOpen()).count();
	}

}
