package dk.orghub.routes.sts;

import java.util.Objects;

import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsOutbox;
import dk.orghub.adapters.sts.StsPublisher;
import dk.orghub.adapters.sts.StsReconciler;
import dk.orghub.routes.run.Run;
import dk.orghub.routes.run.RunStatus;
import dk.orghub.routes.run.SyncRunner;
import dk.orghub.routes.run.Trigger;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.TargetSync;
import org.quartz.CronExpression;

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

	static TargetSync publishSync(StsOrganisationAdapter adapter, StsOperations operations, StsOutbox outbox,
			StsProperties properties) {
		StsProperties.Publish publish = properties.publish();
		checkCron("hub.targets.sts.publish.cron", publish.cron());
		return new TargetSync(PUBLISH, adapter,
				settings("Publishes to STS Organisation: in full, and the store's changes through the outbox",
						publish.cron(), publish),
				() -> outcome(operations.publishAll(), null), () -> drained(operations.drain()),
				() -> outbox.pending() > 0);
	}

	static TargetSync reconcileSync(StsOrganisationAdapter adapter, StsOperations operations,
			StsProperties properties) {
		StsProperties.Reconcile reconcile = properties.reconcile();
		checkCron("hub.targets.sts.reconcile.cron", reconcile.cron());
		return new TargetSync(RECONCILE, adapter,
				new SyncProperties.SyncSettings(adapter.name(), "Reads what STS Organisation holds and corrects drift",
						reconcile.cron(), reconcile.timeZone(), false, new SyncProperties.Thresholds(false, 1.0, 0)),
				() -> reconciled(operations.reconcile()), null, null);
	}

	private static void checkCron(String key, String cron) {
		if (cron != null && !cron.isBlank() && !CronExpression.isValidExpression(cron)) {
			throw new IllegalStateException(
					key + " '" + cron + "' is not a Quartz cron expression (seconds first, e.g. '0 30 1 * * ?')");
		}
	}

	private static SyncProperties.SyncSettings settings(String description, String cron,
			StsProperties.Publish publish) {
		return new SyncProperties.SyncSettings(StsOrganisationAdapter.NAME, description, cron, publish.timeZone(),
				false, new SyncProperties.Thresholds(false, 1.0, 0));
	}

	private static TargetSync.Outcome outcome(StsPublisher.Report report, String message) {
		if (report == null) {
			return new TargetSync.Outcome(0, 0, 0, 0, 0, 0, message);
		}
		return new TargetSync.Outcome(report.mapped(), report.created(), report.changed(), report.deactivated(),
				report.unchanged(), report.quarantined(), message);
	}

	private static TargetSync.Outcome drained(StsOutbox.Drained drained) {
		if (drained == null) {
			return null;
		}
		return outcome(drained.report(), drained.rows() + " outbox row(s) for " + drained.objects() + " object(s)");
	}

	private static TargetSync.Outcome reconciled(StsReconciler.Result result) {
		return outcome(result.corrected(), result.held() + " held, " + result.missing() + " missing, "
				+ result.differing() + " differing, " + result.foreign() + " foreign");
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
		if (run.status() == RunStatus.FAILED) {
			HttpStatus status = (run.message() != null && run.message().contains("(temporary"))
					? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
			throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status,
					"STS Organisation: " + run.message() + " (run " + run.id() + ")"), null);
		}
	}

}
