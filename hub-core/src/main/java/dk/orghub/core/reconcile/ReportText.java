package dk.orghub.core.reconcile;

import java.util.List;

import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;

/** The plain-text parts every source's run report shares (for report files and logs). */
public final class ReportText {

	private ReportText() {
	}

	/** Appends a line with the counts of an applied or previewed change set. */
	public static void appendCounts(StringBuilder text, ApplyResult result) {
		text.append("\nCreated ")
			.append(result.count(ObjectChange.Kind.CREATED))
			.append(", changed ")
			.append(result.count(ObjectChange.Kind.CHANGED))
			.append(", ended ")
			.append(result.count(ObjectChange.Kind.ENDED))
			.append(", unchanged ")
			.append(result.unchanged());
	}

	/** Appends a heading and one indented line per item, unless there are none. */
	public static void appendList(StringBuilder text, String heading, List<?> items) {
		if (!items.isEmpty()) {
			text.append('\n').append(heading);
			items.forEach(item -> text.append("\n  ").append(item));
		}
	}

}
