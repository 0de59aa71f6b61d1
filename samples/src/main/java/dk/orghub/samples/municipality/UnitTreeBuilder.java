package dk.orghub.samples.municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dk.orghub.samples.municipality.Departments.Area;
import dk.orghub.samples.municipality.Departments.Department;

/**
 * Builds the unit tree: the municipality, its forvaltninger, their areas, districts or
 * sections, the institutions and their teams, parents before children. Each unit gets
 * dates and a number of employees so that they add up to the size asked for.
 */
final class UnitTreeBuilder {

	/** The day today's municipalities were formed (kommunalreformen). */
	static final LocalDate FOUNDED = LocalDate.of(2007, 1, 1);

	private static final LocalDate LATEST_START = LocalDate.of(2024, 12, 1);

	/** Institutions per district or section. */
	private static final int GROUP_SIZE = 12;

	private final Random random;

	private final SampleIds ids;

	private final LocalDate referenceDate;

	private final LocalDate latestStart;

	private final List<UnitPlan> units = new ArrayList<>();

	private final Map<InstitutionKind, PlacePool> places = new EnumMap<>(InstitutionKind.class);

	UnitTreeBuilder(Random random, SampleIds ids, LocalDate referenceDate) {
		this.random = random;
		this.ids = ids;
		this.referenceDate = referenceDate;
		this.latestStart = Dates.min(LATEST_START, referenceDate.withDayOfMonth(1).minusMonths(1));
	}

	List<UnitPlan> build(String municipalityName, int employees) {
		UnitPlan root = add(null, Tier.MUNICIPALITY, municipalityName, null, null);
		root.from = FOUNDED;
		root.managed = true;
		root.slots = 1 + employees / 1500;
		List<Department> departments = Departments.ALL;
		int[] shares = split(employees - root.slots, departments.stream().mapToInt(Department::weight).toArray());
		for (int i = 0; i < departments.size(); i++) {
			department(root, departments.get(i), shares[i]);
		}
		balance(employees);
		return this.units;
	}

	private void department(UnitPlan root, Department department, int employees) {
		UnitPlan unit = add(root, Tier.DEPARTMENT, department.name(), department, null);
		unit.from = root.from;
		unit.managed = true;
		unit.slots = Math.max(1, Math.min(employees, 1 + employees / 500));
		int rest = Math.max(0, employees - unit.slots);
		int totalWeight = department.areas().stream().mapToInt(Area::weight).sum();
		List<Area> areas = new ArrayList<>();
		for (Area area : department.areas()) {
			if (areas.isEmpty() || (double) rest * area.weight() / totalWeight >= area.kind().minSize()) {
				areas.add(area);
			}
		}
		int[] shares = split(rest, areas.stream().mapToInt(Area::weight).toArray());
		for (int i = 0; i < areas.size(); i++) {
			area(unit, areas.get(i), shares[i]);
		}
	}

	private void area(UnitPlan department, Area area, int employees) {
		InstitutionKind kind = area.kind();
		UnitPlan unit = add(department, Tier.AREA, area.name(), department.department, kind);
		unit.from = start(department, 70);
		manage(unit);
		unit.slots = 1 + employees / 300;
		int rest = Math.max(0, employees - unit.slots);
		int institutions = Math.max(1, (int) Math.round(rest / kind.averageSize()));
		boolean bySection = !area.sections().isEmpty();
		int maxGroups = bySection ? area.sections().size() : Departments.DIRECTIONS.size();
		int groups = Math.min(maxGroups, (institutions + GROUP_SIZE - 1) / GROUP_SIZE);
		rest = Math.max(0, rest - groups);
		int[] weights = new int[institutions];
		for (int i = 0; i < institutions; i++) {
			weights[i] = kind.minSize() + this.random.nextInt(kind.maxSize() - kind.minSize() + 1);
		}
		int[] sizes = split(rest, weights);
		for (int g = 0; g < groups; g++) {
			String name = bySection ? area.sections().get(g) : area.name() + " " + Departments.DIRECTIONS.get(g);
			UnitPlan group = add(unit, Tier.GROUP, name, unit.department, kind);
			group.from = start(unit, 50);
			manage(group);
			group.slots = 1;
			int ordinal = 0;
			for (int i = g; i < institutions; i += groups) {
				institution(group, sizes[i], ordinal++);
			}
		}
	}

	private void institution(UnitPlan group, int size, int ordinal) {
		InstitutionKind kind = group.kind;
		String place = kind.namedByPlace() ? this.places.computeIfAbsent(kind, (k) -> new PlacePool()).next() : null;
		String name = (place != null) ? kind.name(place) : officeName(group.name, ordinal);
		UnitPlan unit = add(group, Tier.INSTITUTION, name, group.department, kind);
		unit.from = start(group, 40);
		manage(unit);
		if (this.random.nextInt(100) < 2) {
			close(unit);
		}
		if (place != null && this.random.nextInt(100) < 4) {
			rename(unit, kind.formerName(place));
		}
		int teams = kind.teamCount(size);
		if (teams == 0) {
			unit.slots = Math.max(1, size);
			return;
		}
		unit.slots = 1 + size / 20;
		int[] teamSizes = split(size - unit.slots, evenWeights(teams));
		for (int t = 0; t < teams; t++) {
			UnitPlan team = add(unit, Tier.TEAM, kind.teamName(t), unit.department, kind);
			team.from = start(unit, 30);
			team.to = unit.to;
			team.managed = this.random.nextInt(100) < 30;
			team.vacant = team.managed && this.random.nextInt(100) < 6;
			if (unit.isOpen() && this.random.nextInt(100) < 2) {
				close(team);
			}
			team.slots = Math.max(1, teamSizes[t]);
		}
	}

	private static String officeName(String section, int ordinal) {
		List<String> functions = Departments.OFFICE_FUNCTIONS;
		int round = ordinal / functions.size();
		return section + " - " + functions.get(ordinal % functions.size()) + ((round == 0) ? "" : " " + (round + 1));
	}

	private UnitPlan add(UnitPlan parent, Tier tier, String name, Department department, InstitutionKind kind) {
		int index = this.units.size();
		String key = unitKey(index);
		UnitPlan unit = new UnitPlan(index, key, this.ids.unit(key), parent, tier, name, department, kind);
		this.units.add(unit);
		return unit;
	}

	static String unitKey(int index) {
		return "U" + String.format("%05d", index);
	}

	/** Most units have a manager; a few of those roles are vacant. */
	private void manage(UnitPlan unit) {
		unit.managed = this.random.nextInt(100) < 97;
		unit.vacant = unit.managed && this.random.nextInt(100) < 6;
	}

	/**
	 * A start date for a child: the parent's own start with the given probability (in
	 * percent), else a first of a month after it, early dates being likelier.
	 */
	private LocalDate start(UnitPlan parent, int samePercent) {
		LocalDate latest = parent.isOpen() ? this.latestStart : Dates.min(this.latestStart, parent.to.minusMonths(1));
		if (!latest.isAfter(parent.from) || this.random.nextInt(100) < samePercent) {
			return parent.from;
		}
		return Dates.earlyMonthBetween(this.random, parent.from, latest);
	}

	/** Closes a unit at least a year after it opened and before the reference date. */
	private void close(UnitPlan unit) {
		LocalDate earliest = unit.from.plusMonths(12);
		LocalDate latest = this.referenceDate.minusMonths(1);
		LocalDate end = Dates.monthBetween(this.random, earliest, latest);
		if (end.isBefore(latest) && end.isAfter(unit.from)) {
			unit.to = end;
		}
	}

	private void rename(UnitPlan unit, String formerName) {
		LocalDate earliest = unit.from.plusMonths(12);
		LocalDate latest = Dates.min(this.referenceDate, unit.end());
		LocalDate date = Dates.monthBetween(this.random, earliest, latest);
		if (formerName != null && date.isBefore(latest) && date.isAfter(unit.from)) {
			unit.formerName = formerName;
			unit.renamedOn = date;
		}
	}

	/**
	 * Adds or removes employees, largest units first, until the slots add up to exactly
	 * {@code employees}.
	 */
	private void balance(int employees) {
		int diff = employees - this.units.stream().mapToInt((u) -> u.slots).sum();
		List<UnitPlan> bySize = new ArrayList<>(this.units);
		bySize.sort(Comparator.comparingInt((UnitPlan u) -> -u.slots).thenComparingInt((u) -> u.index));
		while (diff != 0) {
			boolean changed = false;
			for (UnitPlan unit : bySize) {
				if (diff > 0) {
					unit.slots++;
					diff--;
					changed = true;
				}
				else if (diff < 0 && unit.slots > 1) {
					unit.slots--;
					diff++;
					changed = true;
				}
				if (diff == 0) {
					break;
				}
			}
			if (!changed) {
				throw new IllegalStateException("cannot fit " + employees + " employees into " + this.units.size()
						+ " units of at least one employee each");
			}
		}
	}

	/** Splits {@code total} in proportion to the weights, by largest remainder. */
	static int[] split(int total, int[] weights) {
		long sum = 0;
		for (int weight : weights) {
			sum += weight;
		}
		int[] result = new int[weights.length];
		double[] remainders = new double[weights.length];
		int assigned = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = (double) total * weights[i] / sum;
			result[i] = (int) exact;
			remainders[i] = exact - result[i];
			assigned += result[i];
		}
		for (int k = assigned; k < total; k++) {
			int largest = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			result[largest]++;
			remainders[largest] = -1;
		}
		return result;
	}

	private static int[] evenWeights(int count) {
		int[] weights = new int[count];
		Arrays.fill(weights, 1);
		return weights;
	}

	/**
	 * Place names in a random order, one list per kind of institution, so that two
	 * schools never share a name; when the names run out they repeat with a number.
	 */
	private final class PlacePool {

		private final List<String> names = new ArrayList<>();

		private int next;

		PlacePool() {
			for (String stem : SampleNames.PLACE_STEMS) {
				for (String ending : SampleNames.PLACE_ENDINGS) {
					this.names.add(stem + ending);
				}
			}
			Collections.shuffle(this.names, UnitTreeBuilder.this.random);
		}

		String next() {
			int round = this.next / this.names.size();
			String name = this.names.get(this.next % this.names.size());
			this.next++;
			return (round == 0) ? name : name + " " + (round + 1);
		}

	}

}
