package dk.orghub.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.ChangeSet;

/**
 * What one waiting file of a {@link FileSource} would change, computed without writing:
 * the change set the hub checks, gates and writes, or the refusal of the whole file.
 *
 * @param file the file's name, for messages
 * @param delivered how many objects the file held
 * @param changes the change set, with the source's token when the source keeps one (the
 * store writes it in the same transaction as the data); {@code null} when the file is
 * refused
 * @param rejected records left out with their reason (for the quarantine)
 * @param warnings values left out or cut, as text
 * @param notes information about records that is no problem (a leave of an employment the
 * hub never had), as text
 * @param refusal why the whole file is refused (nothing of it is to be written);
 * {@code null} otherwise
 */
public record FilePlan(String file, int delivered, ChangeSet changes, List<RejectedRecord> rejected,
		List<String> warnings, List<String> notes, String refusal) {

	public FilePlan {
		Objects.requireNonNull(file, "file");
		rejected = List.copyOf(rejected);
		warnings = List.copyOf(warnings);
		notes = List.copyOf(notes);
		if ((changes == null) == (refusal == null)) {
			throw new IllegalArgumentException("a file plan has either a change set or a refusal");
		}
	}

	/** A plan that refuses the whole file. */
	public static FilePlan refused(String file, int delivered, List<RejectedRecord> rejected, List<String> warnings,
			String refusal) {
		return new FilePlan(file, delivered, null, rejected, warnings, List.of(),
				Objects.requireNonNull(refusal, "refusal"));
	}

	/** Whether the whole file is refused. */
	public boolean isRefused() {
		return this.refusal != null;
	}

	/**
	 * A record of the file that is not applied.
	 *
	 * @param type the type of the object the record would have given
	 * @param uuid that object's UUID
	 * @param userKey the record's key in the file (a unit id, an employment number)
	 * @param reason what is wrong, where (never a CPR number)
	 */
	public record RejectedRecord(ObjectType type, UUID uuid, String userKey, String reason) {

	}

}
