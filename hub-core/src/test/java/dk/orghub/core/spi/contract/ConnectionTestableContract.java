package dk.orghub.core.spi.contract;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ConnectionTestable;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of an adapter that tests its connection: it passes against the reachable
 * fake system and fails with a clear {@link AdapterException} against an unreachable one,
 * while validating the configuration never needs the network.
 */
public abstract class ConnectionTestableContract {

	/** An adapter configured for the running fake system. */
	protected abstract ConnectionTestable reachable();

	/**
	 * An adapter configured for an address where nothing answers (e.g. a closed local
	 * port).
	 */
	protected abstract ConnectionTestable unreachable();

	@Test
	void connectionTestPassesAgainstTheFakeSystem() {
		try (ConnectionTestable adapter = reachable()) {
			assertThatCode(adapter::testConnection).doesNotThrowAnyException();
		}
	}

	@Test
	void connectionTestFailsClearlyWhenNothingAnswers() {
		try (ConnectionTestable adapter = unreachable()) {
			assertThatThrownBy(adapter::testConnection).isInstanceOf(AdapterException.class)
				.hasMessageContaining(adapter.name());
		}
	}

	@Test
	void validationNeedsNoConnection() {
		try (ConnectionTestable adapter = unreachable()) {
			assertThatCode(adapter::validate).doesNotThrowAnyException();
		}
	}

}
