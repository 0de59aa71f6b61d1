package dk.orghub.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.model.Actor;
import dk.orghub.core.store.OrgStore;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation pages' reads on the 45,000-employee municipality: loads it into the
 * embedded store in one change set, then times over HTTP (as a reader) the calls the tree
 * makes (the unit tree with the engagements per unit, a search) and the calls a unit's
 * page makes for the unit with the most engagements, and prints the times. Not part of
 * the normal build (its name does not end in {@code IT}); run it with
 * {@code ./mvnw -o -pl routes -am verify -Dit.test=OrganisationPagesBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. It fails only when an answer is wrong, never
 * because of time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:organisation-pages-benchmark;DB_CLOSE_DELAY=-1",
				"camel.main.name=organisation-pages-benchmark",
				"spring.quartz.scheduler-name=organisation-pages-benchmark" })
class OrganisationPagesBenchmark {

	private static final int EMPLOYEES = 45_000;

	private static final int RUNS = 7;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private OrgStore store;

	@Test
	void theTreeAndTheLargestUnitsPage() throws Exception {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%n=== Organisation pages benchmark: %,d employees ===%n", EMPLOYEES);
		System.out.printf("machine: %d cores, Java %s, max heap %,d MB, load average %.1f%n",
				runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		long start = System.nanoTime();
		Municipality municipality = MunicipalityGenerator.generate(20_070_101L, EMPLOYEES);
		this.store.apply(municipality.toChangeSet(Actor.source("samples")));
		System.out.printf("generate and load: %,d ms%n", (System.nanoTime() - start) / 1_000_000);

		LocalDate at = municipality.referenceDate();
		// a reader logged in once, its session cookie on every call, as the pages are
		// used
		// (HTTP Basic would hash the password on every call)
		Reader reader = new Reader(new HttpSession(this.rest.getRootUri()).formLogin(Api.READER, Api.READER_PASSWORD));
		UUID unit = municipality.largestUnitByEngagements(at);

		time("tree: /api/v1/org-units/tree (units with their engagements)",
				() -> reader.get("/api/v1/org-units/tree?at={at}", at).size());
		time("tree: search 'skole'", () -> reader.get("/api/v1/search?q=skole&at={at}", at).get("units").size());

		List<String> unitPage = List.of("/api/v1/org-units/{u}?at={at}",
				"/api/v1/addresses?owner={u}&at={at}&limit=1000", "/api/v1/managers?unit={u}&at={at}&limit=1000",
				"/api/v1/org-units/{u}/manager?at={at}", "/api/v1/engagements?unit={u}&at={at}&limit=1000",
				"/api/v1/kle?unit={u}&at={at}&limit=1000", "/api/v1/org-units/{u}/it-users?at={at}");
		long total = 0;
		for (String call : unitPage) {
			total += time("unit page: " + call.replace("{u}", "<largest>"), () -> {
				JsonNode answer = reader.get(call, unit, at);
				return answer.has("items") ? answer.get("items").size() : answer.isArray() ? answer.size() : 1;
			});
		}
		String persons = String.join(",",
				reader.get("/api/v1/engagements?unit={u}&at={at}&limit=150", unit, at)
					.get("items")
					.findValuesAsText("person"));
		total += time("unit page: /api/v1/persons?uuids=<its first 150 persons>",
				() -> reader.get("/api/v1/persons?uuids={p}&at={at}&limit=150", persons, at).get("items").size());
		System.out.printf("unit page, its %d calls one after another (median): %,d ms%n", unitPage.size() + 1, total);
		// as a browser loads the page: its calls at once on at most 6 connections, then
		// the
		// persons of its engagements
		ExecutorService browser = Executors.newFixedThreadPool(6);
		try {
			time("unit page as a browser loads it (7 calls at once on 6 connections, then the persons)", () -> {
				List<CompletableFuture<JsonNode>> calls = unitPage.stream()
					.map((call) -> CompletableFuture.supplyAsync(() -> reader.get(call, unit, at), browser))
					.toList();
				calls.forEach(CompletableFuture::join);
				return calls.size()
						+ reader.get("/api/v1/persons?uuids={p}&at={at}&limit=150", persons, at).get("items").size();
			});
		}
		finally {
			browser.shutdown();
		}
		int engagements = reader.get("/api/v1/engagements?unit={u}&at={at}&limit=1000", unit, at).get("items").size();
		assertThat((long) engagements).isEqualTo(municipality.engagementCount(unit, at));
		System.out.println("===");
	}

	/** GETs over a logged-in session; a call that does not answer 200 fails the run. */
	private record Reader(HttpSession session) {

		private static final ObjectMapper JSON = new ObjectMapper();

		JsonNode get(String uri, Object... variables) {
			String path = new DefaultUriBuilderFactory().expand(uri, variables).toString();
			try {
				HttpResponse<String> response = this.session.send("GET", path, null, "Accept", "application/json");
				assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
				return JSON.readTree(response.body());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Prints the first, best and median time of a read; returns the median in ms. */
	private static long time(String what, Supplier<Integer> read) {
		long[] nanos = new long[RUNS];
		int rows = 0;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			rows = read.get();
			nanos[i] = System.nanoTime() - start;
		}
		long first = nanos[0] / 1_000_000;
		Arrays.sort(nanos);
		long median = nanos[RUNS / 2] / 1_000_000;
		System.out.printf("%-70s %,7d rows  first %,5d ms  best %,5d ms  median %,5d ms%n", what, rows, first,
				nanos[0] / 1_000_000, median);
		return median;
	}

}
