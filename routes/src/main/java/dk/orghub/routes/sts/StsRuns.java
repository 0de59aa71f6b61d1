package dk.orghub.routes.sts;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dk.orghub.adapters.sts.SentLedger;
import dk.orghub.adapters.sts.StsKind;
import dk.orghub.adapters.sts.StsMapper;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsOutbox;
import dk.orghub.adapters.sts.StsPlan;
import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.TargetSync;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The STS Organisation target as two syncs of the operations layer: {@value #PUBLISH} (a
 * full publish; its change operation drains the outbox) and {@value #RECONCILE}. The
 * routes and the {@code /targets/sts} endpoints run them through the {@link SyncRunner},
 * so each is a recorded run that keeps the lock and the pause.
 */
public class StsRuns {

	/** The sync of the full publish and the outbox drain. */
	public static final String PUBLISH = "sts-publish";

	/** The sync of the full reconcile. */
	public static final String RECONCILE = "sts-reconcile";

	private final SyncRunner runner;

	private final StsOperations operations;

	StsRuns(SyncRunner runner, StsOperations operations) {
		this.runner = Objects.requireNonNull(runner, "runner");
		this.operations = Objects.requireNonNull(operations, "operations");
	}

	/** The default schedule of {@value #PUBLISH}: a full publish at 01:30. */
	static final String NIGHTLY = "0 30 1 * * ?";

	/** The kinds whose deactivation the safety thresholds guard. */
	private static final List<StsKind> GUARDED = List.of(StsKind.ENHED, StsKind.BRUGER, StsKind.FUNKTION);

	static TargetSync publishSync(StsOrganisationAdapter adapter, StsOperations operations, StsOutbox outbox) {
		return new TargetSync(PUBLISH, adapter,
				settings("Publishes to STS Organisation: in full, and the store's changes through the outbox", NIGHTLY),
				() -> new Planned(operations.planPublish(), null, operations::publish, adapter),
				() -> drained(operations.drain(), adapter), () -> outbox.pending() > 0)
			.withQuarantine(new TargetSync.Quarantine() {

				@Override
				public List<TargetSync.Failure> held() {
					return adapter.ledger().quarantined().stream().map(StsRuns::failure).toList();
				}

				@Override
				public TargetSync.Plan retry(Set<UUID> objects) {
					return new Planned(operations.planRetry(objects), null, operations::publish, adapter);
				}

			});
	}

	static TargetSync reconcileSync(StsOrganisationAdapter adapter, StsOperations operations) {
		return new TargetSync(RECONCILE, adapter,
				settings("Reads what STS Organisation holds and corrects drift", null), () -> {
					StsReconciler.Drift drift = operations.findDrift();
					return new Planned(drift.plan(), drifted(drift), (plan) -> operations.reconcile(drift).corrected(),
							adapter);
				}, null, null)
			// never at once with the publish and its outbox drain, on any instance
			.sharingLockOf(PUBLISH);
	}

	/**
	 * The defaults of a sync of the target; {@code hub.syncs.<name>} replaces them: the
	 * schedule, and the thresholds on a publish deactivating more than 5% of the units,
	 * users or functions STS holds from the hub.
	 */
	private static SyncProperties.SyncSettings settings(String description, String cron) {
		return new SyncProperties.SyncSettings(StsOrganisationAdapter.NAME, description, cron,
				ZoneId.of("Europe/Copenhagen"), false, new SyncProperties.Thresholds(true, 0.05, 20));
	}

	/** A plan of the STS adapter as the plan of a target sync. */
	private static final class Planned implements TargetSync.Plan {

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
		public List<TargetSync.Change> changes() {
			return this.plan.changes().stream().map(StsRuns::change).toList();
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
		public TargetSync.Outcome send() {
			return outcome(this.send.apply(this.plan), this.note, this.adapter);
		}

	}

	private static TargetSync.Change change(StsPlan.Change change) {
		ObjectChange.Kind kind = switch (change.action()) {
			case CREATE -> ObjectChange.Kind.CREATED;
			case CHANGE -> ObjectChange.Kind.CHANGED;
			case DEACTIVATE -> ObjectChange.Kind.ENDED;
		};
		String actor = "target:" + StsOrganisationAdapter.NAME
				+ ((change.source() != null) ? " from " + change.source() : "");
		return new TargetSync.Change(change.key().kind().objectName(), change.key().uuid(), change.userKey(), kind,
				actor, change.intervals());
	}

	private static TargetSync.Outcome outcome(StsPublisher.Report report, String message,
			StsOrganisationAdapter adapter) {
		if (report == null) {
			return new TargetSync.Outcome(0, 0, 0, 0, 0, 0, message);
		}
		List<TargetSync.Failure> failures = List.of();
		if (!report.failed().isEmpty()) {
			Map<StsMapper.Key, SentLedger.Quarantined> held = new HashMap<>();
			adapter.ledger().quarantined().forEach((q) -> held.put(new StsMapper.Key(q.kind(), q.uuid()), q));
			failures = report.failed()
				.stream()
				.map((key) -> (held.containsKey(key)) ? failure(held.get(key))
						: new TargetSync.Failure(key.kind().objectName(), key.uuid(), null,
								"could not be sent (see the log)"))
				.toList();
		}
		return new TargetSync.Outcome(report.mapped(), report.created(), report.changed(), report.deactivated(),
				report.unchanged(), report.quarantined(), message, report.done().stream().map(StsRuns::change).toList(),
				failures);
	}

	private static TargetSync.Failure failure(SentLedger.Quarantined quarantined) {
		return new TargetSync.Failure(quarantined.kind().objectName(), quarantined.uuid(), quarantined.userKey(),
				quarantined.reason());
	}

	private static TargetSync.Outcome drained(StsOutbox.Drained drained, StsOrganisationAdapter adapter) {
		if (drained == null) {
			return null;
		}
		return outcome(drained.report(), drained.rows() + " outbox row(s) for " + drained.objects() + " object(s)",
				adapter);
	}

	private static String drifted(StsReconciler.Drift drift) {
		return "STS holds " + drift.held() + " of the compared objects: " + drift.missing() + " missing, "
				+ drift.differing() + " differing, " + drift.foreign() + " foreign (left alone)";
	}

	/**
	 * The outbox drain (route {@value StsRoutes#DRAIN}): a run only when it sent
	 * something.
	 */
	public void drain() {
		this.runner.change(PUBLISH);
	}

	/** The full publish after the start (route {@value StsRoutes#PUBLISH_ON_START}). */
	public void publishOnStart() {
		if (this.runner.paused(PUBLISH)) {
			return;
		}
		this.runner.runNow(PUBLISH, Trigger.STARTUP, "startup", false);
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
		Run run = this.runner.runNow(sync, Trigger.MANUAL, user, false);
		if (run.status() == RunStatus.AWAITING_APPROVAL) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"STS Organisation: nothing was sent; run " + run.id() + " awaits approval: " + run.message()),
					null);
		}
		if (run.status() == RunStatus.FAILED) {
			HttpStatus status = (run.message() != null && run.message().contains("(temporary"))
					? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
			throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status,
					"STS Organisation: " + run.message() + " (run " + run.id() + ")"), null);
		}
	}

}
