package dk.orghub.adapters.sts.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.adapters.sts.StsKind;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsOutcomes;
import dk.orghub.adapters.sts.StsPlan;
import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import dk.orghub.core.spi.HubRuns;
import dk.orghub.core.spi.TargetChange;
import dk.orghub.core.spi.TargetFailure;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;
import dk.orghub.core.spi.TargetQuarantine;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The STS Organisation target as two syncs the hub runs ({@link TargetJob}s of the
 * adapter): {@value #PUBLISH} (a full publish, nightly and once after the start; the hub
 * drains its outbox for the adapter as change runs of this sync, see
 * {@link StsOrganisationAdapter#outbox()}) and {@value #RECONCILE}. The
 * {@code /targets/sts} endpoints run them through {@link HubRuns}, so each is a recorded
 * run that keeps the lock and the pause.
 */
public class StsRuns {

	/** The sync of the full publish and the outbox drain. */
	public static final String PUBLISH = "sts-publish";

	/** The sync of the full reconcile. */
	public static final String RECONCILE = "sts-reconcile";

	private final HubRuns runs;

	private final StsOperations operations;

	StsRuns(HubRuns runs, StsOperations operations) {
		this.runs = Objects.requireNonNull(runs, "runs");
		this.operations = Objects.requireNonNull(operations, "operations");
	}

	/** The default schedule of {@value #PUBLISH}: a full publish at 01:30. */
	static final String NIGHTLY = "0 30 1 * * ?";

	/** The kinds whose deactivation the safety thresholds guard. */
	private static final List<StsKind> GUARDED = List.of(StsKind.ENHED, StsKind.BRUGER, StsKind.FUNKTION);

	/**
	 * The syncs of the target. The thresholds guard a publish deactivating more than 5%
	 * of the units, users or functions STS holds from the hub; {@code hub.syncs.<name>}
	 * replaces the defaults.
	 */
	static List<TargetJob> jobs(StsOrganisationAdapter adapter, StsOperations operations, StsProperties properties) {
		TargetJob publish = TargetJob
			.of(PUBLISH, "Publishes to STS Organisation: in full, and the store's changes through the hub's outbox",
					NIGHTLY, () -> new Planned(operations.planPublish(), null, operations::publish, adapter))
			.withQuarantine(new TargetQuarantine() {

				@Override
				public List<TargetFailure> held() {
					return adapter.ledger().quarantined().stream().map(StsOutcomes::failure).toList();
				}

				@Override
				public TargetPlan retry(Set<UUID> objects) {
					return new Planned(operations.planRetry(objects), null, operations::publish, adapter);
				}

			});
		if (properties.publish().onStart()) {
			publish = publish.runningOnStart(properties.publish().startDelay());
		}
		TargetJob reconcile = TargetJob
			.of(RECONCILE, "Reads what STS Organisation holds and corrects drift", null, () -> {
				StsReconciler.Drift drift = operations.findDrift();
				return new Planned(drift.plan(), drifted(drift), (plan) -> operations.reconcile(drift).corrected(),
						adapter);
			})
			// never at once with the publish and its outbox drain, on any instance
			.sharingLockOf(PUBLISH);
		return List.of(publish, reconcile);
	}

	/** A plan of the STS adapter as the plan of a target sync. */
	private static final class Planned implements TargetPlan {

		private final StsPlan plan;

		private final String note;

		private final Function<StsPlan, StsPublisher.Report> send;

		private final StsOrganisationAdapter adapter;

		Planned(StsPlan plan, String note, Function<StsPlan, StsPublisher.Report> send,
				StsOrganisationAdapter adapter) {
			this.plan = plan;
			this.note = note;
			this.send = send;
			this.adapter = adapter;
		}

		@Override
		public int read() {
			return this.plan.considered();
		}

		@Override
		public int unchanged() {
			return this.plan.unchanged();
		}

		@Override
		public List<TargetChange> changes() {
			return this.plan.changes().stream().map(StsOutcomes::change).toList();
		}

		@Override
		public Map<String, Long> held() {
			Map<String, Long> held = new LinkedHashMap<>();
			GUARDED.forEach((kind) -> held.put(kind.objectName(), (long) this.plan.held().getOrDefault(kind, 0)));
			return held;
		}

		@Override
		public Map<String, Long> ending() {
			Map<String, Long> ending = new LinkedHashMap<>();
			this.plan.deactivating().forEach((kind, count) -> ending.put(kind.objectName(), (long) count));
			return ending;
		}

		@Override
		public String note() {
			return this.note;
		}

		@Override
		public TargetOutcome send() {
			return outcome(this.send.apply(this.plan), this.note, this.adapter);
		}

	}

	private static TargetOutcome outcome(StsPublisher.Report report, String message, StsOrganisationAdapter adapter) {
		return StsOutcomes.outcome(report, message, adapter.ledger());
	}

	private static String drifted(StsReconciler.Drift drift) {
		return "STS holds " + drift.held() + " of the compared objects: " + drift.missing() + " missing, "
				+ drift.differing() + " differing, " + drift.foreign() + " foreign (left alone)";
	}

	/** A full publish on demand; answers with the adapter's report. */
	StsPublisher.Report publish(String user) {
		run(PUBLISH, user);
		return this.operations.status().lastPublish().result();
	}

	/** A reconcile on demand; answers with the adapter's result. */
	StsReconciler.Result reconcile(String user) {
		run(RECONCILE, user);
		return this.operations.status().lastReconcile().result();
	}

	private void run(String sync, String user) {
		HubRuns.Result run = this.runs.run(sync, HubRuns.Trigger.MANUAL, user);
		if (run.status().equals("AWAITING_APPROVAL")) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"STS Organisation: nothing was sent; run " + run.id() + " awaits approval: " + run.message()),
					null);
		}
		if (run.status().equals("FAILED")) {
			HttpStatus status = (run.message() != null && run.message().contains("(temporary"))
					? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
			throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status,
					"STS Organisation: " + run.message() + " (run " + run.id() + ")"), null);
		}
	}

}
