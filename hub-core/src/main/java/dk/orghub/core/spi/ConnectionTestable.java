package dk.orghub.core.spi;

/**
 * Capability: an adapter that can test its connection (this, unlike validation, uses the
 * network).
 */
public interface ConnectionTestable extends Adapter {

	/**
	 * Connects and does the smallest real read or call.
	 * @throws AdapterException with a message naming what failed
	 */
	void testConnection();

}
