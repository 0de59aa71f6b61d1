package dk.orghub.adapters.sts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.store.ObjectChange;

/** The adapter's reports and plan lines as the hub's target outcomes and changes. */
public final class StsOutcomes {

	private StsOutcomes() {
	}

	/** A planned or sent STS object as a line of the run's log. */
	public static TargetChange change(StsPlan.Change change) {
		ObjectChange.Kind kind = switch (change.action()) {
			case CREATE -> ObjectChange.Kind.CREATED;
			case CHANGE -> ObjectChange.Kind.CHANGED;
			case DEACTIVATE -> ObjectChange.Kind.ENDED;
		};
		String actor = "target:" + StsOrganisationAdapter.NAME
				+ ((change.source() != null) ? " from " + change.source() : "");
		return new TargetChange(change.key().kind().objectName(), change.key().uuid(), change.userKey(), kind, actor,
				change.intervals());
	}

	/**
	 * What a publish did, with the reasons of the objects it quarantined from the ledger.
	 */
	public static TargetOutcome outcome(StsPublisher.Report report, String message, SentLedger ledger) {
		if (report == null) {
			return new TargetOutcome(0, 0, 0, 0, 0, 0, message);
		}
		List<TargetFailure> failures = List.of();
		if (!report.failed().isEmpty()) {
			Map<StsMapper.Key, SentLedger.Quarantined> held = new HashMap<>();
			ledger.quarantined().forEach((q) -> held.put(new StsMapper.Key(q.kind(), q.uuid()), q));
			failures = report.failed()
				.stream()
				.map((key) -> (held.containsKey(key)) ? failure(held.get(key))
						: new TargetFailure(key.kind().objectName(), key.uuid(), null,
								"could not be sent (see the log)"))
				.toList();
		}
		return new TargetOutcome(report.mapped(), report.created(), report.changed(), report.deactivated(),
				report.unchanged(), report.quarantined(), message,
				report.done().stream().map(StsOutcomes::change).toList(), failures);
	}

	/** An object of the adapter's quarantine. */
	public static TargetFailure failure(SentLedger.Quarantined quarantined) {
		return new TargetFailure(quarantined.kind().objectName(), quarantined.uuid(), quarantined.userKey(),
				quarantined.reason());
	}

}
