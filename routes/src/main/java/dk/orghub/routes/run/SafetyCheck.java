package dk.orghub.routes.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.sync.SyncProperties.Thresholds;

/**
 * The safety thresholds: the share of the store's engagements, IT users (accounts) and
 * units a change set would end, from its preview, against how many the store holds today.
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
		Map<ObjectType, Long> ended = preview.changes()
			.stream()
			.filter((c) -> c.kind() == ObjectChange.Kind.ENDED)
			.collect(Collectors.groupingBy(ObjectChange::type, Collectors.counting()));
		List<Finding> findings = new ArrayList<>();
		for (ObjectType type : GUARDED) {
			long count = ended.getOrDefault(type, 0L);
			long base = stored.getOrDefault(type, 0L);
			double share = (base > 0) ? (double) count / base : 0;
			boolean over = thresholds.enabled() && base > 0 && base >= thresholds.minimumObjects()
					&& share > thresholds.endedShare();
			findings.add(new Finding(type, count, base, share, over));
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
					f.type().collection(), f.share() * 100,
					f.over() ? ", over the limit of " + percent(thresholds.endedShare()) : ""))
			.collect(Collectors.joining("; "));
	}

	private static String percent(double share) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
	}

	/** How much of one type a change set ends. */
	record Finding(ObjectType type, long ended, long base, double share, boolean over) {

	}

}
