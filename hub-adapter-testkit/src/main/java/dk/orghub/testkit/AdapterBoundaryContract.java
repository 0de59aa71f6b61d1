package dk.orghub.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundary of an adapter module: it plugs in through the SPI and its own
 * auto-configuration, so it never imports the hub's application
 * ({@code dk.orghub.routes}) or the demo, and its core (every package but
 * {@code autoconfigure}) stays plain Java, without Spring Boot, Spring's context or web,
 * Camel or Micrometer. Each rule first proves the packages it guards hold classes, so it
 * cannot pass by guarding nothing.
 */
public abstract class AdapterBoundaryContract {

	/** The adapter's root package, e.g. {@code dk.orghub.adapters.opus}. */
	protected abstract String adapterPackage();

	private JavaClasses classes() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(adapterPackage());
		assertThat(classes.stream().filter((c) -> c.getPackageName().startsWith(adapterPackage())))
			.as("classes in %s", adapterPackage())
			.isNotEmpty();
		return classes;
	}

	@Test
	void adapterNeverImportsTheApplication() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dk.orghub.routes..", "dk.orghub.demo..")
			.check(classes());
	}

	@Test
	void adapterCoreIsPlainJava() {
		JavaClasses classes = classes();
		assertThat(classes.stream().filter((c) -> !c.getPackageName().contains(".autoconfigure")))
			.as("classes outside %s.autoconfigure", adapterPackage())
			.isNotEmpty();
		noClasses().that()
			.resideOutsideOfPackage("..autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..", "org.springframework.context..",
					"org.springframework.web..", "org.apache.camel..", "io.micrometer..")
			.check(classes);
	}

}
