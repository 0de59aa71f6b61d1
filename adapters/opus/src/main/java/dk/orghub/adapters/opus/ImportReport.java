package dk.orghub.adapters.opus;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import dk.orghub.core.reconcile.ReportText;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;

/**
 * What importing one dump did.
 *
 * @param effectiveFrom the dump's date: changes take effect from it
 * @param delta whether the dump was diffed against the previous one (else against the
 * store)
 * @param delivered how many objects the dump held
 * @param rejected records quarantined with their reason (not applied)
 * @param warnings values left out or dates cut, naming the record
 * @param notes information that is no problem, naming the record (a leave of an
 * employment the hub never had)
 * @param result the store's result; {@code null} when the file was rejected
 * @param error why the whole file was rejected, else {@code null}
 */
public record ImportReport(String file, Status status, LocalDate effectiveFrom, boolean delta, int delivered,
		List<RecordProblem> rejected, List<RecordProblem> warnings, List<RecordProblem> notes, ApplyResult result,
		String error, Duration duration) {

	public enum Status {

		/** Changes were written. */
		APPLIED,
		/** Nothing differed from the store: nothing was written. */
		UNCHANGED,
		/** A preview: changes computed and checked, nothing written. */
		PREVIEW,
		/** The whole file was rejected: nothing was written. */
		REJECTED

	}

	public ImportReport {
		rejected = List.copyOf(rejected);
		warnings = List.copyOf(warnings);
		notes = List.copyOf(notes);
	}

	public long count(ObjectChange.Kind kind) {
		return (this.result != null) ? this.result.count(kind) : 0;
	}

	/** The report as text for the file beside the dump; never contains a CPR number. */
	public String text() {
		StringBuilder text = new StringBuilder();
		text.append("OPUS dump ").append(this.file).append(": ").append(this.status);
		if (this.error != null) {
			text.append("\nThe file was rejected and nothing of it was applied:\n  ").append(this.error);
		}
		if (this.result != null) {
			ReportText.appendCounts(text, this.result);
		}
		ReportText.appendList(text, "Rejected records (quarantined, not applied; the store keeps what it had):",
				this.rejected);
		ReportText.appendList(text, "Warnings:", this.warnings);
		ReportText.appendList(text, "Information:", this.notes);
		return text.append('\n').toString();
	}

}
