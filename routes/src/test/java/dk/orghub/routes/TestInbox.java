package dk.orghub.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.util.FileSystemUtils;

/**
 * A file source's inbox for the integration tests: a temporary folder holding
 * {@code inbox/} and {@code staging/}. Files are written in staging and moved into the
 * inbox at once, so a polling route never sees half a file.
 */
final class TestInbox {

	private final Path work;

	private TestInbox(Path work) {
		this.work = work;
	}

	/** A new, empty inbox in a temporary folder whose name starts with the prefix. */
	static TestInbox create(String prefix) {
		try {
			Path work = Files.createTempDirectory(prefix);
			Files.createDirectories(work.resolve("inbox"));
			return new TestInbox(work);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The folder the source polls. */
	Path path() {
		return this.work.resolve("inbox");
	}

	/** The folder beside the inbox that files are written in before they are dropped. */
	Path staging() throws IOException {
		return Files.createDirectories(this.work.resolve("staging"));
	}

	/** Moves a written file into the inbox in one step. */
	void drop(Path file) throws IOException {
		Files.move(file, path().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
	}

	/** Deletes the inbox, its staging folder and everything in them. */
	void delete() throws IOException {
		FileSystemUtils.deleteRecursively(this.work);
	}

}
