package dk.orghub.core.spi;

/**
 * An adapter that delivers organisation data to the hub. It declares which object types
 * and fields it {@link #ownership() owns}; which source wins a field when two own it is
 * the hub's configuration.
 */
public interface SourceAdapter extends Adapter {

	/** The object types this source delivers and the fields of each it owns. */
	SourceOwnership ownership();

	/**
	 * The business rules the hub runs on what this source delivers, by default (the
	 * source's own settings, such as OPUS's engagement type order);
	 * {@code hub.sources.<name>.rules.*} overrides each. The adapter does not run them
	 * itself: the hub does, in its {@code rules} step, after each read. Offline, never
	 * {@code null}; by default no rule runs.
	 */
	default SourceRules rules() {
		return SourceRules.NONE;
	}

}
