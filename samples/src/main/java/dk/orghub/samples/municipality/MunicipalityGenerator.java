package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

/**
 * Generates a synthetic Danish municipality: the same seed and size always give the same
 * municipality, down to the last UUID.
 * <p>
 * The unit tree has the municipality (NY0) at the root, six forvaltninger (NY1), their
 * areas (NY2), districts or sections (NY3), institutions such as schools, kindergartens,
 * care homes and offices (NY4) and the institutions' teams, about one unit per 15
 * employees. Every employee is a person with a main engagement; some also have an earlier
 * job, a second job on the side, a job that ended or one that starts after the reference
 * date. Most units above the teams have a manager. Beside payroll's organisation there
 * are a MED organisation with representatives, interns, external consultants and
 * politicians ({@link LocalActors}). All of it satisfies the rules of the canonical
 * model.
 * <p>
 * Names, CPR numbers and contact details are fictitious. Person UUIDs come from the seed
 * and a running number, never from a CPR number.
 */
public final class MunicipalityGenerator {

	/** The smallest municipality the generator makes. */
	public static final int MIN_EMPLOYEES = 100;

	/** The largest municipality the generator makes (the largest Danish ones). */
	public static final int MAX_EMPLOYEES = 45_000;

	/**
	 * The date that stands for "today" unless another is given: engagements that ended
	 * did so before it, future ones start after it.
	 */
	public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2025, 1, 1);

	/** The name of the generated municipality. */
	public static final String NAME = "Sample Kommune";

	/** The municipality code: not one of a real municipality. */
	public static final String MUNICIPALITY_CODE = "999";

	private static final String DOMAIN = "samplekommune.example";

	private static final LocalDate EARLIEST_REFERENCE_DATE = LocalDate.of(2010, 1, 1);

	private static final LocalDate LATEST_REFERENCE_DATE = LocalDate.of(2050, 12, 31);

	private MunicipalityGenerator() {
	}

	/**
	 * Generates a municipality as at {@link #DEFAULT_REFERENCE_DATE}.
	 * @param seed any number; the same seed gives the same municipality
	 * @param employees the number of persons, from {@value #MIN_EMPLOYEES} to
	 * {@value #MAX_EMPLOYEES}
	 */
	public static Municipality generate(long seed, int employees) {
		return generate(seed, employees, DEFAULT_REFERENCE_DATE);
	}

	/**
	 * Generates a municipality as at {@code referenceDate}: pass today's date to have
	 * engagements that start after the real today.
	 * @param referenceDate between 2010 and 2050
	 */
	public static Municipality generate(long seed, int employees, LocalDate referenceDate) {
		Objects.requireNonNull(referenceDate, "referenceDate");
		if (employees < MIN_EMPLOYEES || employees > MAX_EMPLOYEES) {
			throw new IllegalArgumentException(
					"employees must be between " + MIN_EMPLOYEES + " and " + MAX_EMPLOYEES + ", was " + employees);
		}
		if (referenceDate.isBefore(EARLIEST_REFERENCE_DATE) || referenceDate.isAfter(LATEST_REFERENCE_DATE)) {
			throw new IllegalArgumentException("referenceDate must be between " + EARLIEST_REFERENCE_DATE + " and "
					+ LATEST_REFERENCE_DATE + ", was " + referenceDate);
		}
		SampleIds ids = new SampleIds(seed);
		List<UnitPlan> units = new UnitTreeBuilder(random(seed, 1), ids, referenceDate).build(NAME, employees);
		DanishNumbers numbers = new DanishNumbers(random(seed, 2));
		Organisation organisation = new Organisation(ids.organisation(), "sample-kommune", NAME, numbers.cvr(),
				MUNICIPALITY_CODE);
		StaffBuilder staff = new StaffBuilder(random(seed, 3), ids, referenceDate, numbers, units);
		staff.build();
		ContactBuilder contacts = new ContactBuilder(random(seed, 4), ids, numbers, DOMAIN);
		contacts.build(units);
		LocalActors actors = new ActorsBuilder(random(seed, 5), ids, referenceDate, numbers, units, staff.engagements())
			.build();
		return new Municipality(seed, employees, referenceDate,
				Timeline.of(Validity.from(UnitTreeBuilder.FOUNDED), organisation), unitTimelines(units),
				staff.persons(), staff.engagements(), staff.managers(), contacts.addresses(), contacts.kle(), actors);
	}

	/**
	 * An independent random stream per part, so that one part's changes leave the others
	 * be.
	 */
	private static Random random(long seed, int part) {
		return new Random(seed ^ (part * 0x9E3779B97F4A7C15L));
	}

	private static Map<UUID, Timeline<OrgUnit>> unitTimelines(List<UnitPlan> units) {
		Map<UUID, Timeline<OrgUnit>> timelines = new LinkedHashMap<>();
		for (UnitPlan unit : units) {
			Timeline<OrgUnit> timeline;
			if (unit.renamedOn != null) {
				timeline = Timeline
					.of(List.of(new Segment<>(new Validity(unit.from, unit.renamedOn), orgUnit(unit, unit.formerName)),
							new Segment<>(new Validity(unit.renamedOn, unit.to), orgUnit(unit, unit.name))));
			}
			else {
				timeline = Timeline.of(unit.validity(), orgUnit(unit, unit.name));
			}
			timelines.put(unit.uuid, timeline);
		}
		return timelines;
	}

	private static OrgUnit orgUnit(UnitPlan unit, String name) {
		UnitPlan payoutUnit = unit.payoutUnit();
		return new OrgUnit(unit.uuid, unit.key, name, (unit.parent != null) ? unit.parent.uuid : null,
				(unit.tier == Tier.TEAM) ? SampleClasses.TEAM : SampleClasses.AFDELING,
				SampleClasses.unitLevel(unit.tier.unitLevel()), (payoutUnit != null) ? payoutUnit.uuid : null);
	}

}
