package dk.orghub.adapters.sd;

import java.time.Duration;
import java.util.List;

import dk.orghub.core.reconcile.ReportText;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;

/**
 * What one SD run did.
 *
 * @param mode a full read or the change feed
 * @param token the token stored with the changes (the date read up to)
 * @param delivered how many objects SD's answers gave
 * @param rejected records quarantined with their reason (not applied)
 * @param warnings values left out, naming the record
 * @param result the store's result; {@code null} when the store refused the changes
 * @param error why the store refused the changes, else {@code null}
 */
public record SdRunReport(Mode mode, Status status, String token, int delivered, List<SdProblem> rejected,
		List<SdProblem> warnings, ApplyResult result, String error, Duration duration) {

	public enum Mode {

		/** Everything read and reconciled. */
		FULL,
		/**
		 * The persons and employments changed since the stored token, and the unit tree.
		 */
		CHANGES

	}

	public enum Status {

		/** Changes were written. */
		APPLIED,
		/** Nothing differed from the store: nothing was written but the token. */
		UNCHANGED,
		/** A preview: changes computed and checked, nothing written. */
		PREVIEW,
		/** The store refused the change set: nothing was written. */
		REJECTED

	}

	public SdRunReport {
		rejected = List.copyOf(rejected);
		warnings = List.copyOf(warnings);
	}

	public long count(ObjectChange.Kind kind) {
		return (this.result != null) ? this.result.count(kind) : 0;
	}

	/** The report as text; never contains a CPR number. */
	public String text() {
		StringBuilder text = new StringBuilder("SD ").append(this.mode).append(" run: ").append(this.status);
		if (this.error != null) {
			text.append("\nNothing was applied: ").append(this.error);
		}
		if (this.result != null) {
			ReportText.appendCounts(text, this.result);
		}
		ReportText.appendList(text, "Rejected records (quarantined, not applied; the store keeps what it had):",
				this.rejected);
		ReportText.appendList(text, "Warnings:", this.warnings);
		return text.append('\n').toString();
	}

}
