package dk.orghub.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.ObjectChange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * hub-core is plain Java: no Camel and no Spring in it, and the model depends on nothing
 * but itself. Each rule first proves the packages it guards hold classes, so that it
 * cannot pass by guarding nothing.
 */
class DependencyRulesTest {

	static JavaClasses core;

	@BeforeAll
	static void importCore() {
		core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dk.orghub.core", "db.migration.hub");
	}

	@Test
	void coreUsesNeitherCamelNorSpring() {
		assertThat(core.stream().filter(c -> c.getPackageName().startsWith("dk.orghub.core.store"))).isNotEmpty();
		assertThat(core.stream().filter(c -> c.getPackageName().startsWith("dk.orghub.core.spi"))).isNotEmpty();
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.camel..", "org.springframework..")
			.check(core);
	}

	@Test
	void modelDependsOnNothingElseOfTheHub() {
		assertThat(core.stream().filter(c -> c.getPackageName().equals("dk.orghub.core.model"))).isNotEmpty();
		noClasses().that()
			.resideInAPackage("dk.orghub.core.model")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dk.orghub.core.store..", "dk.orghub.core.spi..", "dk.orghub.core.reconcile..",
					"dk.orghub.core.query..", "java.sql..", "org.flywaydb..")
			.check(core);
	}

	/**
	 * The SPI may name the store's values (a {@link ChangeSet} a file source plans, and
	 * what a change set did: an {@link ApplyResult} of {@link ObjectChange}s), never the
	 * store itself.
	 */
	@Test
	void spiDoesNotReachIntoTheStoreImplementation() {
		assertThat(core.stream().filter(c -> c.getPackageName().equals("dk.orghub.core.spi"))).isNotEmpty();
		noClasses().that()
			.resideInAPackage("dk.orghub.core.spi")
			.should()
			.dependOnClassesThat(resideInAnyPackage("dk.orghub.core.store..", "java.sql..", "org.flywaydb..")
				.and(not(belongToAnyOf(ApplyResult.class, ChangeSet.class, ObjectChange.class))))
			.check(core);
	}

	/**
	 * PostgreSQL's driver is optional (the hub runs on H2 without it): one class of the
	 * store names it, and the store loads that class only on PostgreSQL.
	 */
	@Test
	void onlyTheStoresCopyNamesPostgresDriver() {
		assertThat(core.stream().filter(c -> c.getName().equals("dk.orghub.core.store.PgCopy"))).isNotEmpty();
		noClasses().that()
			.doNotHaveFullyQualifiedName("dk.orghub.core.store.PgCopy")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.postgresql..")
			.check(core);
	}

}
