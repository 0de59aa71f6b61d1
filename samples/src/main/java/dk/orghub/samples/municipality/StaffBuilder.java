package dk.orghub.samples.municipality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Hires the people: one person per employee slot of the unit tree, with a main (primary)
 * engagement in that unit, and for some of them an earlier job, a second job on the side,
 * an end in the past or a start in the future. The first slot of a unit with a manager is
 * its manager.
 */
final class StaffBuilder {

	/** Weekly hours of a full-time job, for part-time fractions. */
	private static final BigDecimal FULL_TIME_HOURS = BigDecimal.valueOf(37);

	private static final int[] PART_TIME_HOURS = { 20, 25, 28, 30, 32, 34 };

	private final Random random;

	private final SampleIds ids;

	private final LocalDate referenceDate;

	private final DanishNumbers numbers;

	private final List<UnitPlan> units;

	private final List<UnitPlan> openUnits = new ArrayList<>();

	private final UUID[] managerPerson;

	private final Validity[] managerValidity;

	private final Map<UUID, Timeline<Person>> persons = new LinkedHashMap<>();

	private final Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>();

	private final Map<UUID, Timeline<Manager>> managers = new LinkedHashMap<>();

	private int lastEmploymentNumber = 100_000;

	StaffBuilder(Random random, SampleIds ids, LocalDate referenceDate, DanishNumbers numbers, List<UnitPlan> units) {
		this.random = random;
		this.ids = ids;
		this.referenceDate = referenceDate;
		this.numbers = numbers;
		this.units = units;
		for (UnitPlan unit : units) {
			if (unit.parent != null && unit.isOpen()) {
				this.openUnits.add(unit);
			}
		}
		this.managerPerson = new UUID[units.size()];
		this.managerValidity = new Validity[units.size()];
	}

	void build() {
		int employees = this.units.stream().mapToInt((u) -> u.slots).sum();
		int[] slotUnit = new int[employees];
		boolean[] managerSlot = new boolean[employees];
		int slot = 0;
		for (UnitPlan unit : this.units) {
			for (int s = 0; s < unit.slots; s++) {
				slotUnit[slot] = unit.index;
				managerSlot[slot] = s == 0 && unit.managed && !unit.vacant;
				slot++;
			}
		}
		int[] order = new int[employees];
		for (int i = 0; i < employees; i++) {
			order[i] = i;
		}
		for (int i = employees - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		for (int number = 1; number <= employees; number++) {
			int s = order[number - 1];
			hire(number, this.units.get(slotUnit[s]), managerSlot[s]);
		}
		for (UnitPlan unit : this.units) {
			if (unit.managed) {
				manager(unit);
			}
		}
	}

	Map<UUID, Timeline<Person>> persons() {
		return this.persons;
	}

	Map<UUID, Timeline<Engagement>> engagements() {
		return this.engagements;
	}

	Map<UUID, Timeline<Manager>> managers() {
		return this.managers;
	}

	private void hire(int number, UnitPlan unit, boolean manager) {
		int age = manager ? 35 + this.random.nextInt(30) : 18 + this.random.nextInt(49);
		LocalDate birthDate = this.referenceDate.minusYears(age).minusDays(this.random.nextInt(365));
		boolean male = this.random.nextInt(100) < 28;
		boolean modulus11 = this.random.nextInt(100) != 0;
		if (!modulus11) {
			// numbers failing modulus 11 are issued mostly for 1 January birth dates
			birthDate = birthDate.withDayOfYear(1);
		}
		UUID person = this.ids.person(number);
		String userKey = "P" + String.format("%06d", number);
		this.persons.put(person, Timeline.of(Validity.from(birthDate), new Person(person, userKey,
				this.numbers.cpr(birthDate, male, modulus11), givenName(male), surname(), null)));
		LocalDate adult = birthDate.plusYears(18);
		if (manager && hireManager(person, unit, birthDate)) {
			return;
		}
		LocalDate earliest = Dates.max(unit.from, adult);
		if (!unit.isOpen() && !earliest.isBefore(unit.to.minusMonths(1))) {
			unit = unit.openSelfOrAncestor();
			earliest = Dates.max(unit.from, adult);
		}
		if (!unit.isOpen()) {
			// worked there until it closed; most moved on to a unit nearby
			LocalDate from = Dates.between(this.random, earliest, unit.to.minusMonths(1));
			engagement(person, unit, from, unit.to, true, null, false);
			if (this.random.nextInt(100) < 60) {
				engagement(person, successor(unit), unit.to, null, true, null, false);
			}
			return;
		}
		LocalDate from;
		LocalDate to = null;
		int roll = this.random.nextInt(100);
		boolean left = roll < 5 && earliest.isBefore(this.referenceDate.minusMonths(3));
		if (left) {
			from = Dates.between(this.random, earliest, this.referenceDate.minusMonths(3));
			to = Dates.between(this.random, from.plusMonths(1), this.referenceDate.plusDays(1));
		}
		else if (roll < 9) {
			from = this.referenceDate.plusDays(1 + this.random.nextInt(120));
		}
		else if (roll < 12) {
			from = Dates.between(this.random, earliest, this.referenceDate.plusDays(1));
			to = this.referenceDate.plusDays(30 + this.random.nextInt(365));
		}
		else {
			from = Dates.between(this.random, earliest, this.referenceDate.plusDays(1));
		}
		if (this.random.nextInt(100) < 5) {
			previousJob(person, unit, adult, from);
		}
		engagement(person, unit, from, to, true, null, false);
		if (!left && this.random.nextInt(100) < 7) {
			sideJob(person, unit, from, to);
		}
	}

	/**
	 * The manager's own engagement in the unit; the role lasts as long as it. Returns
	 * false when the person cannot have worked there (the unit closed before they were
	 * grown up): the role stays vacant then.
	 */
	private boolean hireManager(UUID person, UnitPlan unit, LocalDate birthDate) {
		LocalDate latest = unit.isOpen() ? this.referenceDate.minusMonths(1) : unit.to.minusMonths(1);
		LocalDate earliest = Dates.max(unit.from, birthDate.plusYears(28));
		if (!earliest.isBefore(latest)) {
			earliest = Dates.max(unit.from, birthDate.plusYears(18));
		}
		if (!earliest.isBefore(latest)) {
			return false;
		}
		LocalDate from = Dates.between(this.random, earliest, latest);
		engagement(person, unit, from, unit.to, true, unit.tier.managerJobFunction(), false);
		this.managerPerson[unit.index] = person;
		this.managerValidity[unit.index] = new Validity(from, unit.to);
		return true;
	}

	/** An earlier main job in another unit, ending the day the new one starts. */
	private void previousJob(UUID person, UnitPlan unit, LocalDate adult, LocalDate nextStart) {
		UnitPlan other = this.units.get(1 + this.random.nextInt(this.units.size() - 1));
		LocalDate earliest = Dates.max(other.from, adult);
		LocalDate end = Dates.min(nextStart, other.end());
		if (other != unit && ChronoUnit.DAYS.between(earliest, end) >= 180) {
			engagement(person, other, Dates.between(this.random, earliest, end.minusDays(90)), end, true, null, false);
		}
	}

	/** A small second job (not primary) in another open unit, within the main job. */
	private void sideJob(UUID person, UnitPlan unit, LocalDate mainFrom, LocalDate mainTo) {
		UnitPlan other = this.openUnits.get(this.random.nextInt(this.openUnits.size()));
		LocalDate earliest = Dates.max(mainFrom, other.from);
		long days = ChronoUnit.DAYS.between(earliest, (mainTo != null) ? mainTo : Validity.END_OF_TIME);
		if (other != unit && days > 90) {
			LocalDate from = earliest.plusDays(this.random.nextInt((int) Math.min(365, days - 60)));
			engagement(person, other, from, mainTo, false, null, true);
		}
	}

	/** Where people went when their unit closed: an open unit nearby. */
	private UnitPlan successor(UnitPlan closed) {
		UnitPlan ancestor = closed.parent.openSelfOrAncestor();
		List<UnitPlan> candidates = new ArrayList<>();
		for (UnitPlan sibling : ancestor.children) {
			if (sibling.isOpen() && !sibling.from.isAfter(closed.to)) {
				candidates.add(sibling);
			}
		}
		return candidates.isEmpty() ? ancestor : candidates.get(this.random.nextInt(candidates.size()));
	}

	private void engagement(UUID person, UnitPlan unit, LocalDate from, LocalDate to, boolean primary,
			String jobFunction, boolean sideJob) {
		String number = Integer.toString(++this.lastEmploymentNumber);
		UUID uuid = this.ids.engagement(number);
		String job = (jobFunction != null) ? jobFunction : unit.jobs().pick(this.random);
		String type;
		BigDecimal fraction;
		if (job.equals("Elev")) {
			type = "Elev";
			fraction = BigDecimal.ONE;
		}
		else if (jobFunction != null) {
			type = "Månedslønnet";
			fraction = BigDecimal.ONE;
		}
		else {
			type = sideJob ? (this.random.nextBoolean() ? "Timelønnet" : "Vikar") : engagementType();
			fraction = fraction(type);
		}
		Engagement engagement = new Engagement(uuid, number, person, unit.uuid, SampleClasses.jobFunction(job),
				SampleClasses.engagementType(type), fraction, primary);
		Validity validity = new Validity(from, to);
		LocalDate changed = Dates.between(this.random, from.plusMonths(6), this.referenceDate);
		if (to == null && fraction != null && changed.isAfter(from) && changed.isBefore(this.referenceDate)
				&& this.random.nextInt(100) < 3) {
			// the hours changed once
			BigDecimal before = fraction.equals(BigDecimal.ONE) ? hours(32) : BigDecimal.ONE;
			Engagement earlier = new Engagement(uuid, number, person, unit.uuid, engagement.jobFunction(),
					engagement.engagementType(), before, primary);
			this.engagements.put(uuid, Timeline.of(List.of(new Segment<>(new Validity(from, changed), earlier),
					new Segment<>(new Validity(changed, null), engagement))));
		}
		else {
			this.engagements.put(uuid, Timeline.of(validity, engagement));
		}
	}

	private String engagementType() {
		int roll = this.random.nextInt(100);
		if (roll < 88) {
			return "Månedslønnet";
		}
		if (roll < 94) {
			return "Timelønnet";
		}
		return (roll < 97) ? "Vikar" : "Fleksjob";
	}

	/** The occupation rate; unknown ({@code null}) for hourly paid. */
	private BigDecimal fraction(String type) {
		return switch (type) {
			case "Timelønnet" -> null;
			case "Fleksjob" -> hours(10 + 5 * this.random.nextInt(3));
			case "Vikar" -> hours(15 + 5 * this.random.nextInt(5));
			default -> (this.random.nextInt(100) < 65) ? BigDecimal.ONE
					: hours(PART_TIME_HOURS[this.random.nextInt(PART_TIME_HOURS.length)]);
		};
	}

	private static BigDecimal hours(int weeklyHours) {
		return BigDecimal.valueOf(weeklyHours).divide(FULL_TIME_HOURS, 4, RoundingMode.HALF_UP);
	}

	private void manager(UnitPlan unit) {
		String key = unit.key + "-L";
		UUID uuid = this.ids.manager(key);
		UUID person = this.managerPerson[unit.index];
		Validity validity = (person != null) ? this.managerValidity[unit.index] : unit.validity();
		List<UUID> responsibilities = switch (unit.tier) {
			case MUNICIPALITY, DEPARTMENT, AREA ->
				List.of(SampleClasses.PERSONALEANSVAR, SampleClasses.BUDGETANSVAR, SampleClasses.MED_ANSVAR);
			case GROUP, INSTITUTION -> List.of(SampleClasses.PERSONALEANSVAR, SampleClasses.BUDGETANSVAR);
			case TEAM -> List.of(SampleClasses.PERSONALEANSVAR);
		};
		Manager manager = new Manager(uuid, key, unit.uuid, person, SampleClasses.managerType(unit.tier.managerType()),
				SampleClasses.managerLevel(unit.tier.managerLevel()), responsibilities);
		this.managers.put(uuid, Timeline.of(validity, manager));
	}

	private String givenName(boolean male) {
		return SampleNames.givenName(this.random, male);
	}

	private String surname() {
		return SampleNames.surname(this.random);
	}

}
