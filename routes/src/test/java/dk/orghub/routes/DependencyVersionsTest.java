package dk.orghub.routes;

import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Libraries with known vulnerabilities below a version are not on the class path. */
class DependencyVersionsTest {

	@Test
	void commonsLang3IsPastCve202548924() {
		// ClassUtils.getClass recursed without bound on long inputs before 3.18.0
		String version = StringUtils.class.getPackage().getImplementationVersion();
		assertThat(version).as("commons-lang3's Implementation-Version").isNotNull();
		String[] parts = version.split("\\.");
		assertThat(Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1])).as(version)
			.isGreaterThanOrEqualTo(3018);
	}

}
