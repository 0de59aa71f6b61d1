package dk.orghub.routes.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * This process as one of the hub instances sharing the database: a random id, the host,
 * the process id and when the process started. Another instance is known to be dead when
 * it ran on this host and its process is gone (or the process id now belongs to a process
 * started at another time, as after a container restart), or when it has not written its
 * heartbeat for the lock timeout.
 */
public final class HubInstance {

	private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

	private final String id = UUID.randomUUID().toString();

	private final String host;

	private final long pid;

	private final Instant processStarted;

	public HubInstance() {
		this(localHost(), ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null));
	}

	HubInstance(String host, long pid, Instant processStarted) {
		this.host = host;
		this.pid = pid;
		this.processStarted = processStarted;
	}

	public String id() {
		return this.id;
	}

	public String host() {
		return this.host;
	}

	public long pid() {
		return this.pid;
	}

	public Instant processStarted() {
		return this.processStarted;
	}

	/**
	 * Whether the instance of a row is dead: on this host, by its process; elsewhere, by
	 * its heartbeat.
	 * @param staleBefore a heartbeat older than this is no sign of life
	 */
	boolean isDead(Row row, Instant staleBefore) {
		if (row.id().equals(this.id)) {
			return false;
		}
		if (row.host().equals(this.host)) {
			Optional<ProcessHandle> process = ProcessHandle.of(row.pid()).filter(ProcessHandle::isAlive);
			if (process.isEmpty()) {
				return true;
			}
			Optional<Instant> started = process.get().info().startInstant();
			if (row.processStarted() != null && started.isPresent()
					&& Duration.between(row.processStarted(), started.get()).abs().compareTo(START_TOLERANCE) > 0) {
				return true;
			}
		}
		return row.heartbeat().isBefore(staleBefore);
	}

	/** How a process is named in messages. */
	static String describe(Row row) {
		return "host " + row.host() + ", process " + row.pid();
	}

	private static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			String name = System.getenv("HOSTNAME");
			return (name != null) ? name : "unknown";
		}
	}

	/** An instance as the database records it. */
	record Row(String id, String host, long pid, Instant processStarted, Instant heartbeat) {

	}

}
