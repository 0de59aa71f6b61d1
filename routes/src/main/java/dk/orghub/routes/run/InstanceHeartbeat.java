package dk.orghub.routes.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the instance's heartbeat on a daemon thread of its own, so that a busy pool of
 * runs never delays it; a failure (the database away) is logged and tried again at the
 * next beat.
 */
final class InstanceHeartbeat implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "hub-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	InstanceHeartbeat(Runnable beat, Duration period) {
		long millis = period.toMillis();
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				beat.run();
			}
			catch (RuntimeException ex) {
				log.warn("The instance's heartbeat failed (tried again in {}): {}", period, ex.getMessage());
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
