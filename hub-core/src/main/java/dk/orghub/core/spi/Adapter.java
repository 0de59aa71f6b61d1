package dk.orghub.core.spi;

/**
 * The lifecycle every adapter has. An adapter is built by the hub (through Spring
 * auto-configuration or plain construction) with its typed configuration, asked to
 * {@link #validate()} that configuration, used for any number of operations, and finally
 * {@link #close() closed}.
 * <p>
 * What else an adapter can do it declares by implementing capability interfaces:
 * {@link SnapshotSource}, {@link ChangeFeedSource}, {@link ConnectionTestable} for
 * sources; {@link ChangePublisher}, {@link Deactivator}, {@link ReadBack} for targets.
 * The hub asks with {@link Capabilities}; there are no feature flags.
 * <p>
 * Threading: the hub never calls one adapter instance from two threads at once; an
 * adapter need not be thread-safe.
 */
public interface Adapter extends AutoCloseable {

	/**
	 * A short, stable name, used in configuration, registrations and logs (e.g.
	 * {@code opus}).
	 */
	String name();

	/**
	 * Checks the configuration without touching the network or the file system beyond
	 * what the configuration names as local.
	 * @throws AdapterConfigurationException naming the setting that is wrong
	 */
	default void validate() {
	}

	/** Releases connections and files. Never throws. */
	@Override
	default void close() {
	}

}
