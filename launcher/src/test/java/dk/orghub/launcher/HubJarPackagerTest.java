package dk.orghub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import dk.orghub.launcher.build.HubJarPackager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HubJarPackagerTest {

	@TempDir
	Path folder;

	@Test
	void putsTheListedJarsFirstAndKeepsTheRestInTheirOrder() throws IOException, URISyntaxException {
		Path jar = TestHubJar.write(this.folder);

		int named = HubJarPackager.pack(jar, List.of("empty", "beta", "gamma"));

		assertThat(named).isEqualTo(2);
		try (JarFile packed = new JarFile(jar.toFile())) {
			List<String> nested = Collections.list(packed.entries())
				.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
				.toList();
			assertThat(nested).containsExactly("BOOT-INF/lib/empty-1.0.jar", "BOOT-INF/lib/beta-2.0.jar",
					"BOOT-INF/lib/alpha-1.0.jar");
			assertThat(TestHubJar.read(packed, "BOOT-INF/classpath.idx")).isEqualTo("- \"BOOT-INF/lib/empty-1.0.jar\"\n"
					+ "- \"BOOT-INF/lib/beta-2.0.jar\"\n" + "- \"BOOT-INF/lib/alpha-1.0.jar\"\n");
			assertThat(packed.getEntry("BOOT-INF/lib/beta-2.0.jar").getMethod()).isEqualTo(ZipEntry.STORED);
		}
	}

	@Test
	void makesTheHubLauncherTheMainClassAndAddsItAtTheRoot() throws IOException, URISyntaxException {
		Path jar = TestHubJar.write(this.folder);

		HubJarPackager.pack(jar, List.of());

		try (JarFile packed = new JarFile(jar.toFile())) {
			assertThat(packed.getManifest().getMainAttributes().getValue("Main-Class"))
				.isEqualTo(HubLauncher.class.getName());
			assertThat(packed.getManifest().getMainAttributes().getValue("Start-Class"))
				.isEqualTo("dk.orghub.routes.HubApplication");
			assertThat(packed.getEntry(TestHubJar.classEntry(HubLauncher.class))).isNotNull();
			assertThat(packed.getEntry(TestHubJar.classEntry(IndexedClassLoader.class))).isNotNull();
			assertThat(packed.getEntry(TestHubJar.classEntry(ClassPathDirectories.class))).isNotNull();
			assertThat(packed.getEntry(TestHubJar.classEntry(HubJarPackager.class))).as("the build step stays out")
				.isNull();
			assertThat(TestHubJar.read(packed, "BOOT-INF/classes/application.yml")).isEqualTo("hub: {}");
		}
	}

	@Test
	void indexesTheDirectoriesOfTheClassesAndEveryNestedJar() throws IOException, URISyntaxException {
		Path jar = TestHubJar.write(this.folder);

		HubJarPackager.pack(jar, List.of());

		ClassPathDirectories index;
		try (JarFile packed = new JarFile(jar.toFile());
				InputStream in = packed.getInputStream(packed.getEntry(ClassPathDirectories.ENTRY))) {
			index = ClassPathDirectories.read(in);
		}
		assertThat(index.directories("BOOT-INF/classes/")).containsExactly("", "dk/orghub/launcher/fixture");
		assertThat(index.directories("BOOT-INF/lib/alpha-1.0.jar")).containsExactly("", "META-INF", "META-INF/services",
				"db/migration/alpha", "dk/orghub/launcher/fixture");
		assertThat(index.directories("BOOT-INF/lib/beta-2.0.jar")).contains("mr", "META-INF/versions/11/mr")
			.doesNotContain("db");
		assertThat(index.directories("BOOT-INF/lib/empty-1.0.jar")).isEmpty();
	}

}
