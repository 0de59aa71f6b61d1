package dk.orghub.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collection;

import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.launch.PropertiesLauncher;

/**
 * The hub jar's {@code Main-Class}: Spring Boot's {@link PropertiesLauncher} (the adapter
 * jars of {@code loader.path} and every other {@code loader.*} setting work as documented
 * for it) with the {@link IndexedClassLoader} in place of its class loader, when the jar
 * holds the directory index ({@value ClassPathDirectories#ENTRY}). A custom
 * {@code loader.classLoader}, an exploded jar or a jar without the index get Spring
 * Boot's loader unchanged.
 */
public class HubLauncher extends PropertiesLauncher {

	public HubLauncher() throws Exception {
		super();
	}

	@Override
	protected ClassLoader createClassLoader(Collection<URL> urls) throws Exception {
		ClassLoader plain = super.createClassLoader(urls);
		if (plain.getClass() != LaunchedClassLoader.class || isExploded()) {
			return plain;
		}
		File rootJar = rootJar();
		ClassPathDirectories directories = (rootJar != null) ? directories() : null;
		if (directories == null) {
			return plain;
		}
		((LaunchedClassLoader) plain).close();
		return new IndexedClassLoader(false, getArchive(), urls.toArray(new URL[0]), getClass().getClassLoader(),
				directories, rootJar);
	}

	private static File rootJar() throws URISyntaxException {
		CodeSource codeSource = HubLauncher.class.getProtectionDomain().getCodeSource();
		if (codeSource == null || codeSource.getLocation() == null
				|| !"file".equals(codeSource.getLocation().getProtocol())) {
			return null;
		}
		File file = new File(codeSource.getLocation().toURI());
		return file.isFile() ? file : null;
	}

	private ClassPathDirectories directories() {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(ClassPathDirectories.ENTRY)) {
			return (in != null) ? ClassPathDirectories.read(in) : null;
		}
		catch (IOException ex) {
			System.err.println("orghub launcher: " + ClassPathDirectories.ENTRY
					+ " could not be read, classes are looked up without it: " + ex.getMessage());
			return null;
		}
	}

	public static void main(String[] args) throws Exception {
		HubLauncher launcher = new HubLauncher();
		launcher.launch(launcher.getArgs(args));
	}

}
