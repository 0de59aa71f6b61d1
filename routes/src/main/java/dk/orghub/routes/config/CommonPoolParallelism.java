package dk.orghub.routes.config;

import java.util.Properties;

/**
 * The parallelism of the JDK's common {@code ForkJoinPool} on a small machine. With 2
 * cores the JDK gives the pool a parallelism of 1, and {@code CompletableFuture} then
 * starts a new thread for every asynchronous task: every SOAP call to STS Organisation
 * (CXF sends through the JDK HTTP client, whose answers complete on that pool) creates
 * and ends a thread, about 30% of the client's CPU in the STS publish benchmark. Set
 * before the pool is first used (at the start of {@code main}); an explicit
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} is kept.
 */
public final class CommonPoolParallelism {

	/** The system property the JDK reads once, when the common pool is first used. */
	public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

	/** The least parallelism at which the pool runs tasks instead of a thread each. */
	static final int LEAST = 2;

	private CommonPoolParallelism() {
	}

	/** Raises the common pool's parallelism to 2 where the JDK would choose 1. */
	public static void atLeastTwo() {
		String value = decide(System.getProperties(), Runtime.getRuntime().availableProcessors());
		if (value != null) {
			System.setProperty(PROPERTY, value);
		}
	}

	/**
	 * The value to set, or {@code null} to leave the JDK's choice (processors - 1) or the
	 * operator's.
	 */
	static String decide(Properties system, int processors) {
		if (system.getProperty(PROPERTY) != null || processors - 1 >= LEAST) {
			return null;
		}
		return Integer.toString(LEAST);
	}

}
