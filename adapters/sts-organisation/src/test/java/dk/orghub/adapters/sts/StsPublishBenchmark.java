package dk.orghub.adapters.sts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dk.orghub.core.testing.MutableClock;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.sts.LocalStsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes the sample municipality (45,000 employees unless
 * {@code -Dbenchmark.employees}) to the local STS Organisation service, first with no
 * latency, then with 20 ms per call ({@code -Dbenchmark.latency}), each into an empty
 * service, and then once more with nothing to send. Prints the times, the SOAP calls per
 * object written and the calls of the no-change run. Not part of the normal build: run
 * with {@code ./mvnw -o -pl adapters/sts-organisation -Pbenchmark verify}. Times are wall
 * clock; the numbers it asserts are the ones the issue asks for (zero calls when nothing
 * changed, about one call per object), never a time. Then the same two publishes with
 * security on (a token from the local token service, every call signed and verified by
 * the local service, every answer signed and verified), printed beside the ones without,
 * with the time signing adds per call ({@code -Dbenchmark.security=false} leaves them
 * out).
 */
class StsPublishBenchmark {

	@Test
	void publishTheLargeMunicipality() {
		int employees = Integer.getInteger("benchmark.employees", 45_000);
		int concurrency = Integer.getInteger("benchmark.concurrency", 64);
		long latency = Long.getLong("benchmark.latency", 20);
		long t0 = System.nanoTime();
		Municipality m = MunicipalityGenerator.generate(employees);
		CanonicalState state = StsSamples.state(m);
		System.out.printf("[benchmark] municipality of %,d employees generated in %.1f s%n", employees,
				(System.nanoTime() - t0) / 1e9);
		Municipality small = StsSamples.municipality(500);
		System.out.println("[benchmark] warm-up (500 employees, not measured):");
		run(small, StsSamples.state(small), 0, concurrency, false);
		Timed plain = run(m, state, 0, concurrency, false);
		Timed plainLatency = run(m, state, latency, concurrency, false);
		if (!Boolean.parseBoolean(System.getProperty("benchmark.security", "true"))) {
			return;
		}
		System.out.println("[benchmark] warm-up with security on (500 employees, not measured):");
		run(small, StsSamples.state(small), 0, concurrency, true);
		Timed secure = run(m, state, 0, concurrency, true);
		Timed secureLatency = run(m, state, latency, concurrency, true);
		for (Timed[] pair : new Timed[][] { { plain, secure }, { plainLatency, secureLatency } }) {
			System.out
				.printf("[benchmark] latency %d ms: security off %.1f s, on %.1f s (+%.0f%%); %,d calls; signing adds "
						+ "%.2f ms of wall time per call with %d in flight (client signing and checking, and the local "
						+ "service verifying and signing, on the same CPU)%n", pair[0].latency, pair[0].seconds,
						pair[1].seconds, 100 * (pair[1].seconds / pair[0].seconds - 1), pair[1].calls,
						1000 * (pair[1].seconds - pair[0].seconds) / pair[1].calls, concurrency);
		}
	}

	/** A full publish: its latency, wall time and calls. */
	private record Timed(long latency, double seconds, long calls) {

	}

	private static final class MunicipalityGenerator {

		static Municipality generate(int employees) {
			return StsSamples.municipality(employees);
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

	private static Timed run(Municipality m, CanonicalState state, long latency, int concurrency, boolean secure) {
		MutableClock clock = StsSamples.clock();
		try (LocalStsService service = secure ? StsSamples.secureService(m, clock, StsSamples.certificates(m))
				: StsSamples.service(m, clock)) {
			service.behaviour().latency(latency);
			StsSettings settings = (secure ? StsSamples.secureSettings(service, m, temporaryFolder())
					: StsSamples.settings(service, m))
				.withConcurrency(concurrency)
				.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
			DataSource database = StsSamples.database();
			try (StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings,
					new SentLedger(database, Clock.systemUTC()), clock, () -> state)) {
				long t1 = System.nanoTime();
				StsPublisher.Report first = adapter.publishAll();
				double firstSeconds = (System.nanoTime() - t1) / 1e9;
				long t2 = System.nanoTime();
				StsPublisher.Report second = adapter.publishAll();
				double secondSeconds = (System.nanoTime() - t2) / 1e9;
				Map<String, String> stored = service.registry().snapshot();
				System.out.printf(
						"[benchmark] %s, latency %d ms, concurrency %d: full publish of %,d objects (%,d mapped, %,d ended "
								+ "and never sent) in %.1f s = %,.0f objects/s; %,d SOAP calls = %.3f calls per object "
								+ "written; quarantined %d; stored in the service %,d%n",
						secure ? "security on" : "security off", latency, concurrency, first.written(), first.mapped(),
						first.skipped(), firstSeconds, first.written() / firstSeconds, first.calls(),
						(double) first.calls() / first.written(), first.quarantined(), stored.size());
				System.out.printf("[benchmark] latency %d ms: second run with nothing to send: %.2f s, %d SOAP calls%n",
						latency, secondSeconds, second.calls());
				System.out.printf("[benchmark] the ledger keeps the text of what was sent: %s%n", ledgerSize(database));
				if (latency == 0) {
					long callsBefore = adapter.client().calls();
					long t3 = System.nanoTime();
					StsReconciler.Result reconciled = adapter.reconcile();
					double reconcileSeconds = (System.nanoTime() - t3) / 1e9;
					System.out.printf(
							"[benchmark] reconcile with nothing drifted: %.1f s, %,d objects read from STS (the hierarchy "
									+ "in pages, each Adresse and Person with laes), %,d SOAP calls, %d drifted%n",
							reconcileSeconds, reconciled.held(), adapter.client().calls() - callsBefore,
							reconciled.drifted().size());
					assertThat(reconciled.drifted()).isEmpty();
				}
				assertThat(first.quarantined()).isZero();
				assertThat(second.calls()).isZero();
				if (secure) {
					assertThat(service.verifiedCalls()).isEqualTo(adapter.client().calls());
					if (latency == 0) {
						clientSigningCost(adapter.client(), service);
					}
				}
				return new Timed(latency, firstSeconds, first.calls());
			}
		}
	}

	/**
	 * What signing costs the hub alone: one thread signing a call of about 3 KB and
	 * checking a signed answer, 2,000 times (the local service's share left out).
	 */
	private static void clientSigningCost(StsClient client, LocalStsService service) {
		dk.orghub.kombit.security.SamlToken token = client.tokens().get();
		String names = "<x:Navn>Afdeling for b\u00f8rn og unge</x:Navn>".repeat(60);
		byte[] call = ("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header/>"
				+ "<soap:Body><x:ImportInput xmlns:x=\"urn:example\">" + names + "</x:ImportInput></soap:Body>"
				+ "</soap:Envelope>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] answer = dk.orghub.kombit.security.SignedCalls.signAnswer(call, service.certificates().service(),
				java.time.Instant.now());
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
			dk.orghub.kombit.security.SignedCalls.verifyAnswer(answer, service.certificates().service().certificate(),
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

	private static java.nio.file.Path temporaryFolder() {
		try {
			return java.nio.file.Files.createTempDirectory("sts-benchmark");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
