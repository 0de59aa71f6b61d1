package dk.orghub.core.spi;

import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.store.ApplyResult;

/**
 * What processing one file of a {@link FileSource} did.
 *
 * @param file the file's name
 * @param status what happened to it
 * @param delivered how many objects the file held
 * @param result the store's result (or, for a preview, what it would be); {@code null}
 * when the file was rejected
 * @param rejected records left out with their reason (for the quarantine)
 * @param warnings values left out or cut, as text
 * @param notes information about records that is no problem (a leave of an employment the
 * hub never had), as text
 * @param error why the whole file was rejected; {@code null} otherwise
 * @param movedTo where the file went ({@code done/...}, {@code error/...}); {@code null}
 * for a preview
 */
public record FileResult(String file, Status status, int delivered, ApplyResult result, List<RejectedRecord> rejected,
		List<String> warnings, List<String> notes, String error, String movedTo) {

	public FileResult {
		rejected = List.copyOf(rejected);
		warnings = List.copyOf(warnings);
		notes = List.copyOf(notes);
	}

	public enum Status {

		/** Changes were written. */
		APPLIED,
		/** Nothing differed: nothing was written. */
		UNCHANGED,
		/** Computed and checked, nothing written, the file left where it was. */
		PREVIEW,
		/** The whole file was refused: nothing was written. */
		REJECTED

	}

	/**
	 * A record of the file that was not applied.
	 *
	 * @param type the type of the object the record would have given
	 * @param uuid that object's UUID
	 * @param userKey the record's key in the file (a unit id, an employment number)
	 * @param reason what is wrong, where (never a CPR number)
	 */
	public record RejectedRecord(ObjectType type, UUID uuid, String userKey, String reason) {

	}

}
