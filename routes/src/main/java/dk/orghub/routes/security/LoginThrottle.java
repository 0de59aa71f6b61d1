package dk.orghub.routes.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name (as the login compares it: trimmed, any case) and
 * says when a name is locked: after {@code maxFailures} failures within {@code window},
 * until the oldest of them is a window old. Kept in memory on each instance; names with
 * no recent failure are forgotten.
 */
final class LoginThrottle {

	/** Beyond this many names, those without recent failures are forgotten at once. */
	private static final int TIDY_ABOVE = 1_000;

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(int maxFailures, Duration window, Clock clock) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	/** Records a failed login of the name. */
	void failed(String name) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.failures.computeIfAbsent(key(name), (k) -> new ArrayDeque<>());
		synchronized (times) {
			forget(times, now);
			times.addLast(now);
			while (times.size() > this.maxFailures) {
				times.removeFirst();
			}
		}
		if (this.failures.size() > TIDY_ABOVE) {
			this.failures.values().removeIf((t) -> {
				synchronized (t) {
					forget(t, now);
					return t.isEmpty();
				}
			});
		}
	}

	/** Forgets the failures of a name that logged in. */
	void succeeded(String name) {
		this.failures.remove(key(name));
	}

	/** How long the name stays locked, when it is. */
	Optional<Duration> lockedFor(String name) {
		if (name == null) {
			return Optional.empty();
		}
		Deque<Instant> times = this.failures.get(key(name));
		if (times == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		synchronized (times) {
			forget(times, now);
			if (times.size() < this.maxFailures) {
				return Optional.empty();
			}
			return Optional.of(Duration.between(now, times.peekFirst().plus(this.window)));
		}
	}

	private void forget(Deque<Instant> times, Instant now) {
		while (!times.isEmpty() && !times.peekFirst().plus(this.window).isAfter(now)) {
			times.removeFirst();
		}
	}

	static String key(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}

}
