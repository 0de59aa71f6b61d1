package dk.orghub.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built hub ({@code target/orghub.jar}) has its nested jars in the order of
 * {@code nested-jar-order.txt} (the build's {@code HubJarPackager} after the repackage):
 * the listed artifacts first, in the list's order, every nested jar still stored
 * uncompressed so that the launcher can open it in place, and {@code classpath.idx} in
 * the same order. That the reordered jar starts is what the tests with
 * {@link PackagedHub} show.
 */
class NestedJarOrderIT {

	private static final String LIB = "BOOT-INF/lib/";

	@Test
	void theJarStartsWithTheHubsLauncherAndItsDirectoryIndex() throws IOException {
		try (JarFile jar = new JarFile(Path.of("target", "orghub.jar").toFile())) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo("dk.orghub.launcher.HubLauncher");
			assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo(HubApplication.class.getName());
			assertThat(jar.getEntry("dk/orghub/launcher/IndexedClassLoader.class")).isNotNull();
			assertThat(jar.getEntry("dk/orghub/launcher/build/HubJarPackager.class")).isNull();
			try (InputStream index = jar.getInputStream(jar.getEntry("BOOT-INF/classpath-directories.idx"))) {
				String text = new String(index.readAllBytes(), StandardCharsets.UTF_8);
				assertThat(text).contains("\nBOOT-INF/classes/\n", "\n dk/orghub/routes\n",
						"\n org/springframework/boot/autoconfigure\n");
			}
			assertThat(Collections.list(jar.entries())).map(JarEntry::getName)
				.noneMatch((name) -> name.startsWith(LIB + "launcher-"));
		}
	}

	@Test
	void theNestedJarsComeInTheListsOrderStoredAndIndexed() throws IOException {
		List<String> listed = Files.readAllLines(Path.of("nested-jar-order.txt"))
			.stream()
			.map((line) -> line.replaceAll("#.*", "").strip())
			.filter((name) -> !name.isEmpty())
			.toList();
		try (JarFile jar = new JarFile(Path.of("target", "orghub.jar").toFile())) {
			List<JarEntry> nested = Collections.list(jar.entries())
				.stream()
				.filter((entry) -> entry.getName().startsWith(LIB) && entry.getName().endsWith(".jar"))
				.toList();
			assertThat(nested).as("nested jars").hasSizeGreaterThan(100);
			assertThat(nested)
				.allSatisfy((entry) -> assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(JarEntry.STORED));
			List<String> artifacts = nested.stream()
				.map((entry) -> entry.getName().substring(LIB.length()).replaceFirst("-[0-9][^/]*\\.jar$", ""))
				.toList();
			List<String> present = listed.stream().filter(artifacts::contains).toList();
			assertThat(present).as("listed artifacts in the jar").hasSizeGreaterThan(listed.size() / 2);
			assertThat(artifacts.subList(0, present.size())).isEqualTo(present);
			try (InputStream index = jar.getInputStream(jar.getEntry("BOOT-INF/classpath.idx"))) {
				List<String> indexed = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map((line) -> line.replaceAll("^- \"(.*)\"$", "$1"))
					.toList();
				assertThat(indexed).isEqualTo(nested.stream().map(JarEntry::getName).toList());
			}
		}
	}

}
