package dk.orghub.samples;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of a sample service's start that runs on a thread of its own after the service
 * already accepts connections (the demo's directory loading its entries, the local STS
 * service publishing its endpoints). Callers either {@link #await() wait and learn of a
 * failure} or, on a request that arrived early, {@link #awaitQuietly() wait and go on}
 * with what there is.
 */
public final class BackgroundStart {

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private final String what;

	private final Duration limit;

	/**
	 * @param what what the background start does, as a phrase for messages ("loading the
	 * sample directory's entries")
	 * @param limit how long a caller waits at most
	 */
	public BackgroundStart(String what, Duration limit) {
		this.what = Objects.requireNonNull(what, "what");
		this.limit = Objects.requireNonNull(limit, "limit");
	}

	/** Runs {@code work} on a daemon thread of that name and records how it ended. */
	public void runOnThread(String threadName, Runnable work) {
		Thread thread = new Thread(() -> run(work), threadName);
		thread.setDaemon(true);
		thread.start();
	}

	/** Runs {@code work} on this thread and records how it ended. */
	public void run(Runnable work) {
		try {
			work.run();
			this.done.complete(null);
		}
		catch (RuntimeException | Error ex) {
			this.done.completeExceptionally(ex);
		}
	}

	/**
	 * Waits until the work is done.
	 * @throws IllegalStateException when it failed (the message names its cause), took
	 * longer than the limit, or the wait was interrupted
	 */
	public void await() {
		try {
			this.done.get(this.limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + this.what, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(this.what + " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(this.what + " did not finish within " + this.limit, ex);
		}
		catch (CancellationException ex) {
			throw new IllegalStateException(this.what + " was given up: the service stopped", ex);
		}
	}

	/**
	 * Gives the work up when its service stops before it finished: whoever waits stops
	 * waiting (and learns it failed); the work's own outcome is then ignored.
	 */
	public void cancel() {
		this.done.cancel(false);
	}

	/**
	 * Waits until the work is done, at most the limit, without reporting a failure.
	 * @return whether the work is done and succeeded
	 */
	public boolean awaitQuietly() {
		if (!this.done.isDone()) {
			try {
				this.done.get(this.limit.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException | TimeoutException | CancellationException ex) {
				// reported by the result
			}
		}
		return succeeded();
	}

	/** Whether the work is done and succeeded (without waiting). */
	public boolean succeeded() {
		return this.done.isDone() && !this.done.isCompletedExceptionally();
	}

	/** Whether the work is done, whether it succeeded or failed (without waiting). */
	public boolean isDone() {
		return this.done.isDone();
	}

}
