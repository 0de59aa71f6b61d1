package dk.orghub.adapters.sd;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sd.SdStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SD runs for a large sample municipality against the SD stub over HTTP into an empty H2
 * store: the full run, a change run with nothing changed, and a change run with about 1%
 * of the employments moved; times and each step's peak heap (the stub, which renders each
 * answer in memory, runs in the same JVM and counts too). Run with
 * {@code ./mvnw -pl adapters/sd -Pbenchmark verify} ({@code -Dsd.benchmark.employees=N},
 * default 45,000); it fails only when a result is wrong, never because of time. Each step
 * prints the machine's load average at its end, since other builds share the machine.
 */
class SdBenchmark {

	@Test
	void runsForALargeMunicipality() {
		int employees = Integer.getInteger("sd.benchmark.employees", 45_000);
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%nSD benchmark: %,d employees, %d cores, Java %s, max heap %d MB%n", employees,
				runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20);
		Municipality municipality = MunicipalityGenerator.generate(20070101L, employees);
		MutableClock clock = new MutableClock(Instant.parse("2025-01-15T02:00:00Z"));
		try (SdStub stub = SdStub.start(municipality, "hub", "secret", "XY")) {
			JdbcOrgStore store = TestStores.h2(clock);
			SdSync sync = new SdSync(new SdAdapter(SdConfig.of(stub.baseUri(), "XY", "hub", "secret"), clock), store,
					FieldPolicy.none(), clock);

			SdRunReport full = measure("full run", () -> sync.run(false));
			assertThat(full.status()).isEqualTo(SdRunReport.Status.APPLIED);
			assertThat(full.rejected()).isEmpty();
			System.out.printf("                 %,d objects delivered, %,d created, %d requests so far%n",
					full.delivered(), full.count(ObjectChange.Kind.CREATED), stub.requests());
			Map<String, Long> warnings = new java.util.TreeMap<>();
			full.warnings()
				.forEach(w -> warnings.merge(w.element() + ": " + w.reason().replaceAll("\\d{6}-?x{4}", "(cpr)"), 1L,
						Long::sum));
			warnings.forEach((kind, n) -> System.out.printf("                 %,d warnings: %s%n", n, kind));

			SdRunReport nothing = measure("no changes", () -> sync.run(false));
			assertThat(nothing.status()).isEqualTo(SdRunReport.Status.UNCHANGED);
			System.out.printf("                 %,d objects delivered (the unit tree), nothing written%n",
					nothing.delivered());

			LocalDate changedOn = LocalDate.of(2025, 1, 20);
			stub.update(moved(municipality, employees / 100, changedOn), changedOn);
			clock.set(Instant.parse("2025-01-20T02:00:00Z"));
			int before = stub.requests();
			SdRunReport delta = measure("1% changes", () -> sync.run(false));
			assertThat(delta.status()).isEqualTo(SdRunReport.Status.APPLIED);
			System.out.printf("                 %,d objects changed, %d requests%n", delta.result().changes().size(),
					stub.requests() - before);
		}
	}

	/**
	 * About {@code count} open engagements moved to another unit of their person's
	 * parent.
	 */
	private static Municipality moved(Municipality m, int count, LocalDate from) {
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>(m.engagements());
		List<UUID> units = m.units()
			.values()
			.stream()
			.filter(t -> t.covers(Validity.from(from)))
			.map(t -> t.segments().get(0).value().uuid())
			.toList();
		int moved = 0;
		for (Map.Entry<UUID, Timeline<Engagement>> entry : m.engagements().entrySet()) {
			if (moved >= count) {
				break;
			}
			Timeline<Engagement> timeline = entry.getValue();
			if (!timeline.covers(Validity.from(from))) {
				continue;
			}
			Engagement e = timeline.at(from).orElseThrow();
			UUID target = units.get((moved * 7919) % units.size());
			if (target.equals(e.unit())) {
				continue;
			}
			engagements.put(entry.getKey(), timeline.put(Validity.from(from), new Engagement(e.uuid(), e.userKey(),
					e.person(), target, e.jobFunction(), e.engagementType(), e.fraction(), e.primary())));
			moved++;
		}
		return new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), m.units(), m.persons(),
				engagements, m.managers(), m.addresses(), m.kle());
	}

	private static SdRunReport measure(String step, Supplier<SdRunReport> work) {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		SdRunReport report = work.get();
		long nanos = System.nanoTime() - start;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf("%-16s %8.2f s   peak heap %4d MB   load average %.1f%n", step + ":", nanos / 1e9, peak >> 20,
				load);
		return report;
	}

}
