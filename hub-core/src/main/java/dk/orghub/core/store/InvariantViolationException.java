package dk.orghub.core.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A change set broke rules of the model; nothing of it was applied.
 */
public class InvariantViolationException extends RuntimeException {

	private static final int SHOWN = 10;

	private final transient List<Violation> violations;

	public InvariantViolationException(List<Violation> violations) {
		super(message(violations));
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	private static String message(List<Violation> violations) {
		String shown = violations.stream().limit(SHOWN).map(Violation::toString).collect(Collectors.joining("; "));
		int more = violations.size() - SHOWN;
		return "Change set rejected, nothing applied: " + shown + ((more > 0) ? "; and " + more + " more" : "");
	}

}
