package dk.orghub.samples.opus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Later OPUS dumps of the sample municipality: each step takes the previous dump and
 * makes about {@code changes} changes of every kind a payroll export shows: hires,
 * leavers (with {@code action="leave"}, and employments simply missing), employees moved
 * to another unit, changed hours, renamed units, a unit moved under another parent, a new
 * unit, and a closed unit (its end date set and its staff moved to its parent; missing
 * from the dump after that). Deterministic: the same seed and input give the same dump.
 */
public final class OpusScenario {

	private static final List<String> RENAME_SUFFIXES = List.of("Nord", "Syd", "Øst", "Vest", "Centrum", "Midt");

	private final long seed;

	public OpusScenario(long seed) {
		this.seed = seed;
	}

	/**
	 * What one step changed, by OPUS id, so tests can check the result.
	 *
	 * @param left employments given {@code action="leave"}, with the last day
	 * @param dropped employments missing from the new dump
	 * @param moved employments moved, to the new unit id
	 * @param renamed units renamed, to the new name
	 * @param movedUnit a unit moved under {@code movedUnitParent}
	 * @param closedUnit a unit whose end date is set to the day before the dump
	 */
	public record Step(OpusDump dump, List<String> hired, Map<String, LocalDate> left, List<String> dropped,
			Map<String, String> moved, List<String> hoursChanged, Map<String, String> renamed, String movedUnit,
			String movedUnitParent, String newUnit, String closedUnit) {

	}

	/**
	 * The next dump after {@code previous}, exported at {@code exportedAt}, with about
	 * {@code changes} changes (at least one of each kind).
	 */
	public Step next(OpusDump previous, LocalDateTime exportedAt, int changes) {
		Random random = new Random(this.seed ^ exportedAt.hashCode());
		LocalDate date = exportedAt.toLocalDate();
		LocalDate yesterday = date.minusDays(1);
		List<OpusUnitRecord> units = new ArrayList<>();
		for (OpusUnitRecord unit : previous.units()) {
			if (unit.endDate() == null || !unit.endDate().isBefore(yesterday)) {
				units.add(unit);
			}
		}
		Map<String, Integer> unitIndex = new LinkedHashMap<>();
		for (int i = 0; i < units.size(); i++) {
			unitIndex.put(units.get(i).id(), i);
		}
		List<OpusEmployeeRecord> employees = new ArrayList<>();
		for (OpusEmployeeRecord e : previous.employees()) {
			boolean gone = e.leaveDate() != null && e.leaveDate().isBefore(yesterday);
			if (!gone && unitIndex.containsKey(e.orgUnit())) {
				employees.add(e);
			}
		}
		Set<String> parents = new HashSet<>();
		units.forEach(u -> parents.add(u.parentId()));
		Set<String> touched = new HashSet<>();
		Set<String> cprs = new HashSet<>();
		employees.forEach(e -> cprs.add(e.cpr()));

		String closed = pickLeaf(units, parents, random, Set.of());
		OpusUnitRecord closedUnit = units.get(unitIndex.get(closed));
		units.set(unitIndex.get(closed), closedUnit.withEndDate(yesterday, date));
		Map<String, String> moved = new LinkedHashMap<>();
		for (int i = 0; i < employees.size(); i++) {
			OpusEmployeeRecord e = employees.get(i);
			if (e.orgUnit().equals(closed)) {
				employees.set(i, e.movedTo(closedUnit.parentId(), date));
				moved.put(e.id(), closedUnit.parentId());
				touched.add(e.id());
			}
		}

		String movedUnit = pickLeaf(units, parents, random, Set.of(closed));
		OpusUnitRecord movedRecord = units.get(unitIndex.get(movedUnit));
		String newParent = pickOtherOfSameLevel(units, unitIndex, movedRecord.parentId(), random, closed);
		units.set(unitIndex.get(movedUnit), movedRecord.withParent(newParent, date));

		String newUnitId = Integer.toString(units.stream().mapToInt(u -> Integer.parseInt(u.id())).max().orElse(0) + 1);
		OpusUnitRecord newParentUnit = units.get(unitIndex.get(newParent));
		units.add(new OpusUnitRecord(newUnitId, date, date, null, newParent, "NEW" + newUnitId,
				"Ny afdeling " + newUnitId, newParentUnit.street(), newParentUnit.zipCode(), newParentUnit.city(),
				"70 10 20 30", null, null, null, null, null, movedRecord.orgType(), "Afdeling"));

		Map<String, String> renamed = new LinkedHashMap<>();
		int renames = Math.max(1, changes / 20);
		for (int i = 0; i < renames; i++) {
			int index = 1 + random.nextInt(units.size() - 2);
			OpusUnitRecord unit = units.get(index);
			if (unit.id().equals(closed) || unit.id().equals(newUnitId) || renamed.containsKey(unit.id())) {
				continue;
			}
			String name = baseName(unit.longName()) + " " + RENAME_SUFFIXES.get(random.nextInt(RENAME_SUFFIXES.size()));
			units.set(index, unit.withLongName(name, date));
			renamed.put(unit.id(), name);
		}

		int next = employees.stream().mapToInt(e -> Integer.parseInt(e.id())).max().orElse(100000) + 1;
		List<String> hired = new ArrayList<>();
		int hires = Math.max(2, changes * 3 / 10);
		for (int i = 0; i < hires; i++) {
			OpusEmployeeRecord model = employees.get(random.nextInt(employees.size()));
			OpusEmployeeRecord namesake = employees.get(random.nextInt(employees.size()));
			String id = Integer.toString(next++);
			String unit = (i == 0) ? newUnitId : model.orgUnit();
			if (unit.equals(closed)) {
				unit = closedUnit.parentId();
			}
			employees.add(new OpusEmployeeRecord(id, date, null, date, null, newCpr(random, cprs), namesake.firstName(),
					model.lastName(), null, model.workContract(), model.workContractText(), model.positionId(),
					model.position(), false, null, null, unit,
					(model.denominator() > 0) ? OpusSampleDumps.FULL_TIME_HOURS : 0, model.denominator()));
			hired.add(id);
			touched.add(id);
		}

		Map<String, LocalDate> left = new LinkedHashMap<>();
		List<String> dropped = new ArrayList<>();
		int leavers = Math.max(2, changes / 5);
		for (int i = 0; i < leavers; i++) {
			int index = random.nextInt(employees.size());
			OpusEmployeeRecord e = employees.get(index);
			if (!touched.add(e.id()) || e.action() != null) {
				continue;
			}
			if (i % 2 == 0) {
				LocalDate lastDay = (i % 4 == 0) ? yesterday : date.plusDays(13);
				if (lastDay.isBefore(e.entryDate())) {
					continue;
				}
				employees.set(index, e.leaving(lastDay, date));
				left.put(e.id(), lastDay);
			}
			else {
				employees.remove(index);
				dropped.add(e.id());
			}
		}

		int moves = Math.max(1, changes * 3 / 10);
		List<String> candidates = new ArrayList<>(unitIndex.keySet());
		candidates.remove(closed);
		for (int i = 0; i < moves; i++) {
			int index = random.nextInt(employees.size());
			OpusEmployeeRecord e = employees.get(index);
			String target = (i == 0) ? newUnitId : candidates.get(random.nextInt(candidates.size()));
			if (target.equals(e.orgUnit()) || !touched.add(e.id()) || e.action() != null
					|| e.entryDate().isAfter(date)) {
				continue;
			}
			employees.set(index, e.movedTo(target, date));
			moved.put(e.id(), target);
		}

		List<String> hoursChanged = new ArrayList<>();
		int hourChanges = Math.max(1, changes / 10);
		for (int i = 0; i < hourChanges; i++) {
			int index = random.nextInt(employees.size());
			OpusEmployeeRecord e = employees.get(index);
			if (e.numerator() <= 10 || !touched.add(e.id()) || e.action() != null) {
				continue;
			}
			employees.set(index, e.withHours(e.numerator() - 5, date));
			hoursChanged.add(e.id());
		}
		OpusDump dump = new OpusDump(exportedAt, previous.client(), units, employees);
		return new Step(dump, hired, left, dropped, moved, hoursChanged, renamed, movedUnit, newParent, newUnitId,
				closed);
	}

	private static String pickLeaf(List<OpusUnitRecord> units, Set<String> parents, Random random, Set<String> except) {
		List<OpusUnitRecord> leaves = units.stream()
			.filter(u -> u.parentId() != null && !parents.contains(u.id()) && !except.contains(u.id())
					&& u.endDate() == null && "NY4".equals(u.orgType()))
			.toList();
		if (leaves.isEmpty()) {
			leaves = units.stream()
				.filter(u -> u.parentId() != null && !parents.contains(u.id()) && !except.contains(u.id())
						&& u.endDate() == null)
				.toList();
		}
		return leaves.get(random.nextInt(leaves.size())).id();
	}

	private static String pickOtherOfSameLevel(List<OpusUnitRecord> units, Map<String, Integer> index,
			String currentParent, Random random, String closed) {
		String level = units.get(index.get(currentParent)).orgType();
		List<OpusUnitRecord> others = units.stream()
			.filter(u -> level != null && level.equals(u.orgType()) && !u.id().equals(currentParent)
					&& !u.id().equals(closed) && u.endDate() == null)
			.toList();
		return others.isEmpty() ? currentParent : others.get(random.nextInt(others.size())).id();
	}

	private static String baseName(String name) {
		for (String suffix : RENAME_SUFFIXES) {
			if (name.endsWith(" " + suffix)) {
				return name.substring(0, name.length() - suffix.length() - 1);
			}
		}
		return name;
	}

	/**
	 * A fictitious CPR number born 1960-1999 that passes modulus 11 and is not in use.
	 */
	static String newCpr(Random random, Set<String> used) {
		int[] weights = { 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 };
		while (true) {
			LocalDate birth = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
			String prefix = String.format("%02d%02d%02d%d%02d", birth.getDayOfMonth(), birth.getMonthValue(),
					birth.getYear() % 100, random.nextInt(4), random.nextInt(100));
			for (int last = 0; last < 10; last++) {
				String cpr = prefix + last;
				int sum = 0;
				for (int i = 0; i < 10; i++) {
					sum += (cpr.charAt(i) - '0') * weights[i];
				}
				if (sum % 11 == 0 && used.add(cpr)) {
					return cpr;
				}
			}
		}
	}

}
