package dk.orghub.routes.sync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dk.orghub.core.spi.SourceAdapter;

/**
 * A source that delivers whole files dropped in a folder (an inbox) and imports each
 * itself, one at a time, in order, moving it away when done (payroll dumps). Each file
 * processed becomes one run of the sync the registry makes for the adapter: its counts,
 * its log, and records it rejects in the quarantine.
 * <p>
 * Called from one thread at a time (the sync's lock sees to it).
 */
public interface FileInbox extends SourceAdapter {

	/** The files waiting, in the order they are to be imported. */
	List<Path> pending();

	/**
	 * Imports one waiting file, or only computes what it would change.
	 * @param preview compute and check the changes; write nothing and leave the file
	 * where it is
	 */
	InboxResult process(Path file, boolean preview);

	/**
	 * Sets a waiting file aside without importing it (an operator rejected the run that
	 * stopped before writing it), so the next poll does not take it again.
	 */
	void reject(Path file, String reason);

	/** Where the files are dropped, for messages and the dashboard. */
	String location();

	/**
	 * Deletes the files processed (imported or set aside) longer ago than the inbox keeps
	 * them, keeping any that a later import still needs.
	 * @param now the time of the purge
	 * @return how many files were deleted
	 */
	default int purgeProcessed(Instant now) {
		return 0;
	}

}
