package dk.orghub.routes.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.spi.FileResult;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.routes.quarantine.QuarantineRepository;
import dk.orghub.routes.sync.InboxSync;
import dk.orghub.routes.sync.SyncProperties;
import io.micrometer.core.instrument.Timer;

/**
 * The stages of a file inbox's run: take the oldest waiting file, plan it (the inbox
 * computes it without writing, when a preview, the thresholds or an approval need it),
 * the gate, import it (the inbox writes it and moves it to its done or error folder), the
 * log, the quarantine of the records it rejected, and the run's record. Records of
 * earlier files that the file applied leave the quarantine.
 */
public class InboxStages {

	private final RunRepository runs;

	private final QuarantineRepository quarantine;

	private final ApprovalGate gate;

	private final RunLog log;

	private final Clock clock;

	InboxStages(RunRepository runs, QuarantineRepository quarantine, ApprovalGate gate, Clock clock) {
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
	 * Computes what the file would change, writing nothing, when it is a preview or the
	 * gate needs it (the inbox writes as it imports, so the thresholds look at this
	 * plan).
	 */
	public void plan(State run) {
		SyncProperties.Thresholds thresholds = run.sync().settings().thresholds();
		if (run.options().preview() || thresholds.enabled() || run.options().approvedFingerprint() != null) {
			run.planned = run.sync().inbox().process(run.file, true);
		}
	}

	/**
	 * The gate, on the file's plan: a preview is recorded; a run that trips the
	 * thresholds stops with the file left in the inbox, awaiting approval; an approved
	 * run goes on only when the file still makes the changes that were approved. A file
	 * the inbox rejects goes on, to be recorded as rejected.
	 */
	public void thresholds(State run) {
		FileResult planned = run.planned;
		if (planned == null || planned.status() == FileResult.Status.REJECTED) {
			return;
		}
		RunState.Options options = run.options();
		ApplyResult preview = planned.result();
		List<SafetyCheck.Finding> findings = null;
		if (!options.preview()) {
			run.progress().phase("checking");
			if (options.approvedFingerprint() == null) {
				findings = this.gate.findings(preview, run.sync().settings().thresholds());
			}
		}
		String file = planned.file();
		ApprovalGate.Wording wording = new ApprovalGate.Wording(
				(report) -> "Stopped before writing " + file + ": the run " + report
						+ ". The file stays in the inbox; approve to import it, reject to move it to the error folder"
						+ run.waiting,
				"The plan for " + file
						+ " changed since the preview that was approved; nothing was written and the file is still waiting.");
		this.gate.pass(run,
				new ApprovalGate.Plan(RunLog.counts(planned.delivered(), preview, planned.rejected().size()),
						PlanFingerprint.of(preview), findings, run.sync().settings().thresholds(),
						describe(planned, run.waiting), wording, null, () -> this.log.write(run, actor(run), preview)));
	}

	/**
	 * Imports the file: the inbox writes it and moves it away (a preview keeps its plan).
	 */
	public void importFile(State run) {
		run.result = run.options().preview() ? run.planned : run.sync().inbox().process(run.file, false);
	}

	/** The log of what the file wrote: a line per object. */
	public void log(State run) {
		if (run.result.status() != FileResult.Status.REJECTED) {
			this.log.write(run, actor(run), run.result.result());
		}
	}

	/**
	 * The run's dead letters: the records the inbox rejected go to the quarantine; the
	 * sync's other open entries leave it, the file having applied them.
	 */
	public void quarantine(State run) {
		FileResult result = run.result;
		if (result.status() == FileResult.Status.REJECTED || run.options().preview()) {
			return;
		}
		String sync = run.sync().name();
		Instant now = this.clock.instant();
		Set<UUID> rejected = new HashSet<>();
		for (FileResult.RejectedRecord record : result.rejected()) {
			rejected.add(record.uuid());
			this.quarantine.fail(sync, record.type(), record.uuid(), record.userKey(), "rejected-record",
					record.reason(), run.id(), now);
		}
		Set<UUID> cleared = new HashSet<>(this.quarantine.openObjects(sync));
		cleared.removeAll(rejected);
		this.quarantine.resolve(sync, cleared, run.id(), now);
	}

	/** Records the run: the file rejected as a whole, or imported with its counts. */
	public void record(State run) {
		FileResult result = run.result;
		Instant now = this.clock.instant();
		RunStatus status;
		if (result.status() == FileResult.Status.REJECTED) {
			status = RunStatus.FAILED;
			this.runs.finish(run.id(), status, new Run.Counts(result.delivered(), 0, 0, 0, 0, 0),
					result.file() + " was rejected and nothing of it was applied" + movedTo(result) + ": "
							+ result.error() + run.waiting,
					null, null, null, now);
		}
		else {
			ApplyResult applied = result.result();
			int failed = result.rejected().size();
			status = (failed > 0) ? RunStatus.PARTIAL : RunStatus.SUCCEEDED;
			this.runs.finish(run.id(), status, RunLog.counts(result.delivered(), applied, failed),
					describe(result, run.waiting), null,
					(applied.registration() != null) ? applied.registration().id() : null, null, now);
		}
		run.stop(status);
	}

	private static String actor(State run) {
		return "source:" + run.sync().adapter().name();
	}

	private static String movedTo(FileResult result) {
		return (result.movedTo() != null) ? " (moved to " + result.movedTo() + ")" : "";
	}

	/** The run's message about a file it imported or previewed. */
	private static String describe(FileResult result, String waiting) {
		int failed = result.rejected().size();
		String message = result.file() + movedTo(result);
		if (failed > 0) {
			message += "; " + failed + " record(s) rejected and quarantined";
		}
		message += listed(result.warnings(), "warning(s)");
		return message + listed(result.notes(), "note(s)") + waiting;
	}

	/** The first three of a list for a run's message, or nothing when it is empty. */
	private static String listed(List<String> lines, String what) {
		if (lines.isEmpty()) {
			return "";
		}
		return "; " + lines.size() + " " + what + ": " + String.join("; ", lines.subList(0, Math.min(3, lines.size())))
				+ ((lines.size() > 3) ? "; ..." : "");
	}

	/** A run of a file inbox: the file it takes, its plan and what importing it did. */
	public static final class State extends RunState<InboxSync> {

		private Path file;

		private String waiting = "";

		private FileResult planned;

		private FileResult result;

		State(InboxSync sync, long id, Options options, RunProgress progress, Timer.Sample timer) {
			super(sync, id, options, progress, timer);
		}

	}

}
