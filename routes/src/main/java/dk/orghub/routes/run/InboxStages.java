package dk.orghub.routes.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.FileDelivery;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.InvariantViolationException;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.Violation;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.SourceSettings;
import dk.orghub.routes.sync.SyncProperties;
import io.micrometer.core.instrument.Timer;

/**
 * The stages of a file inbox's run, reading the file once: take the oldest waiting file,
 * plan it (the source computes its change set and writes nothing), check the change set
 * against the model's rules (objects that break one are set aside; a real run writes
 * here, in the store's transaction, when the gate's guard admits it, as an import does),
 * the gate (preview, thresholds, approval), the log, the quarantine, the file's outcome
 * (the source moves it to its done or error folder) and the run's record. Records of
 * earlier files that the file applied leave the quarantine.
 */
public class InboxStages {

	private final OrgStore store;

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final ApprovalGate gate;

	private final RunLog log;

	private final Clock clock;

	private final SourceSettings sources;

	InboxStages(OrgStore store, SourceSettings sources, RunRepository runs, QuarantineRepository quarantine,
			ApprovalGate gate, Clock clock) {
		this.store = store;
		this.sources = sources;
		this.runs = runs;
		this.quarantine = quarantine;
		this.gate = gate;
		this.log = new RunLog(runs);
		this.clock = clock;
	}

	/** Takes the oldest waiting file; with none waiting the run ends here. */
	public void take(State run) {
		InboxSync sync = run.sync();
		List<Path> pending = sync.inbox().pending();
		if (pending.isEmpty()) {
			RunStatus status = run.options().preview() ? RunStatus.PREVIEW : RunStatus.SUCCEEDED;
			this.runs.finish(run.id(), status, Run.Counts.NONE, "No file waiting in " + sync.inbox().location(), null,
					null, null, this.clock.instant());
			run.stop(status);
			return;
		}
		run.progress().phase("reading");
		run.file = pending.get(0);
		run.waiting = (pending.size() > 1) ? "; " + (pending.size() - 1) + " more file(s) waiting" : "";
	}

	/**
	 * The source reads the file into what it delivers, for the rules; a source that plans
	 * its files whole delivers nothing here.
	 */
	public void read(State run) {
		run.delivery = run.sync().inbox().read(run.file);
	}

	/**
	 * The hub's business rules on what the file delivers and on the base the source diffs
	 * it against (the source's {@code rules()} with {@code hub.sources.<source>.rules.*}
	 * over them).
	 */
	public void rules(State run) {
		RulePipeline pipeline = this.sources.pipeline(run.sync().adapter());
		if (run.delivery != null && !pipeline.isEmpty()) {
			run.progress().phase("rules");
			RuleContext context = RuleContext.of(this.store);
			run.delivery = run.delivery.with(pipeline.apply(run.delivery.objects(), context),
					pipeline.apply(run.delivery.base(), context));
		}
	}

	/**
	 * The source plans the file from what the rules gave: its change set, or a refusal of
	 * the whole file.
	 */
	public void plan(State run) {
		run.progress().phase("planning");
		FileSource inbox = run.sync().inbox();
		run.plan = (run.delivery != null) ? inbox.plan(run.file, run.delivery) : inbox.plan(run.file);
		run.delivery = null;
		run.refusal = run.plan.refusal();
	}

	/**
	 * Checks the change set against the model's rules, setting aside the objects that
	 * break one. A real run writes here, in the store's transaction, when the gate's
	 * guard admits the checked result; a preview only computes it. A violation no object
	 * of the file can be set aside for refuses the whole file.
	 */
	public void check(State run) {
		if (run.refusal != null) {
			return;
		}
		run.progress().phase("checking");
		SyncProperties.Thresholds thresholds = run.sync().settings().thresholds();
		ApprovalGate.Guard guard = this.gate.guard(thresholds, run.options().approvedFingerprint());
		try {
			run.checked = CheckedPlan.check(run.plan.changes(),
					run.options().preview() ? this.store::preview : (cs) -> this.store.apply(cs, guard));
		}
		catch (InvariantViolationException ex) {
			run.refusal = "the store refused the changes: " + ex.getMessage();
			return;
		}
		run.findings = (guard.findings() != null) ? guard.findings()
				: this.gate.findings(run.checked.preview(), thresholds);
		run.admitted = guard.admitted();
	}

	/**
	 * The gate, on the file's checked plan: a preview is recorded; a run that trips the
	 * thresholds stops with the file left in the inbox, awaiting approval; an approved
	 * run goes on only when the file still makes the changes that were approved. A
	 * refused file goes on, to be recorded as rejected.
	 */
	public void thresholds(State run) {
		if (run.refusal != null) {
			return;
		}
		FilePlan plan = run.plan;
		ApplyResult preview = run.checked.preview();
		boolean previewing = run.options().preview();
		// a real run the store's guard admitted goes on: it needs no digest
		String fingerprint = (previewing || !run.admitted) ? PlanFingerprint.of(preview) : null;
		String file = plan.file();
		ApprovalGate.Wording wording = new ApprovalGate.Wording(
				(report) -> "Stopped before writing " + file + ": the run " + report
						+ ". The file stays in the inbox; approve to import it, reject to move it to the error folder"
						+ run.waiting,
				"The plan for " + file
						+ " changed since the preview that was approved; nothing was written and the file is still waiting.");
		this.gate.pass(run,
				new ApprovalGate.Plan(RunLog.counts(plan.delivered(), preview, failed(run)), fingerprint, run.findings,
						run.sync().settings().thresholds(), describe(run), wording, previewing ? null : run.admitted,
						() -> this.log.write(run, actor(run), preview)));
	}

	/** The log of what the file wrote: a line per object. */
	public void log(State run) {
		if (run.refusal == null) {
			run.progress().phase("writing");
			this.log.write(run, actor(run), run.checked.preview());
		}
	}

	/**
	 * The run's dead letters: the records the source rejected and the objects that broke
	 * a rule of the model go to the quarantine; the sync's other open entries leave it,
	 * the file having applied them.
	 */
	public void quarantine(State run) {
		if (run.refusal != null) {
			return;
		}
		String sync = run.sync().name();
		Instant now = this.clock.instant();
		Set<UUID> failed = new HashSet<>();
		for (FilePlan.RejectedRecord record : run.plan.rejected()) {
			failed.add(record.uuid());
			this.quarantine.fail(sync, record.type(), record.uuid(), record.userKey(), "rejected-record",
					record.reason(), run.id(), now);
		}
		run.checked.failed().forEach((uuid, violation) -> {
			failed.add(uuid);
			this.quarantine.fail(sync, violation.type(), uuid, violation.userKey(), violation.rule(),
					violation.message(), run.id(), now);
		});
		Set<UUID> cleared = new HashSet<>(this.quarantine.openObjects(sync));
		cleared.removeAll(failed);
		this.quarantine.resolve(sync, cleared, run.id(), now);
	}

	/**
	 * Tells the source the file's outcome: written (it moves the file to its done folder)
	 * or refused (to its error folder). A preview leaves the file where it is.
	 */
	public void done(State run) {
		if (run.options().preview()) {
			return;
		}
		run.movedTo = (run.refusal != null) ? run.sync().inbox().rejected(run.file, run.refusal)
				: run.sync().inbox().applied(run.file, run.plan, run.checked.preview());
	}

	/** Records the run: the file refused as a whole, or imported with its counts. */
	public void record(State run) {
		Instant now = this.clock.instant();
		RunStatus status;
		if (run.refusal != null) {
			status = RunStatus.FAILED;
			this.runs.finish(run.id(), status, new Run.Counts(run.plan.delivered(), 0, 0, 0, 0, 0), run.plan.file()
					+ " was rejected and nothing of it was applied" + movedTo(run) + ": " + run.refusal + run.waiting,
					null, null, null, now);
		}
		else {
			ApplyResult applied = run.checked.preview();
			int failed = failed(run);
			status = (failed > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
			this.runs.finish(run.id(), status, RunLog.counts(run.plan.delivered(), applied, failed), describe(run),
					null, (applied.registration() != null) ? applied.registration().id() : null, null, now);
		}
		run.stop(status);
	}

	private static String actor(State run) {
		return "source:" + run.sync().adapter().name();
	}

	private static int failed(State run) {
		return run.plan.rejected().size() + run.checked.failed().size();
	}

	private static String movedTo(State run) {
		return (run.movedTo != null) ? " (moved to " + run.movedTo + ")" : "";
	}

	/** The run's message about a file it imported or previewed. */
	private static String describe(State run) {
		FilePlan plan = run.plan;
		int rejected = plan.rejected().size();
		String message = plan.file() + movedTo(run);
		if (rejected > 0) {
			message += "; " + rejected + " record(s) rejected and quarantined";
		}
		message += broke(run.checked.failed());
		message += listed(plan.warnings(), "warning(s)");
		return message + listed(plan.notes(), "note(s)") + run.waiting;
	}

	private static String broke(Map<UUID, Violation> failed) {
		return failed.isEmpty() ? ""
				: "; " + failed.size() + " object(s) broke a rule of the model and went to the quarantine";
	}

	/** The first three of a list for a run's message, or nothing when it is empty. */
	private static String listed(List<String> lines, String what) {
		if (lines.isEmpty()) {
			return "";
		}
		return "; " + lines.size() + " " + what + ": " + String.join("; ", lines.subList(0, Math.min(3, lines.size())))
				+ ((lines.size() > 3) ? "; ..." : "");
	}

	/**
	 * A run of a file inbox: the file it takes, its plan, the checked plan (written, on a
	 * real run the guard admitted) and where the file went.
	 */
	public static final class State extends RunState<InboxSync> {

		private Path file;

		private String waiting = "";

		private FileDelivery delivery;

		private FilePlan plan;

		private String refusal;

		private CheckedPlan checked;

		private List<SafetyCheck.Finding> findings;

		private boolean admitted;

		private String movedTo;

		State(InboxSync sync, long id, Options options, RunProgress progress, Timer.Sample timer) {
			super(sync, id, options, progress, timer);
		}

	}

}
