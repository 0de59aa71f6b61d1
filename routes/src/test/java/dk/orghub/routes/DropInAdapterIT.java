package dk.orghub.routes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.routes.config.AdapterFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vendor's adapter, compiled here against the SPI only (outside the reactor), dropped
 * as a jar into the {@code adapters} folder beside the data folder of the built hub
 * ({@code target/orghub.jar}); the hub finds it through the jar's own auto-configuration,
 * runs it as the sync {@code hub.syncs.dropped-import} and the unit it delivers is in the
 * store.
 */
class DropInAdapterIT {

	private static final String PACKAGE = "com.example.dropin";

	private static final String SOURCE = """
			package com.example.dropin;

			import java.time.LocalDate;
			import java.util.List;
			import java.util.Map;
			import java.util.Set;
			import java.util.UUID;

			import dk.orghub.core.classes.DefaultClasses;
			import dk.orghub.core.model.ObjectType;
			import dk.orghub.core.model.OrgUnit;
			import dk.orghub.core.model.Timeline;
			import dk.orghub.core.model.Validity;
			import dk.orghub.core.spi.DesiredObject;
			import dk.orghub.core.spi.Snapshot;
			import dk.orghub.core.spi.SnapshotSource;
			import dk.orghub.core.spi.SourceContext;
			import dk.orghub.core.spi.SourceOwnership;

			public final class DroppedSource implements SnapshotSource {

				public String name() {
					return "dropped";
				}

				public SourceOwnership ownership() {
					return new SourceOwnership(Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType")));
				}

				public Snapshot snapshot(SourceContext context) {
					UUID uuid = context.knownIdentity(ObjectType.ORG_UNIT, "D1").orElseGet(UUID::randomUUID);
					OrgUnit unit = new OrgUnit(uuid, "D1", "Enhed fra indsat adapter", null,
							DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null);
					DesiredObject<OrgUnit> object = new DesiredObject<>(ObjectType.ORG_UNIT, "D1",
							Timeline.of(Validity.from(LocalDate.of(2020, 1, 1)), unit));
					return new Snapshot(Set.of(ObjectType.ORG_UNIT), null, List.of(object), null);
				}

			}
			""";

	private static final String AUTO_CONFIGURATION = """
			package com.example.dropin;

			import org.springframework.boot.autoconfigure.AutoConfiguration;
			import org.springframework.context.annotation.Bean;

			@AutoConfiguration
			public class DroppedAutoConfiguration {

				@Bean
				DroppedSource droppedSource() {
					return new DroppedSource();
				}

			}
			""";

	@TempDir
	Path home;

	@Test
	void aDroppedInAdapterJarRunsAsASyncAndWritesToTheStore() throws Exception {
		Path adapters = Files.createDirectories(this.home.resolve(AdapterFolder.DEFAULT));
		buildAdapterJar(adapters.resolve("dropped-adapter.jar"));
		// a folder like the source checkout's modules (the README's first command starts
		// the
		// hub from there): a jar below it on the class path would stop the start
		writeUnloadableAutoConfiguration(
				Files.createDirectories(this.home.resolve("adapters/opus/target")).resolve("opus-0.1.0-SNAPSHOT.jar"));

		try (PackagedHub hub = PackagedHub.start(this.home, "--hub.syncs.dropped-import.adapter=dropped")) {
			assertThat(hub.runSync("dropped-import")).as("the run; the hub's log ends:%n%s", hub.tail())
				.isEqualTo("SUCCEEDED");
			assertThat(hub.logLines()).as("the start names the adapter jars it runs with")
				.anyMatch((line) -> line.contains("Adapter jars from ")
						&& line.endsWith(AdapterFolder.DEFAULT + ": [dropped-adapter.jar]"));
			assertThat(hub.logLines()).as("the launcher's index covers the adapter folder and its jar")
				.anyMatch((line) -> line.contains("Class path: IndexedClassLoader (")
						&& line.endsWith("looked up by the jar's directory index)"));
			JsonNode units = hub.get("/api/v1/org-units?limit=10");
			assertThat(units.findValuesAsText("name")).contains("Enhed fra indsat adapter");
		}
	}

	/**
	 * A jar whose auto-configuration names a class that does not exist: on the class path
	 * it stops the start.
	 */
	private static void writeUnloadableAutoConfiguration(Path jar) throws IOException {
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(
					new JarEntry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
			out.write("com.example.absent.NoSuchAutoConfiguration\n".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
	}

	/**
	 * Compiles the adapter against the test's class path and packs it with its imports.
	 */
	private void buildAdapterJar(Path jar) throws IOException {
		Path src = Files.createDirectories(this.home.resolve("src/" + PACKAGE.replace('.', '/')));
		Path classes = Files.createDirectories(this.home.resolve("classes"));
		Files.writeString(src.resolve("DroppedSource.java"), SOURCE);
		Files.writeString(src.resolve("DroppedAutoConfiguration.java"), AUTO_CONFIGURATION);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
				classes.toString(), src.resolve("DroppedSource.java").toString(),
				src.resolve("DroppedAutoConfiguration.java").toString());
		assertThat(result).as("the adapter compiles").isZero();
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				entry(out, classes.relativize(file).toString().replace(File.separatorChar, '/'),
						Files.readAllBytes(file));
			}
			entry(out, "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
					(PACKAGE + ".DroppedAutoConfiguration\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

}
