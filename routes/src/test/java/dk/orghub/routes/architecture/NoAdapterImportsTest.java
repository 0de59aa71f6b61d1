package dk.orghub.routes.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application knows adapters only through the SPI: its main code imports no adapter,
 * nor the demo or the fake estate, which plug in by their own auto-configuration (and are
 * on its class path at run time only). The rule first proves the application's classes
 * are imported, so it cannot pass by guarding nothing.
 */
class NoAdapterImportsTest {

	@Test
	void applicationImportsNoAdapter() {
		JavaClasses routes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dk.orghub.routes");
		assertThat(routes.stream().filter((c) -> c.getPackageName().startsWith("dk.orghub.routes.sync"))).isNotEmpty();
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dk.orghub.adapters..", "dk.orghub.kombit..", "dk.orghub.demo..", "dk.orghub.samples..")
			.check(routes);
	}

}
