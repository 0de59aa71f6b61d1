package dk.orghub.routes.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.sync.SyncProperties.Thresholds;

/**
 * The safety thresholds: the share of the store's engagements, IT users (accounts) and
 * units a change set would end, from its preview, against how many the store holds today;
 * for a target sync, the share of the objects the target holds from the hub that a
 * publish would deactivate.
 */
final class SafetyCheck {

	/** The types whose ending is guarded. */
	static final List<ObjectType> GUARDED = List.of(ObjectType.ENGAGEMENT, ObjectType.IT_USER, ObjectType.ORG_UNIT);

	private SafetyCheck() {
	}

	/**
	 * @param preview the change set's preview
	 * @param stored how many objects of each guarded type the store holds today
	 */
	static List<Finding> check(ApplyResult preview, Map<ObjectType, Long> stored, Thresholds thresholds) {
		Map<String, Long> ended = preview.changes()
			.stream()
			.filter((c) -> c.kind() == ObjectChange.Kind.ENDED)
			.collect(Collectors.groupingBy((c) -> c.type().collection(), Collectors.counting()));
		Map<String, Long> base = new LinkedHashMap<>();
		stored.forEach((type, count) -> base.put(type.collection(), count));
		return check(GUARDED.stream().map(ObjectType::collection).toList(), ended, base, thresholds);
	}

	/**
	 * The thresholds on any kind of objects, e.g. what a target holds.
	 * @param types the guarded types, by name
	 * @param ended how many of each type a run would end
	 * @param base how many of each type there are today
	 */
	static List<Finding> check(List<String> types, Map<String, Long> ended, Map<String, Long> base,
			Thresholds thresholds) {
		List<Finding> findings = new ArrayList<>();
		for (String type : types) {
			long count = ended.getOrDefault(type, 0L);
			long of = base.getOrDefault(type, 0L);
			double share = (of > 0) ? (double) count / of : 0;
			boolean over = thresholds.enabled() && of > 0 && of >= thresholds.minimumObjects()
					&& share > thresholds.endedShare();
			findings.add(new Finding(type, count, of, share, over));
		}
		return findings;
	}

	static boolean tripped(List<Finding> findings) {
		return findings.stream().anyMatch(Finding::over);
	}

	/** A sentence for the run and the dashboard. */
	static String report(List<Finding> findings, Thresholds thresholds) {
		return findings.stream()
			.filter((f) -> f.ended() > 0)
			.map((f) -> String.format(java.util.Locale.ROOT, "ends %d of %d %s (%.1f%%%s)", f.ended(), f.base(),
					f.type(), f.share() * 100,
					f.over() ? ", over the limit of " + percent(thresholds.endedShare()) : ""))
			.collect(Collectors.joining("; "));
	}

	private static String percent(double share) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
	}

	/** How much of one type a change set ends. */
	record Finding(String type, long ended, long base, double share, boolean over) {

	}

}
