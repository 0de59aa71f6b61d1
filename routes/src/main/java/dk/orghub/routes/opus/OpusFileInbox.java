package dk.orghub.routes.opus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import dk.orghub.adapters.opus.ImportReport;
import dk.orghub.adapters.opus.OpusConfig;
import dk.orghub.adapters.opus.OpusDumpReader;
import dk.orghub.adapters.opus.OpusImporter;
import dk.orghub.adapters.opus.OpusInbox;
import dk.orghub.adapters.opus.RecordProblem;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.routes.sync.FileInbox;
import dk.orghub.routes.sync.InboxResult;

/**
 * The OPUS inbox as the hub's operations layer sees it: each dump is a run of the sync
 * named after the source. {@link OpusInbox} imports the dump and moves it to
 * {@code done/} or {@code error/} with its report; a preview imports nothing and leaves
 * the dump where it is.
 */
public final class OpusFileInbox implements FileInbox {

	private final OpusInbox inbox;

	private final OpusImporter importer;

	private final OpusConfig config;

	public OpusFileInbox(OpusInbox inbox, OpusImporter importer) {
		this.inbox = inbox;
		this.importer = importer;
		this.config = importer.config();
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
			Files.writeString(error.resolve(name + ".error.txt"),
					"OPUS dump " + name + ": REJECTED\nNothing of it was applied: " + reason + "\n",
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move OPUS dump " + file + " to the error folder", ex);
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
