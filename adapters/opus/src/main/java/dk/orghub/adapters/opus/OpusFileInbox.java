package dk.orghub.adapters.opus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.reconcile.ReportText;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.FileDelivery;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.OwnerOnly;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.SourceRules;
import dk.orghub.core.store.ApplyResult;

/**
 * The OPUS inbox as a {@link FileSource}: each dump is a run of the sync named after the
 * source. The inbox plans each dump ({@link OpusImporter}: diffed against the last dump
 * applied), the hub writes the plan, and the inbox then moves the dump to {@code done/}
 * or {@code error/} with its report. The inbox's {@code done/} and {@code error/} are
 * made readable by the hub's user only (the dumps hold full CPR numbers), a processed
 * dump's time is the time it was processed, and {@link #purgeProcessed} deletes what is
 * older than the retention ({@code hub.sources.opus.retention}), keeping the last
 * imported dump.
 */
public final class OpusFileInbox implements FileSource {

	private final OpusInbox inbox;

	private final OpusImporter importer;

	private final OpusConfig config;

	private final Duration retention;

	private final Clock clock;

	private final Poll poll;

	public OpusFileInbox(OpusInbox inbox, OpusImporter importer, Duration retention, Clock clock) {
		this(inbox, importer, retention, clock, null);
	}

	/**
	 * @param poll when the hub looks for dumps ({@code hub.sources.opus.poll-cron}), or
	 * {@code null} for only when the sync is triggered
	 */
	public OpusFileInbox(OpusInbox inbox, OpusImporter importer, Duration retention, Clock clock, Poll poll) {
		this.poll = poll;
		this.inbox = inbox;
		this.importer = importer;
		this.config = importer.config();
		this.retention = retention;
		this.clock = clock;
		if (this.config.inbox() != null) {
			OwnerOnly.folder(this.config.inbox(), false);
			OwnerOnly.folder(this.config.inbox().resolve(OpusInbox.DONE), true);
			OwnerOnly.folder(this.config.inbox().resolve(OpusInbox.ERROR), true);
		}
	}

	@Override
	public String name() {
		return this.config.sourceName();
	}

	@Override
	public void validate() {
		this.config.validate();
		if (this.config.inbox() == null) {
			throw new AdapterConfigurationException("hub.sources.opus.inbox is required for the inbox");
		}
	}

	@Override
	public SourceOwnership ownership() {
		return OpusDumpReader.ownership();
	}

	@Override
	public Poll poll() {
		return this.poll;
	}

	@Override
	public String location() {
		return this.config.inbox().toString();
	}

	@Override
	public List<Path> pending() {
		return this.inbox.pending();
	}

	/**
	 * OPUS's default rules ({@link OpusConfig#rules()}), which the hub runs on each dump.
	 */
	@Override
	public SourceRules rules() {
		return this.config.rules();
	}

	/**
	 * Reads and maps the dump, and the last dump applied (kept in {@code done/}, named by
	 * the store's token for the source) as the base of the diff when it is there; the
	 * hub's rules run on both before {@link #plan(Path, FileDelivery)}.
	 */
	@Override
	public FileDelivery read(Path file) {
		OpusImporter.Read read = this.importer.read(file, previous());
		return new FileDelivery(read.file(), (read.current() != null) ? read.current().objectList() : List.of(),
				(read.before() != null) ? read.before().objectList() : List.of(), read);
	}

	/**
	 * Plans the dump the hub's rules ran on, against its base, or against the store when
	 * there is none. The change set carries the dump's name as the token, so the store
	 * records it as the last dump applied in the same transaction as the data.
	 */
	@Override
	public FilePlan plan(Path file, FileDelivery delivery) {
		OpusImporter.Read read = (OpusImporter.Read) delivery.detail();
		return plan((read.error() != null) ? this.importer.plan(read)
				: this.importer.plan(read.with(delivery.objects(), delivery.base())));
	}

	/** Reads and plans the dump with the importer's own rules (OPUS's defaults). */
	@Override
	public FilePlan plan(Path file) {
		return plan(this.importer.plan(file, previous()));
	}

	private Path previous() {
		return this.importer.lastImported()
			.map((last) -> this.config.inbox().resolve(OpusInbox.DONE).resolve(last))
			.filter(Files::isRegularFile)
			.orElse(null);
	}

	private FilePlan plan(OpusImporter.Planned planned) {
		List<FilePlan.RejectedRecord> rejected = planned.rejected().stream().map(this::rejected).toList();
		List<String> warnings = planned.warnings().stream().map(RecordProblem::toString).toList();
		if (planned.error() != null) {
			return FilePlan.refused(planned.file(), planned.delivered(), rejected, warnings, planned.error());
		}
		return new FilePlan(planned.file(), planned.delivered(), planned.changes(), rejected, warnings,
				planned.notes().stream().map(RecordProblem::toString).toList(), null);
	}

	/**
	 * Moves the dump to {@code done/} (where it is the base of the next diff), with
	 * {@code <name>.rejected.txt} listing the records left out, when there are any.
	 */
	@Override
	public String applied(Path file, FilePlan plan, ApplyResult result) {
		String name = file.getFileName().toString();
		try {
			Path done = Files.createDirectories(this.config.inbox().resolve(OpusInbox.DONE));
			Files.move(file, done.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			processedNow(done.resolve(name));
			if (!plan.rejected().isEmpty()) {
				StringBuilder text = new StringBuilder("OPUS dump ").append(name)
					.append(result.changes().isEmpty() ? ": UNCHANGED" : ": APPLIED");
				ReportText.appendCounts(text, result);
				ReportText.appendList(text, "Rejected records (quarantined, not applied; the store keeps what it had):",
						plan.rejected().stream().map(FilePlan.RejectedRecord::reason).toList());
				ReportText.appendList(text, "Warnings:", plan.warnings());
				ReportText.appendList(text, "Information:", plan.notes());
				Files.writeString(done.resolve(name + ".rejected.txt"), text.append('\n').toString(),
						StandardCharsets.UTF_8);
			}
			return OpusInbox.DONE + "/" + name;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move OPUS dump " + file + " to the done folder", ex);
		}
	}

	/** Moves the dump to {@code error/}, with {@code <name>.error.txt} saying why. */
	@Override
	public String rejected(Path file, String reason) {
		try {
			Path error = Files.createDirectories(this.config.inbox().resolve(OpusInbox.ERROR));
			String name = file.getFileName().toString();
			Files.move(file, error.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			processedNow(error.resolve(name));
			Files.writeString(
					error.resolve(name + ".error.txt"), "OPUS dump " + name
							+ ": REJECTED\nThe file was rejected and nothing of it was applied:\n  " + reason + "\n",
					StandardCharsets.UTF_8);
			return OpusInbox.ERROR + "/" + name;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move OPUS dump " + file + " to the error folder", ex);
		}
	}

	/**
	 * Deletes the dumps and reports in {@code done/} and {@code error/} processed longer
	 * than the retention ago, except the last imported dump and its report.
	 */
	@Override
	public int purgeProcessed(Instant now) {
		Instant before = now.minus(this.retention);
		String last = this.importer.lastImported().orElse(null);
		int deleted = 0;
		for (String folder : List.of(OpusInbox.DONE, OpusInbox.ERROR)) {
			Path processed = this.config.inbox().resolve(folder);
			if (!Files.isDirectory(processed)) {
				continue;
			}
			try (Stream<Path> files = Files.list(processed)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String name = file.getFileName().toString();
					boolean needed = folder.equals(OpusInbox.DONE) && last != null
							&& (name.equals(last) || name.startsWith(last + "."));
					if (!needed && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
						Files.delete(file);
						deleted++;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot purge the OPUS inbox folder " + processed, ex);
			}
		}
		return deleted;
	}

	/** A moved file keeps the time it was written; the retention counts from now. */
	private void processedNow(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				Files.setLastModifiedTime(file, FileTime.from(this.clock.instant()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot set the time of " + file, ex);
		}
	}

	private FilePlan.RejectedRecord rejected(RecordProblem problem) {
		boolean unit = "orgUnit".equals(problem.element());
		ObjectType type = unit ? ObjectType.ORG_UNIT : ObjectType.ENGAGEMENT;
		return new FilePlan.RejectedRecord(type, uuid((unit ? "unit:" : "engagement:") + problem.id()), problem.id(),
				problem.toString());
	}

	/**
	 * The UUID the OPUS mapping gives the record's object (name-based from the
	 * municipality key and the OPUS id), so the quarantine entry names the object a later
	 * dump writes.
	 */
	private UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(
				("orghub:opus:" + this.config.municipalityKey() + ":" + name).getBytes(StandardCharsets.UTF_8));
	}

}
