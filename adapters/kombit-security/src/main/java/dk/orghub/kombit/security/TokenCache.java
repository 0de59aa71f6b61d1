package dk.orghub.kombit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one token (per token client, i.e. per CVR number and service entity id) until
 * {@code margin} before it expires. Callers share it: while one fetches, the others wait
 * for the same fetch, so a thousand calls in flight make one request. Thread-safe.
 */
public final class TokenCache {

	private final TokenClient client;

	private final Clock clock;

	private final Duration margin;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicLong fetches = new AtomicLong();

	private volatile SamlToken token;

	public TokenCache(TokenClient client, Clock clock, Duration margin) {
		this.client = client;
		this.clock = clock;
		this.margin = margin;
	}

	/** A token valid for at least {@code margin} more, fetched when needed. */
	public SamlToken get() {
		SamlToken current = this.token;
		if (usable(current)) {
			return current;
		}
		this.lock.lock();
		try {
			current = this.token;
			if (usable(current)) {
				return current;
			}
			this.fetches.incrementAndGet();
			this.token = null;
			current = this.client.fetch();
			this.token = current;
			return current;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean usable(SamlToken t) {
		if (t == null) {
			return false;
		}
		Instant now = this.clock.instant();
		return now.plus(this.margin).isBefore(t.notOnOrAfter());
	}

	/**
	 * Forgets the token (e.g. after the service refused it): the next call fetches one.
	 */
	public void invalidate(SamlToken refused) {
		this.lock.lock();
		try {
			if (this.token == refused) {
				this.token = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The token held now, if any (for the dashboard). */
	public SamlToken current() {
		return this.token;
	}

	/** Fetches made so far. */
	public long fetches() {
		return this.fetches.get();
	}

	public TokenClient client() {
		return this.client;
	}

}
