package dk.orghub.routes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages of the application depend on each other in one direction: no cycles
 * between the features under {@code dk.orghub.routes} (e.g. {@code run} uses
 * {@code quarantine}'s repository, so {@code quarantine} uses nothing of {@code run}).
 */
class PackageRulesTest {

	static JavaClasses routes;

	@BeforeAll
	static void importRoutes() {
		routes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dk.orghub.routes");
	}

	@Test
	void theFeaturePackagesHaveNoCycles() {
		// the rule must see the packages it guards, or it passes by guarding nothing
		assertThat(routes.stream().map((c) -> c.getPackageName()).distinct()).contains("dk.orghub.routes.run",
				"dk.orghub.routes.quarantine", "dk.orghub.routes.schedule", "dk.orghub.routes.sync",
				"dk.orghub.routes.api");
		slices().matching("dk.orghub.routes.(*)..").should().beFreeOfCycles().check(routes);
	}

}
