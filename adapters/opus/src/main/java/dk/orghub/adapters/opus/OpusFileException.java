package dk.orghub.adapters.opus;

import java.nio.file.Path;

/**
 * A whole OPUS dump is rejected: it is not well-formed XML, it is truncated, it declares
 * a DTD or entities (refused, never resolved), its name has no time stamp, or the store
 * refused the change set. Nothing of it is applied.
 */
public class OpusFileException extends RuntimeException {

	private final transient Path file;

	private final int line;

	public OpusFileException(Path file, int line, String message, Throwable cause) {
		super(message, cause);
		this.file = file;
		this.line = line;
	}

	public OpusFileException(Path file, int line, String message) {
		this(file, line, message, null);
	}

	public Path file() {
		return this.file;
	}

	/** The line the problem was found on, or -1 when it is not about one line. */
	public int line() {
		return this.line;
	}

}
