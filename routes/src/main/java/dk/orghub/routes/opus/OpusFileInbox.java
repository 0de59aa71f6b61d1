package dk.orghub.routes.opus;

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

import dk.orghub.adapters.opus.ImportReport;
import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusDumpReader;
import dk.orghub.adapters.opus.OpusImporter;
import dk.orghub.adapters.opus.OpusInbox;
import dk.orghub.adapters.opus.RecordProblem;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.routes.config.OwnerOnly;
import dk.orghub.routes.sync.FileInbox;
import dk.orghub.routes.sync.InboxResult;

/**
 * The OPUS inbox as the hub's operations layer sees it: each dump is a run of the sync
 * named after the source. {@link OpusInbox} imports the dump and moves it to
 * {@code done/} or {@code error/} with its report; a preview imports nothing and leaves
 * the dump where it is. The inbox's {@code done/} and {@code error/} are made readable by
 * the hub's user only (the dumps hold full CPR numbers), a processed dump's time is the
 * time it was processed, and {@link #purgeProcessed} deletes what is older than the
 * retention ({@code hub.sources.opus.retention}), keeping the last imported dump.
 */
public final class OpusFileInbox implements FileInbox {

	private final OpusInbox inbox;

	private final OpusImporter importer;

	private final OpusConfig config;

	private final Duration retention;

	private final Clock clock;

	public OpusFileInbox(OpusInbox inbox, OpusImporter importer, Duration retention, Clock clock) {
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
	public String location() {
		return this.config.inbox().toString();
	}

	@Override
	public List<Path> pending() {
		return this.inbox.pending();
	}

	@Override
	public InboxResult process(Path file, boolean preview) {
		String name = file.getFileName().toString();
		ImportReport report;
		String movedTo = null;
		if (preview) {
			Path previous = this.importer.lastImported()
				.map((last) -> this.config.inbox().resolve(OpusInbox.DONE).resolve(last))
				.filter(Files::isRegularFile)
				.filter((last) -> !last.getFileName().toString().equals(name))
				.orElse(null);
			report = this.importer.importFile(file, previous, true);
		}
		else {
			report = this.inbox.process(file);
			movedTo = ((report.status() == ImportReport.Status.REJECTED) ? OpusInbox.ERROR : OpusInbox.DONE) + "/"
					+ name;
			processedNow(this.config.inbox().resolve(movedTo));
		}
		return new InboxResult(name, status(report.status()), report.delivered(), report.result(),
				report.rejected().stream().map(this::rejected).toList(),
				report.warnings().stream().map(RecordProblem::toString).toList(),
				report.notes().stream().map(RecordProblem::toString).toList(), report.error(), movedTo);
	}

	@Override
	public void reject(Path file, String reason) {
		try {
			Path error = Files.createDirectories(this.config.inbox().resolve(OpusInbox.ERROR));
			String name = file.getFileName().toString();
			Files.move(file, error.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			processedNow(error.resolve(name));
			Files.writeString(error.resolve(name + ".error.txt"),
					"OPUS dump " + name + ": REJECTED\nNothing of it was applied: " + reason + "\n",
					StandardCharsets.UTF_8);
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

	private static InboxResult.Status status(ImportReport.Status status) {
		return switch (status) {
			case APPLIED -> InboxResult.Status.APPLIED;
			case UNCHANGED -> InboxResult.Status.UNCHANGED;
			case PREVIEW -> InboxResult.Status.PREVIEW;
			case REJECTED -> InboxResult.Status.REJECTED;
		};
	}

	private InboxResult.RejectedRecord rejected(RecordProblem problem) {
		boolean unit = "orgUnit".equals(problem.element());
		ObjectType type = unit ? ObjectType.ORG_UNIT : ObjectType.ENGAGEMENT;
		return new InboxResult.RejectedRecord(type, uuid((unit ? "unit:" : "engagement:") + problem.id()), problem.id(),
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
