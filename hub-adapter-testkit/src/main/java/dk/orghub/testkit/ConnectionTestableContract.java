package dk.orghub.testkit;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ConnectionTestable;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of a {@link ConnectionTestable} adapter: the connection test passes
 * against the reachable fake system and fails with an {@link AdapterException} naming the
 * adapter against an unreachable one, while validating the configuration never needs the
 * network. Skipped when the adapter cannot test its connection.
 */
public abstract class ConnectionTestableContract {

	/** An adapter configured for the running fake system. */
	protected abstract Adapter reachable();

	/**
	 * An adapter configured for an address where nothing answers (e.g. a closed local
	 * port), with short timeouts.
	 */
	protected abstract Adapter unreachable();

	@Test
	void connectionTestPassesAgainstTheFakeSystem() {
		try (ConnectionTestable adapter = Capability.require(reachable(), ConnectionTestable.class)) {
			assertThatCode(adapter::testConnection).doesNotThrowAnyException();
		}
	}

	@Test
	void connectionTestFailsClearlyWhenNothingAnswers() {
		try (ConnectionTestable adapter = Capability.require(unreachable(), ConnectionTestable.class)) {
			assertThatThrownBy(adapter::testConnection).isInstanceOf(AdapterException.class)
				.hasMessageContaining(adapter.name());
		}
	}

	@Test
	void validationNeedsNoConnection() {
		try (ConnectionTestable adapter = Capability.require(unreachable(), ConnectionTestable.class)) {
			assertThatCode(adapter::validate).doesNotThrowAnyException();
		}
	}

}
