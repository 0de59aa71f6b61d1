package dk.orghub.routes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.routes.config.AdapterFolder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vendor's starting point of {@code adapters/README.md}, as a vendor takes it:
 * {@code adapters/new-adapter.sh} makes a project outside the reactor (in
 * {@code target/}), its own Maven wrapper builds it against this build's {@code hub-core}
 * and {@code hub-adapter-testkit} (put in a local repository of its own, with the
 * machine's repository behind it read-only, so nothing is installed) and runs its
 * contract tests; its jar dropped into a built hub runs as a sync and writes the sample
 * export's units and persons.
 */
class AdapterTemplateIT {

	private static final Path HUB = Path.of("..").toAbsolutePath().normalize();

	private static final Path WORK = Path.of("target", "adapter-template-it").toAbsolutePath();

	@Test
	void aGeneratedAdapterPassesTheContractsAndRunsAsASyncInTheBuiltHub() throws Exception {
		deleteRecursively(WORK);
		Files.createDirectories(WORK);
		Path project = WORK.resolve("acme-hr-adapter");
		run(WORK.resolve("generate.log"), HUB, "sh", HUB.resolve("adapters/new-adapter.sh").toString(),
				"acme-hr-adapter", "com.acme.hr", "AcmeHr", project.toString());
		String version = hubVersion(project.resolve("pom.xml"));

		Path repository = WORK.resolve("repository");
		publish(repository, "orghub-parent", version, HUB.resolve("pom.xml"), null);
		publish(repository, "hub-core", version, HUB.resolve("hub-core/pom.xml"),
				HUB.resolve("hub-core/target/hub-core-" + version + ".jar"));
		publish(repository, "hub-adapter-testkit", version, HUB.resolve("hub-adapter-testkit/pom.xml"),
				HUB.resolve("hub-adapter-testkit/target/hub-adapter-testkit-" + version + ".jar"));
		run(WORK.resolve("build.log"), project, project.resolve("mvnw").toString(), "-o", "-B",
				"-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + machineRepository(), "verify");
		String contracts = Files
			.readString(project.resolve("target/surefire-reports/TEST-com.acme.hr.AcmeHrContractTest.xml"));
		assertThat(contracts.split("<testcase ", -1)).as("the generated contract tests (and the class)").hasSize(10);
		assertThat(contracts).as("the generated contract tests").doesNotContain("<failure", "<error", "<skipped");

		Path home = Files.createDirectories(WORK.resolve("hub"));
		Path adapters = Files.createDirectories(home.resolve(AdapterFolder.DEFAULT));
		Files.copy(project.resolve("target/acme-hr-adapter-0.1.0-SNAPSHOT.jar"), adapters.resolve("acme-hr.jar"));
		Path export = Files.createDirectories(home.resolve("export"));
		for (String file : List.of("units.csv", "persons.csv")) {
			Files.copy(project.resolve("src/test/resources/sample/" + file), export.resolve(file));
		}
		try (PackagedHub hub = PackagedHub.start(home, "--hub.sources.acme-hr.folder=" + export,
				"--hub.syncs.acme-import.adapter=acme-hr", "--hub.syncs.acme-import.cron=0 0 5 * * ?")) {
			assertThat(hub.runSync("acme-import")).as("the run; the hub's log ends:%n%s", hub.tail())
				.isEqualTo("SUCCEEDED");
			JsonNode units = hub.get("/api/v1/org-units?limit=50");
			assertThat(units.findValuesAsText("name")).contains("Eksempel Kommune", "Ydelseskontoret", "Vej og Park");
			JsonNode persons = hub.get("/api/v1/persons?limit=50");
			assertThat(persons.findValuesAsText("surname")).contains("Khan", "Østergaard");
		}
	}

	/** The hub version the script wrote into the generated POM. */
	private static String hubVersion(Path pom) throws IOException {
		Matcher version = Pattern.compile("<hub.version>([^<]+)</hub.version>").matcher(Files.readString(pom));
		assertThat(version.find()).as("hub.version in %s", pom).isTrue();
		return version.group(1);
	}

	/** Puts one of this build's artifacts into a local repository. */
	private static void publish(Path repository, String artifact, String version, Path pom, Path jar)
			throws IOException {
		Path folder = Files.createDirectories(repository.resolve("dk/orghub/" + artifact + "/" + version));
		Files.copy(pom, folder.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
		if (jar != null) {
			assertThat(jar).as("built by this build (mvn package)").exists();
			Files.copy(jar, folder.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** The local repository this build reads (where JUnit's jar came from). */
	private static Path machineRepository() throws URISyntaxException {
		Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		// repository/org/junit/jupiter/junit-jupiter-api/<version>/junit-jupiter-api-<version>.jar
		return jar.getParent().getParent().getParent().getParent().getParent().getParent();
	}

	private static void run(Path log, Path directory, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().remove("MAVEN_ARGS");
		builder.environment().remove("MAVEN_OPTS");
		Process process = builder.start();
		boolean ended = process.waitFor(10, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}
		List<String> lines = Files.readAllLines(log);
		assertThat(ended && process.exitValue() == 0)
			.as("%s ends well; its output ends:%n%s", String.join(" ", command),
					String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())))
			.isTrue();
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
