package dk.orghub.core.spi;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dk.orghub.core.store.ApplyResult;

/**
 * Capability: a source that delivers whole files (payroll dumps dropped in a folder, or
 * one read of a service at a time), one at a time, in order. The source only plans: for
 * the oldest waiting file it computes a {@link FilePlan} (its change set, diffed against
 * what it delivered before, or a refusal of the whole file) and writes nothing. The hub
 * checks that change set against the model's rules (objects that break one go to the
 * quarantine), the safety thresholds and an approval, writes it in one transaction of the
 * store, and then tells the source the outcome: {@link #applied} or {@link #rejected},
 * where the source moves the file away. Each file becomes one run of the sync the hub
 * makes for the adapter: its counts, its log, and the records it rejects in the
 * quarantine.
 * <p>
 * State the source needs for the next file (the last file applied, the date read up to)
 * belongs in the change set's token ({@link dk.orghub.core.store.ChangeSet#tokens()}):
 * the store writes it with the data, so a crash between the write and {@link #applied}
 * leaves the token and the data consistent, and the file is planned again (to nothing
 * new) on the next run.
 * <p>
 * A source whose objects the hub's business rules should see (the primary engagement,
 * managers, line-unit lifting, subtree filters: {@link SourceAdapter#rules()}) reads a
 * file into a {@link FileDelivery} ({@link #read}) and plans from the delivery the rules
 * gave ({@link #plan(Path, FileDelivery)}); one that plans a file whole keeps
 * {@link #read} returning {@code null}, and the hub calls {@link #plan(Path)}.
 * <p>
 * Called from one thread at a time (the sync's lock sees to it). Apart from
 * {@link #pending()} and {@link #location()}, any method may throw an
 * {@link AdapterException}.
 */
public interface FileSource extends SourceAdapter {

	/** The files waiting, in the order they are to be imported; never {@code null}. */
	List<Path> pending();

	/**
	 * Computes what a waiting file would change; writes nothing and leaves the file where
	 * it is. Planning the same file against the same store gives the same change set (the
	 * hub compares an approved plan with a new one).
	 * @param file one of {@link #pending()}
	 * @return the plan, or a refusal of the whole file; never {@code null}
	 */
	FilePlan plan(Path file);

	/**
	 * Reads and maps a waiting file without planning it, so that the hub's rules run on
	 * what it delivers before {@link #plan(Path, FileDelivery)}. A file the source cannot
	 * read is a delivery with no objects whose plan is the refusal.
	 * @param file one of {@link #pending()}
	 * @return the delivery, or {@code null} when the source plans the file whole with
	 * {@link #plan(Path)} (the default)
	 */
	default FileDelivery read(Path file) {
		return null;
	}

	/**
	 * Plans a waiting file from its delivery, after the hub's rules ran on it; the same
	 * contract as {@link #plan(Path)}.
	 * @param delivery what {@link #read} gave, with the rules applied
	 */
	default FilePlan plan(Path file, FileDelivery delivery) {
		return plan(file);
	}

	/**
	 * The hub wrote the file's plan (or found nothing to write): the source moves the
	 * file away (to a {@code done} folder, keeping what the next plan is diffed against).
	 * @param plan the plan the hub wrote
	 * @param result what the store wrote
	 * @return where the file went, for the run's message ({@code done/...}), or
	 * {@code null}
	 */
	String applied(Path file, FilePlan plan, ApplyResult result);

	/**
	 * The file is not to be imported (the source or the store refused it, or an operator
	 * rejected the run that stopped before writing it): the source sets it aside, so the
	 * next poll does not take it again.
	 * @return where the file went, for the run's message ({@code error/...}), or
	 * {@code null}
	 */
	String rejected(Path file, String reason);

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
