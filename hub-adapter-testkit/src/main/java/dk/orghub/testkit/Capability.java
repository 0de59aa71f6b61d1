package dk.orghub.testkit;

import org.junit.jupiter.api.Assumptions;

import dk.orghub.core.spi.Adapter;

/** Skips a contract (a JUnit assumption) when the adapter lacks the capability. */
final class Capability {

	private Capability() {
	}

	/**
	 * The adapter as {@code capability}; otherwise closes it and aborts the test with a
	 * message naming the adapter and the capability.
	 */
	static <T> T require(Adapter adapter, Class<T> capability) {
		if (!capability.isInstance(adapter)) {
			adapter.close();
		}
		assume(adapter, capability);
		return capability.cast(adapter);
	}

	/** Aborts the test unless the adapter also has {@code capability}. */
	static void assume(Adapter adapter, Class<?> capability) {
		Assumptions.assumeTrue(capability.isInstance(adapter), () -> "adapter '" + adapter.name() + "' is no "
				+ capability.getSimpleName() + ": this contract does not apply");
	}

}
