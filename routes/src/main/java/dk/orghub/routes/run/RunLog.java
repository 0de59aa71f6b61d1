package dk.orghub.routes.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;

/**
 * A run's log, a line per changed object, written in chunks with the run's progress; and
 * the texts and counts the stages share.
 */
final class RunLog {

	private static final int CHUNK = 1000;

	private final RunRepository runs;

	RunLog(RunRepository runs) {
		this.runs = runs;
	}

	void write(RunState<?> run, String actor, ApplyResult result) {
		write(run, actor, result.changes(), RunRepository.ChangeLine::of);
	}

	<T> void write(RunState<?> run, String actor, List<T> changes, Function<T, RunRepository.ChangeLine> line) {
		int total = changes.size();
		List<RunRepository.ChangeLine> chunk = new ArrayList<>();
		int done = 0;
		for (T change : changes) {
			chunk.add(line.apply(change));
			if (chunk.size() == CHUNK) {
				this.runs.insertChanges(run.id(), actor, chunk);
				done += chunk.size();
				chunk.clear();
				run.progress().update("logging", done, total);
			}
		}
		this.runs.insertChanges(run.id(), actor, chunk);
		run.progress().update("logging", total, total);
	}

	/**
	 * The counts of a run that read {@code read} objects, of which {@code failed} failed.
	 */
	static Run.Counts counts(int read, ApplyResult result, int failed) {
		int created = (int) result.count(ObjectChange.Kind.CREATED);
		int changed = (int) result.count(ObjectChange.Kind.CHANGED);
		int ended = (int) result.count(ObjectChange.Kind.ENDED);
		return new Run.Counts(read, created, changed, ended, Math.max(0, read - created - changed - ended - failed),
				failed);
	}

	/** Two parts of a run's message, either of them {@code null}. */
	static String join(String a, String b) {
		if (a == null) {
			return b;
		}
		return (b == null) ? a : a + "; " + b;
	}

}
