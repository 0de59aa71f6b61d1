package dk.orghub.core.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders the hub creates for what holds CPR numbers (the embedded database, payroll
 * dumps, exports) are readable by the hub's user only ({@code rwx------}). On a file
 * system without POSIX permissions they are created as usual.
 */
public final class OwnerOnly {

	private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private OwnerOnly() {
	}

	/**
	 * Creates the folder, and its missing parents, for the owner only; a folder that
	 * exists is restricted to the owner when {@code restrictExisting}.
	 * @return the folder
	 */
	public static Path folder(Path folder, boolean restrictExisting) {
		try {
			if (!posix()) {
				return Files.createDirectories(folder);
			}
			if (Files.isDirectory(folder)) {
				if (restrictExisting) {
					restrict(folder, FOLDER);
				}
				return folder;
			}
			Path parent = folder.toAbsolutePath().getParent();
			if (parent != null && !Files.isDirectory(parent)) {
				folder(parent, false);
			}
			return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + folder + " for its owner only: " + ex.getMessage(), ex);
		}
	}

	/** Restricts an existing file to its owner (read and write). */
	public static void file(Path file) {
		if (posix() && Files.isRegularFile(file)) {
			restrict(file, FILE);
		}
	}

	/**
	 * Restricts what exists; one the hub's user does not own (set up by someone else) is
	 * left as it is, with a warning.
	 */
	private static void restrict(Path path, Set<PosixFilePermission> permissions) {
		try {
			if (!Files.getPosixFilePermissions(path).equals(permissions)) {
				Files.setPosixFilePermissions(path, permissions);
			}
		}
		catch (IOException ex) {
			log.warn("Cannot restrict {} to its owner ({}); others may read it", path, ex.getMessage());
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
