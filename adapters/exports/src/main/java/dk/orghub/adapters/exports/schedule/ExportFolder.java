package dk.orghub.adapters.exports.schedule;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A folder that export files are written to so that a reader never sees a half-written
 * file: each file is written to a temporary file in the same folder (named
 * {@code .<file name>-<random>.tmp}) and then renamed into place in one atomic move,
 * replacing an older file of the same name. A failed write leaves the old file and no
 * temporary file behind.
 * <p>
 * Files are created readable by the hub's own user only (on POSIX, mode 0600, as
 * {@link Files#createTempFile} makes them): they contain personal data.
 */
public final class ExportFolder {

	/** How a file's content is produced. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	private static final String TEMP_SUFFIX = ".tmp";

	private final Path folder;

	public ExportFolder(Path folder) {
		this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
	}

	public Path folder() {
		return this.folder;
	}

	/**
	 * Writes a file atomically, readable by the owner only; creates the folder when
	 * missing, for the owner only as well (the files may hold age bands and sex).
	 * @param fileName a plain file name, no path
	 * @return the file written
	 */
	public Path write(String fileName, Content content) throws IOException {
		if (fileName == null || fileName.isBlank() || fileName.startsWith(".") || fileName.contains("/")
				|| fileName.contains("\\")) {
			throw new IllegalArgumentException("not a plain file name: " + fileName);
		}
		createFolder();
		Path target = this.folder.resolve(fileName);
		Path temp = Files.createTempFile(this.folder, "." + fileName + "-", TEMP_SUFFIX);
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private void createFolder() throws IOException {
		if (Files.isDirectory(this.folder)) {
			return;
		}
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.createDirectories(this.folder);
			return;
		}
		Files.createDirectories(this.folder.getParent());
		Files.createDirectory(this.folder,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
	}

	/**
	 * Deletes the files whose names match {@code pattern} except the {@code keep} last in
	 * name order (names with ISO dates sort by date); {@code keep} 0 keeps all.
	 * @return the files deleted
	 */
	public List<Path> prune(Pattern pattern, int keep) throws IOException {
		if (keep < 0) {
			throw new IllegalArgumentException("keep must not be negative");
		}
		if (keep == 0 || !Files.isDirectory(this.folder)) {
			return List.of();
		}
		List<Path> matching = list(p -> pattern.matcher(p.getFileName().toString()).matches());
		matching.sort(Comparator.comparing(p -> p.getFileName().toString()));
		List<Path> deleted = new ArrayList<>();
		for (int i = 0; i < matching.size() - keep; i++) {
			if (Files.deleteIfExists(matching.get(i))) {
				deleted.add(matching.get(i));
			}
		}
		return deleted;
	}

	/**
	 * Deletes temporary files left by writes that were killed, when older than
	 * {@code age} at {@code now}.
	 * @return the files deleted
	 */
	public List<Path> deleteStaleTemporaryFiles(Instant now, Duration age) throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		List<Path> deleted = new ArrayList<>();
		for (Path temp : list(p -> {
			String name = p.getFileName().toString();
			return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
		})) {
			if (Files.getLastModifiedTime(temp).toInstant().isBefore(now.minus(age)) && Files.deleteIfExists(temp)) {
				deleted.add(temp);
			}
		}
		return deleted;
	}

	private List<Path> list(DirectoryStream.Filter<Path> filter) throws IOException {
		List<Path> result = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.folder, filter)) {
			for (Path file : files) {
				if (Files.isRegularFile(file)) {
					result.add(file);
				}
			}
		}
		return result;
	}

}
