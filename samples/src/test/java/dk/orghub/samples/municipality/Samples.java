package dk.orghub.samples.municipality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated municipalities shared by the tests, each generated once per test run.
 */
final class Samples {

	static final long SEED = 20_070_101L;

	private static final Map<Integer, Municipality> GENERATED = new ConcurrentHashMap<>();

	private Samples() {
	}

	static Municipality of(int employees) {
		return GENERATED.computeIfAbsent(employees, (n) -> MunicipalityGenerator.generate(SEED, n));
	}

}
