package dk.orghub.adapters.sd;

/**
 * An answer of SD's web services could not be read: it is not well-formed XML, it is
 * truncated, it declares a DTD or entities (refused, never resolved), or it is not the
 * answer asked for. Nothing of the run is applied.
 */
class SdFormatException extends RuntimeException {

	SdFormatException(String message, Throwable cause) {
		super(message, cause);
	}

	SdFormatException(String message) {
		super(message);
	}

}
