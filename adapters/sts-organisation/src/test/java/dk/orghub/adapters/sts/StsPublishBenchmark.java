package dk.orghub.adapters.sts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalCertificates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes the sample municipality (45,000 employees unless
 * {@code -Dbenchmark.employees}) to the local STS Organisation service running in a JVM
 * of its own ({@link LocalStsProcess}, answering from memory), first with no latency,
 * then with 20 ms per call ({@code -Dbenchmark.latency}), each into an empty service, and
 * then once more with nothing to send; after the 0 ms publish it reconciles (nothing
 * drifted). Then the same with security on (a token from the local token service, every
 * call signed and verified by the service, every answer signed and verified;
 * {@code -Dbenchmark.security=false} leaves them out,
 * {@code -Dbenchmark.security.employees} makes them smaller). For each it prints the wall
 * time, the SOAP calls and the <b>client's CPU time per call</b>: this JVM's process CPU
 * time (all its threads: mapping, JAXB, CXF, HTTP, the ledger, GC and JIT) over the calls
 * made, which a loaded machine does not inflate as it does the wall time; and the
 * service's, read from its process. Not part of the normal build: run with
 * {@code ./mvnw -o -pl adapters/sts-organisation -am -Pbenchmark verify -DskipITs
 * -Dtest=StsPublishBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It asserts zero
 * quarantine, zero calls when nothing changed, nothing drifted and, with security, no
 * more calls verified than made; never a time.
 */
class StsPublishBenchmark {

	private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

	@Test
	void publishTheLargeMunicipality() {
		int employees = Integer.getInteger("benchmark.employees", 45_000);
		int concurrency = Integer.getInteger("benchmark.concurrency", 64);
		long latency = Long.getLong("benchmark.latency", 20);
		long t0 = System.nanoTime();
		Municipality m = StsSamples.municipality(employees);
		CanonicalState state = StsSamples.state(m);
		System.out.printf(
				"[benchmark] municipality of %,d employees generated in %.1f s; %d cores, load average %.1f; the common "
						+ "pool's parallelism %d (the hub sets 2 on 2 cores: give -Djava.util.concurrent.ForkJoinPool"
						+ ".common.parallelism=2 to compare)%n",
				employees, (System.nanoTime() - t0) / 1e9, OS.getAvailableProcessors(), OS.getSystemLoadAverage(),
				java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
		Municipality small = StsSamples.municipality(500);
		List<Timed> runs = new ArrayList<>();
		boolean withSecurity = Boolean.parseBoolean(System.getProperty("benchmark.security", "true"));
		int secureEmployees = Integer.getInteger("benchmark.security.employees", employees);
		for (boolean secure : withSecurity ? new boolean[] { false, true } : new boolean[] { false }) {
			System.out.printf("[benchmark] warm-up, security %s (500 employees, not measured):%n", onOff(secure));
			run(small, StsSamples.state(small), 0, concurrency, secure);
			Municipality measured = (secure && secureEmployees != employees) ? StsSamples.municipality(secureEmployees)
					: m;
			CanonicalState measuredState = (measured == m) ? state : StsSamples.state(measured);
			int size = (measured == m) ? employees : secureEmployees;
			runs.add(run(measured, measuredState, 0, concurrency, secure).of(size));
			if (latency > 0) {
				runs.add(run(measured, measuredState, latency, concurrency, secure).of(size));
			}
		}
		System.out.printf(
				"[benchmark] summary, concurrency %d, service in its own JVM (%s without security), the ledger in %s:%n",
				concurrency, RESPONDER, LedgerDatabase.where());
		System.out.println("[benchmark] | employees | security | latency | run | wall | calls | client CPU per call "
				+ "| service CPU per call |");
		for (Timed t : runs) {
			String prefix = String.format("[benchmark] | %,d ", t.employees());
			System.out.println(prefix + t.publish().row(onOff(t.secure()), t.latency(), "full publish"));
			System.out.println(prefix + t.again().row(onOff(t.secure()), t.latency(), "nothing to send"));
			if (t.reconcile() != null) {
				System.out.println(prefix + t.reconcile().row(onOff(t.secure()), t.latency(), "reconcile"));
			}
		}
	}

	private static String onOff(boolean secure) {
		return secure ? "on" : "off";
	}

	/** Wall time, calls and CPU time (client and service) of one measured step. */
	record Measured(double seconds, long calls, long clientCpuNanos, long serviceCpuNanos) {

		String row(String security, long latency, String what) {
			return String.format("| %s | %d ms | %s | %.1f s | %,d | %s | %s |", security, latency, what, this.seconds,
					this.calls, perCall(this.clientCpuNanos), perCall(this.serviceCpuNanos));
		}

		private String perCall(long nanos) {
			return (this.calls == 0) ? String.format("%.1f s in all", nanos / 1e9)
					: String.format("%,.0f \u00b5s", nanos / 1e3 / this.calls);
		}

	}

	/**
	 * A publish, the run after it with nothing to send, and the reconcile (0 ms only).
	 */
	private record Timed(boolean secure, long latency, Measured publish, Measured again, Measured reconcile,
			int employees) {

		Timed of(int employees) {
			return new Timed(this.secure, this.latency, this.publish, this.again, this.reconcile, employees);
		}

	}

	/** Measures a step: its wall time, this JVM's CPU time and the service's. */
	private static final class Meter {

		private final LocalStsProcess service;

		private final StsClient client;

		private long wall;

		private long cpu;

		private long serviceCpu;

		private long calls;

		Meter(LocalStsProcess service, StsClient client) {
			this.service = service;
			this.client = client;
		}

		void start() {
			this.serviceCpu = this.service.stats().cpuNanos();
			this.calls = this.client.calls();
			this.cpu = processCpu();
			this.wall = System.nanoTime();
		}

		Measured stop() {
			long wallNanos = System.nanoTime() - this.wall;
			long cpuNanos = processCpu() - this.cpu;
			long calls = this.client.calls() - this.calls;
			return new Measured(wallNanos / 1e9, calls, cpuNanos, this.service.stats().cpuNanos() - this.serviceCpu);
		}

		private static long processCpu() {
			return ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime();
		}

	}

	private static String ledgerSize(DataSource database) {
		try (Connection c = database.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(content)) FROM sts_sent")) {
			rs.next();
			long rows = rs.getLong(1);
			long chars = rs.getLong(2);
			return String.format("%,d objects, %.1f MB of text (%,d characters per object)", rows, chars / 1e6,
					(rows > 0) ? chars / rows : 0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The service without security: {@code lean} (default; {@code importer} answered from
	 * memory without CXF, so that the service leaves the cores to the client) or
	 * {@code full} ({@code -Dbenchmark.responder}).
	 */
	private static final String RESPONDER = System.getProperty("benchmark.responder", "lean");

	private static Timed run(Municipality m, CanonicalState state, long latency, int concurrency, boolean secure) {
		try (LocalStsProcess service = LocalStsProcess.start(StsSamples.organisation(m),
				secure ? "secure" : RESPONDER.equals("full") ? "plain" : "lean")) {
			service.latency(latency);
			StsSettings settings = (secure ? StsSamples.secureSettings(service.baseUrl(), service.tokenServiceUrl(), m,
					service.files(), service.password()) : StsSamples.settings(service.baseUrl(), m))
				.withConcurrency(concurrency)
				.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
			try (LedgerDatabase ledger = LedgerDatabase.create();
					StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings,
							new SentLedger(ledger.dataSource(), Clock.systemUTC()), StsSamples.clock(), () -> state)) {
				DataSource database = ledger.dataSource();
				Meter meter = new Meter(service, adapter.client());
				long server0 = LedgerDatabase.serverCpuNanos();
				meter.start();
				StsPublisher.Report first = adapter.publishAll();
				Measured publish = meter.stop();
				long server1 = LedgerDatabase.serverCpuNanos();
				if (ledger.onPostgres()) {
					System.out.printf("[benchmark] the ledger in PostgreSQL: the server's CPU %s per call%n",
							(server0 < 0 || server1 < 0) ? "unknown (not read from /proc)"
									: String.format("%,.0f \u00b5s", (server1 - server0) / 1e3 / publish.calls()));
				}
				meter.start();
				StsPublisher.Report second = adapter.publishAll();
				Measured again = meter.stop();
				LocalStsProcess.Stats stats = service.stats();
				System.out.printf(
						"[benchmark] security %s, latency %d ms, concurrency %d: full publish of %,d objects (%,d mapped, "
								+ "%,d ended and never sent) in %.1f s = %,.0f objects/s; %,d SOAP calls = %.3f calls "
								+ "per object written; client CPU %,.0f \u00b5s per call (service %,.0f \u00b5s); "
								+ "quarantined %d; stored in the service %,d%n",
						onOff(secure), latency, concurrency, first.written(), first.mapped(), first.skipped(),
						publish.seconds(), first.written() / publish.seconds(), publish.calls(),
						(double) publish.calls() / first.written(), publish.clientCpuNanos() / 1e3 / publish.calls(),
						publish.serviceCpuNanos() / 1e3 / publish.calls(), first.quarantined(), stats.stored());
				System.out.printf(
						"[benchmark] latency %d ms: second run with nothing to send: %.2f s (client CPU %.2f s), %d SOAP "
								+ "calls%n",
						latency, again.seconds(), again.clientCpuNanos() / 1e9, second.calls());
				System.out.printf("[benchmark] the ledger keeps the text of what was sent: %s%n", ledgerSize(database));
				Measured reconcile = null;
				if (latency == 0) {
					long filing = service.file();
					System.out.printf("[benchmark] the service filed what it kept into its registry in %.1f s (not "
							+ "counted)%n", filing / 1e3);
					meter.start();
					StsReconciler.Result reconciled = adapter.reconcile();
					reconcile = meter.stop();
					System.out.printf(
							"[benchmark] reconcile with nothing drifted: %.1f s, %,d objects read from STS (the hierarchy "
									+ "in pages, Adresse and Person with list), %,d SOAP calls, client CPU %.1f s, "
									+ "%d drifted%n",
							reconcile.seconds(), reconciled.held(), reconcile.calls(), reconcile.clientCpuNanos() / 1e9,
							reconciled.drifted().size());
					assertThat(reconciled.drifted()).isEmpty();
				}
				assertThat(first.quarantined()).isZero();
				assertThat(second.calls()).isZero();
				if (secure) {
					// every call that reached the service was verified (on a loaded
					// machine a
					// call may time out before it arrives, and is sent again)
					assertThat(service.stats().verified()).isPositive().isLessThanOrEqualTo(adapter.client().calls());
					if (latency == 0) {
						clientSigningCost(adapter.client(), m);
					}
				}
				return new Timed(secure, latency, publish, again, reconcile, 0);
			}
		}
	}

	/**
	 * What signing costs the hub alone: one thread signing a call of about 3 KB and
	 * checking a signed answer, 2,000 times (the local service's share left out).
	 */
	private static void clientSigningCost(StsClient client, Municipality m) {
		dk.orghub.kombit.security.Credential serviceKey = StsSamples.certificates(m).service();
		dk.orghub.kombit.security.SamlToken token = client.tokens().get();
		String names = "<x:Navn>Afdeling for b\u00f8rn og unge</x:Navn>".repeat(60);
		byte[] call = ("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header/>"
				+ "<soap:Body><x:ImportInput xmlns:x=\"urn:example\">" + names + "</x:ImportInput></soap:Body>"
				+ "</soap:Envelope>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] answer = dk.orghub.kombit.security.SignedCalls.signAnswer(call, serviceKey, java.time.Instant.now());
		int n = 2000;
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long c0 = threads.getCurrentThreadCpuTime();
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			dk.orghub.kombit.security.SignedCalls.sign(call, "urn:example:importer", "https://sts.example/", token,
					client.credentials().client(), java.time.Instant.now(), Duration.ofMinutes(5));
		}
		long t1 = System.nanoTime();
		long c1 = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < n; i++) {
			dk.orghub.kombit.security.SignedCalls.verifyAnswer(answer, serviceKey.certificate(),
					java.time.Instant.now(), Duration.ofMinutes(5));
		}
		long t2 = System.nanoTime();
		long c2 = threads.getCurrentThreadCpuTime();
		System.out.printf(
				"[benchmark] the hub's own cost per call (one thread, %,d bytes): signing %.2f ms wall / %.2f ms CPU, "
						+ "checking the answer %.2f ms wall / %.2f ms CPU; an RSA-2048 signature alone %.2f ms CPU%n",
				call.length, (t1 - t0) / 1e6 / n, (c1 - c0) / 1e6 / n, (t2 - t1) / 1e6 / n, (c2 - c1) / 1e6 / n,
				rsaAlone(client.credentials().client().key(), call));
	}

	/** The CPU time of one SHA256withRSA signature over {@code data}, on this thread. */
	private static double rsaAlone(java.security.PrivateKey key, byte[] data) {
		try {
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
			int n = 500;
			long c0 = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < n; i++) {
				signature.initSign(key);
				signature.update(data);
				signature.sign();
			}
			return (threads.getCurrentThreadCpuTime() - c0) / 1e6 / n;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
