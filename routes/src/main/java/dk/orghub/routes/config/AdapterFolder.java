package dk.orghub.routes.config;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The folder whose adapter jars join the class path when the hub starts from its jar
 * ({@code loader.path} in {@code loader.properties}, read by Spring Boot's launcher
 * before Spring starts), and what the start found in it: the log names each adapter jar
 * the hub runs with, so an operator sees which vendor code is loaded, and, started from
 * the jar, how its class loader looks names up. The folder resolves as the launcher
 * resolves it: the system property {@value #PROPERTY}, else the environment variable
 * {@value #VARIABLE}, else {@value #DEFAULT} in the working directory.
 */
@Component
public class AdapterFolder implements ApplicationListener<ApplicationStartedEvent> {

	/** The system property naming the folder. */
	public static final String PROPERTY = "hub.adapters.folder";

	/** The environment variable naming the folder. */
	public static final String VARIABLE = "HUB_ADAPTERS_FOLDER";

	/** The folder in the working directory when none is named. */
	public static final String DEFAULT = "adapter-jars";

	/**
	 * The class loader of the jar's launcher (module {@code launcher}), named: its
	 * classes are in the jar's root, not on the class path of tests.
	 */
	private static final String LAUNCHER_CLASS_LOADER = "dk.orghub.launcher.IndexedClassLoader";

	private static final Logger log = LoggerFactory.getLogger(AdapterFolder.class);

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		Path folder = folder(System.getProperties(), System.getenv(), Path.of(System.getProperty("user.dir")));
		List<Path> joined = joined(classPath(AdapterFolder.class.getClassLoader()), folder);
		List<Path> present = jarsIn(folder);
		if (!joined.isEmpty()) {
			log.info("Adapter jars from {}: {}", folder, joined.stream().map(folder::relativize).toList());
		}
		else if (!present.isEmpty()) {
			log.warn("Adapter jars in {} are not on the class path ({}): they join only when the hub starts "
					+ "with java -jar orghub.jar", folder, present.stream().map(folder::relativize).toList());
		}
		else {
			log.info("No adapter jars in {}", folder);
		}
		ClassLoader loader = AdapterFolder.class.getClassLoader();
		if (loader.getClass().getName().equals(LAUNCHER_CLASS_LOADER)) {
			log.info("Class path: {}", loader);
		}
	}

	/** The folder as the launcher resolves it, absolute and normalised. */
	static Path folder(Properties system, Map<String, String> environment, Path workingDirectory) {
		String named = system.getProperty(PROPERTY);
		if (named == null || named.isBlank()) {
			named = environment.get(VARIABLE);
		}
		if (named == null || named.isBlank()) {
			named = DEFAULT;
		}
		return workingDirectory.resolve(named.strip()).toAbsolutePath().normalize();
	}

	/**
	 * The jars of the class path that lie in the folder or below it, in class path order.
	 */
	static List<Path> joined(List<URL> classPath, Path folder) {
		List<Path> jars = new ArrayList<>();
		for (URL url : classPath) {
			if (!"file".equals(url.getProtocol()) || !isJar(url.getPath())) {
				continue;
			}
			try {
				Path path = Path.of(url.toURI()).toAbsolutePath().normalize();
				if (path.startsWith(folder)) {
					jars.add(path);
				}
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				// not a local file: not from the folder
			}
		}
		return jars;
	}

	private static List<URL> classPath(ClassLoader loader) {
		return (loader instanceof URLClassLoader urls) ? List.of(urls.getURLs()) : List.of();
	}

	private static List<Path> jarsIn(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> isJar(file.getFileName().toString())).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static boolean isJar(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".jar") || lower.endsWith(".zip");
	}

}
