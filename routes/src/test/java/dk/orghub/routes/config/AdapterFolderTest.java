package dk.orghub.routes.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdapterFolderTest {

	private final Path work = Path.of("/srv/hub");

	@Test
	void withoutASettingTheFolderIsAdapterJarsInTheWorkingDirectory() {
		assertThat(AdapterFolder.folder(new Properties(), Map.of(), this.work))
			.isEqualTo(Path.of("/srv/hub/adapter-jars"));
	}

	@Test
	void theSystemPropertyComesBeforeTheEnvironment() {
		Properties system = new Properties();
		system.setProperty(AdapterFolder.PROPERTY, "vendor");
		Map<String, String> environment = Map.of(AdapterFolder.VARIABLE, "/opt/orghub/adapter-jars");
		assertThat(AdapterFolder.folder(system, environment, this.work)).isEqualTo(Path.of("/srv/hub/vendor"));
		assertThat(AdapterFolder.folder(new Properties(), environment, this.work))
			.isEqualTo(Path.of("/opt/orghub/adapter-jars"));
	}

	@Test
	void theDefaultIsTheOneTheLauncherReads() throws IOException {
		Properties loader = new Properties();
		try (InputStream in = AdapterFolder.class.getResourceAsStream("/loader.properties")) {
			loader.load(in);
		}
		assertThat(loader.getProperty("loader.path"))
			.isEqualTo("${" + AdapterFolder.PROPERTY + ":" + AdapterFolder.DEFAULT + "}");
	}

	@Test
	void onlyTheClassPathsJarsInTheFolderOrBelowAreTheAdapters() throws Exception {
		Path folder = Path.of("/srv/hub/adapter-jars");
		List<URL> classPath = List.of(new URL("file:/srv/hub/adapter-jars/"),
				new URL("file:/srv/hub/adapter-jars/acme-hr.jar"), new URL("file:/srv/hub/adapter-jars/old/x.jar"),
				new URL("file:/srv/hub/adapter-jars-2/y.jar"), new URL("file:/srv/hub/other.jar"),
				new URL("jar:file:/srv/hub/adapter-jars/orghub.jar!/BOOT-INF/lib/opus-0.1.0.jar"));
		assertThat(AdapterFolder.joined(classPath, folder))
			.containsExactly(Path.of("/srv/hub/adapter-jars/acme-hr.jar"), Path.of("/srv/hub/adapter-jars/old/x.jar"));
	}

}
