package dk.orghub.core.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Capability: a source that delivers whole files (payroll dumps dropped in a folder, or
 * one read of a service at a time) and imports each itself, one at a time, in order,
 * moving it away when done. Each file processed becomes one run of the sync the hub makes
 * for the adapter: its counts, its log, and the records it rejects in the quarantine.
 * <p>
 * Called from one thread at a time (the sync's lock sees to it). Apart from
 * {@link #pending()} and {@link #location()}, any method may throw an
 * {@link AdapterException}.
 */
public interface FileSource extends SourceAdapter {

	/** The files waiting, in the order they are to be imported; never {@code null}. */
	List<Path> pending();

	/**
	 * Imports one waiting file, or only computes what it would change.
	 * @param preview compute and check the changes; write nothing and leave the file
	 * where it is
	 */
	FileResult process(Path file, boolean preview);

	/**
	 * Sets a waiting file aside without importing it (an operator rejected the run that
	 * stopped before writing it), so the next poll does not take it again.
	 */
	void reject(Path file, String reason);

	/** Where the files come from, for messages and the dashboard. */
	String location();

	/**
	 * Deletes the files processed (imported or set aside) longer ago than the source
	 * keeps them, keeping any that a later import still needs.
	 * @param now the time of the purge
	 * @return how many files were deleted
	 */
	default int purgeProcessed(Instant now) {
		return 0;
	}

	/**
	 * How often the hub looks for waiting files (each becomes a run), or {@code null}
	 * when the source's sync runs only on its schedule or when triggered.
	 */
	default Poll poll() {
		return null;
	}

	/**
	 * When the hub looks for waiting files.
	 *
	 * @param setting the setting the cron comes from, for messages
	 * @param cron a Quartz cron expression (seconds first)
	 * @param timeZone the zone it is read in
	 */
	record Poll(String setting, String cron, ZoneId timeZone) {

	}

}
