package dk.orghub.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Changes a source reports since a token: objects whose desired state changed (each with
 * its full timeline) and the token to resume from next time.
 *
 * @param ended external ids of objects that no longer exist in the source
 * @param more whether more changes are waiting (call again with {@code nextToken})
 */
public record ChangeBatch(List<DesiredObject<?>> changed, List<EndedObject> ended, String nextToken, boolean more) {

	public ChangeBatch {
		changed = List.copyOf(changed);
		ended = List.copyOf(ended);
		Objects.requireNonNull(nextToken, "nextToken");
	}

	/** An object the source no longer has, and the date it ends. */
	public record EndedObject(dk.orghub.core.model.ObjectType type, String externalId, java.time.LocalDate date) {

	}

}
