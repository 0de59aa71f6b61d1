package dk.orghub.adapters.opus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OPUS inbox: dump files dropped in a folder are imported one at a time in the order
 * of the time stamps in their names. An imported file moves to {@code done/} beside them
 * (with {@code <name>.rejected.txt} listing quarantined records, when there are any); a
 * rejected file moves to {@code error/} with {@code <name>.error.txt} saying why. The
 * last imported dump in {@code done/} is the base the next one is diffed against.
 * <p>
 * Everything but the polling: a scheduler (the Camel route) calls {@link #processAll()}
 * or {@link #process(Path)}. Not thread-safe: call it from one thread at a time.
 */
public final class OpusInbox {

	public static final String DONE = "done";

	public static final String ERROR = "error";

	private final OpusImporter importer;

	private final Path inbox;

	public OpusInbox(OpusImporter importer) {
		this.importer = Objects.requireNonNull(importer, "importer");
		importer.config().requireInbox();
		this.inbox = importer.config().inbox();
	}

	/** The dumps waiting in the inbox, oldest time stamp first. */
	public List<Path> pending() {
		if (!Files.isDirectory(this.inbox)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.inbox)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> OpusDumpReader.FILE_NAME.matcher(f.getFileName().toString()).matches())
				.sorted(Comparator.comparing((Path f) -> OpusDumpReader.exportTime(f))
					.thenComparing(f -> f.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the OPUS inbox " + this.inbox, ex);
		}
	}

	/** Imports every waiting dump, oldest first. */
	public List<ImportReport> processAll() {
		List<ImportReport> reports = new ArrayList<>();
		for (Path file : pending()) {
			reports.add(process(file));
		}
		return reports;
	}

	/** Imports the oldest waiting dump, if there is one. */
	public Optional<ImportReport> processNext() {
		List<Path> files = pending();
		return files.isEmpty() ? Optional.empty() : Optional.of(process(files.get(0)));
	}

	/** Imports one dump of the inbox and moves it to {@code done/} or {@code error/}. */
	public ImportReport process(Path file) {
		Path previous = this.importer.lastImported().map(name -> this.inbox.resolve(DONE).resolve(name)).orElse(null);
		if (previous != null && !Files.isRegularFile(previous)) {
			previous = null;
		}
		Path copyOfPrevious = null;
		try {
			if (previous != null && previous.getFileName().equals(file.getFileName())) {
				copyOfPrevious = Files.createTempFile("opus-previous", ".xml");
				Files.copy(previous, copyOfPrevious, StandardCopyOption.REPLACE_EXISTING);
				previous = copyOfPrevious.resolveSibling(file.getFileName().toString());
				Files.move(copyOfPrevious, previous, StandardCopyOption.REPLACE_EXISTING);
				copyOfPrevious = previous;
			}
			ImportReport report = this.importer.importFile(file, previous, false);
			String name = file.getFileName().toString();
			if (report.status() == ImportReport.Status.REJECTED) {
				Path error = Files.createDirectories(this.inbox.resolve(ERROR));
				Files.move(file, error.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				Files.writeString(error.resolve(name + ".error.txt"), report.text(), StandardCharsets.UTF_8);
			}
			else {
				Path done = Files.createDirectories(this.inbox.resolve(DONE));
				Files.move(file, done.resolve(name), StandardCopyOption.REPLACE_EXISTING);
				if (!report.rejected().isEmpty()) {
					Files.writeString(done.resolve(name + ".rejected.txt"), report.text(), StandardCharsets.UTF_8);
				}
			}
			return report;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move OPUS dump " + file, ex);
		}
		finally {
			if (copyOfPrevious != null) {
				try {
					Files.deleteIfExists(copyOfPrevious);
				}
				catch (IOException ex) {
					// a temporary file left behind does no harm
				}
			}
		}
	}

}
