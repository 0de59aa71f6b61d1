package dk.orghub.core.spi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A target's own quarantine of objects it could not take. The hub keeps its quarantine in
 * step with it after each run of the {@link TargetJob}, and an operator can retry its
 * objects.
 */
public interface TargetQuarantine {

	/** What the target holds in its quarantine now. */
	List<TargetFailure> held();

	/** Plans sending these objects again (and nothing else). */
	TargetPlan retry(Set<UUID> objects);

}
