package dk.orghub.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Changes a source reports since a token: objects whose desired state changed (each with
 * its full timeline) and the token to resume from next time.
 *
 * @param ended external ids of objects that no longer exist in the source
 * @param nextToken the token to resume from after this batch
 * @param more whether more changes are waiting (call again with {@code nextToken})
 * @param effectiveFrom the first date the changed timelines speak for; what the store
 * holds before it is kept (as for {@link Snapshot#effectiveFrom()}); {@code null} when
 * each changed timeline is the object's whole history
 */
public record ChangeBatch(List<DesiredObject<?>> changed, List<EndedObject> ended, String nextToken, boolean more,
		java.time.LocalDate effectiveFrom) {

	public ChangeBatch {
		changed = List.copyOf(changed);
		ended = List.copyOf(ended);
		Objects.requireNonNull(nextToken, "nextToken");
	}

	/** A batch whose changed timelines are whole histories. */
	public ChangeBatch(List<DesiredObject<?>> changed, List<EndedObject> ended, String nextToken, boolean more) {
		this(changed, ended, nextToken, more, null);
	}

	/** An object the source no longer has, and the date it ends. */
	public record EndedObject(dk.orghub.core.model.ObjectType type, String externalId, java.time.LocalDate date) {

	}

}
