package dk.orghub.adapters.sts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.sts.LocalCertificates;
import dk.orghub.samples.sts.LocalStsService;

/**
 * The local STS Organisation service in a JVM of its own, for the benchmark: the client's
 * CPU time can then be read apart from the service's. {@link #start} launches it with
 * this JVM's classpath; {@link #main} runs in the child, prints one {@code READY} line
 * and answers commands on its standard input ({@code latency <ms>}, {@code stats}), and
 * stops when its input closes.
 */
final class LocalStsProcess implements AutoCloseable {

	private final Process process;

	private final java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();

	private final PrintWriter in;

	private final String baseUrl;

	private final String tokenServiceUrl;

	private final LocalCertificates.Files files;

	private final String password;

	/** What the service counted. */
	record Stats(long stored, long calls, long verified, long cpuNanos) {

	}

	private LocalStsProcess(Process process, Path dir) throws IOException {
		this.process = process;
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Thread reader = new Thread(() -> read(out), "local-sts-process-output");
		reader.setDaemon(true);
		reader.start();
		this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
		String[] ready = expect("READY");
		this.baseUrl = ready[1];
		this.tokenServiceUrl = ready[2];
		if (ready.length > 3) {
			this.password = ready[3];
			this.files = new LocalCertificates.Files(dir.resolve("client.p12"), dir.resolve("kombit.p12"));
		}
		else {
			this.password = null;
			this.files = null;
		}
	}

	/**
	 * Starts the service in a new JVM (heap {@code -Xmx2g}) for the municipality's
	 * Organisation; with {@code secure}, with its token service and certificates written
	 * to a temporary folder.
	 */
	static LocalStsProcess start(dk.orghub.core.model.Organisation organisation, boolean secure) {
		return start(organisation, secure ? "secure" : "plain");
	}

	/**
	 * Starts the service in a new JVM in a mode: {@code plain}, {@code secure} or
	 * {@code lean} (without security; {@code importer} answered from memory without CXF,
	 * see {@link LocalStsService#startLean}).
	 */
	static LocalStsProcess start(dk.orghub.core.model.Organisation organisation, String mode) {
		try {
			Path dir = Files.createTempDirectory("sts-process");
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse("java"));
			command.add("-Xmx2g");
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(LocalStsProcess.class.getName());
			command.add(mode);
			command.add(organisation.uuid().toString());
			command.add(organisation.userKey());
			command.add(organisation.name());
			command.add(organisation.cvr());
			command.add(dir.toString());
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			return new LocalStsProcess(process, dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the child's output: its answers are queued, its log is dropped (so that the
	 * pipe never fills), an end is queued as {@code END}.
	 */
	private void read(BufferedReader out) {
		try {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("READY ") || line.startsWith("STATS ") || line.startsWith("FILED ")) {
					this.answers.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the child ended
		}
		this.answers.add("END ");
	}

	private String[] expect(String word) throws IOException {
		try {
			String line = this.answers.poll(120, TimeUnit.SECONDS);
			if (line == null || !line.startsWith(word + " ")) {
				throw new IOException("the local STS process did not say " + word + " (it said " + line + ")");
			}
			return line.split(" ");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	String baseUrl() {
		return this.baseUrl;
	}

	String tokenServiceUrl() {
		return this.tokenServiceUrl;
	}

	LocalCertificates.Files files() {
		return this.files;
	}

	String password() {
		return this.password;
	}

	boolean secure() {
		return this.files != null;
	}

	void latency(long millis) {
		this.in.println("latency " + millis);
	}

	/**
	 * Files what a lean service kept into its registry (before reads); returns the
	 * milliseconds it took.
	 */
	long file() {
		this.in.println("file");
		try {
			return Long.parseLong(expect("FILED")[1]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Stats stats() {
		this.in.println("stats");
		try {
			String[] s = expect("STATS");
			return new Stats(Long.parseLong(s[1]), Long.parseLong(s[2]), Long.parseLong(s[3]), Long.parseLong(s[4]));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.in.close();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroy();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroy();
		}
	}

	/** The child: {@code plain|secure|lean uuid userKey name cvr dir}. */
	public static void main(String[] args) throws IOException {
		boolean secure = args[0].equals("secure");
		MutableClock clock = StsSamples.clock();
		LocalCertificates.Set certificates = secure
				? LocalCertificates.generate(args[4], clock.instant(), Duration.ofDays(365)) : null;
		try (LocalStsService service = secure ? LocalStsService.startSecure(clock, certificates)
				: args[0].equals("lean") ? LocalStsService.startLean(clock) : LocalStsService.start(clock)) {
			service.seedOrganisation(UUID.fromString(args[1]), args[2], args[3]);
			String ready = "READY " + service.baseUrl() + " " + service.tokenServiceUrl();
			if (secure) {
				service.tokenService().agree(args[4], LocalStsService.ENTITY_ID);
				char[] password = LocalCertificates.password();
				certificates.write(Path.of(args[5]), password);
				ready += " " + new String(password);
			}
			System.out.println(ready);
			System.out.flush();
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (String line = commands.readLine(); line != null; line = commands.readLine()) {
				if (line.startsWith("latency ")) {
					service.behaviour().latency(Long.parseLong(line.substring(8).trim()));
				}
				else if (line.equals("file")) {
					long t0 = System.nanoTime();
					service.file();
					System.out.println("FILED " + (System.nanoTime() - t0) / 1_000_000);
					System.out.flush();
				}
				else if (line.equals("stats")) {
					long stored = service.stored();
					long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
						.getProcessCpuTime();
					System.out
						.println("STATS " + stored + " " + service.calls() + " " + service.verifiedCalls() + " " + cpu);
					System.out.flush();
				}
			}
		}
	}

}
