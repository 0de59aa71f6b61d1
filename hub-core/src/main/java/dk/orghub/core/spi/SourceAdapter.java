package dk.orghub.core.spi;

/**
 * An adapter that delivers organisation data to the hub. It declares which object types
 * and fields it {@link #ownership() owns}; which source wins a field when two own it is
 * the hub's configuration.
 */
public interface SourceAdapter extends Adapter {

	/** The object types this source delivers and the fields of each it owns. */
	SourceOwnership ownership();

}
