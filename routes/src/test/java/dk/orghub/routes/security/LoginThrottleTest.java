package dk.orghub.routes.security;

import java.time.Duration;
import java.time.Instant;

import dk.orghub.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins lock a user name, in any case, until the oldest is a window old. */
class LoginThrottleTest {

	@Test
	void tenFailuresWithinTheWindowLockTheNameUntilTheOldestIsAWindowOld() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(5), clock);
		for (int i = 0; i < 9; i++) {
			throttle.failed("Victim");
			clock.advance(Duration.ofSeconds(10));
		}
		assertThat(throttle.lockedFor("victim")).isEmpty();

		throttle.failed(" VICTIM ");

		assertThat(throttle.lockedFor("victim")).hasValue(Duration.ofSeconds(210));
		assertThat(throttle.lockedFor("someone-else")).isEmpty();
		clock.advance(Duration.ofSeconds(210));
		assertThat(throttle.lockedFor("victim")).isEmpty();
	}

	@Test
	void aLoginForgetsTheFailures() {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), clock);
		throttle.failed("reader");
		throttle.failed("reader");
		throttle.succeeded("reader");
		throttle.failed("reader");
		assertThat(throttle.lockedFor("reader")).isEmpty();
	}

}
