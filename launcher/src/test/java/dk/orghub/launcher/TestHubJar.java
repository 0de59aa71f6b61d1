package dk.orghub.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dk.orghub.launcher.fixture.Alpha;
import dk.orghub.launcher.fixture.Beta;

/**
 * A small hub jar in Spring Boot's layout, as {@code spring-boot:repackage} leaves it:
 * classes and resources under {@code BOOT-INF/classes/}, three stored nested jars in
 * {@code BOOT-INF/lib/} (in the order alpha, beta, empty) and their
 * {@code classpath.idx}.
 * <ul>
 * <li>{@code BOOT-INF/classes/}: {@code application.yml}, {@link Beta} (so the class is
 * in the classes and in beta's jar: the classes come first).</li>
 * <li>{@code alpha-1.0.jar}: {@link Alpha} with entries for its package's folders,
 * {@code shared.txt}, a service file, and {@code db/migration/alpha/V1__a.sql} with
 * entries for its folders.</li>
 * <li>{@code beta-2.0.jar}, multi-release: {@link Beta}, {@code shared.txt}, the same
 * service file, and {@code mr/Only.txt} only under {@code META-INF/versions/11/}.</li>
 * <li>{@code empty-1.0.jar}: no entries.</li>
 * </ul>
 */
final class TestHubJar {

	static final String SERVICE = "META-INF/services/dk.orghub.Thing";

	private TestHubJar() {
	}

	static Path write(Path folder) throws IOException {
		Map<String, byte[]> alpha = new LinkedHashMap<>();
		alpha.put("META-INF/MANIFEST.MF", manifest(false));
		for (String packageFolder : List.of("dk/", "dk/orghub/", "dk/orghub/launcher/",
				"dk/orghub/launcher/fixture/")) {
			alpha.put(packageFolder, new byte[0]);
		}
		alpha.put(classEntry(Alpha.class), classBytes(Alpha.class));
		alpha.put("shared.txt", text("alpha"));
		alpha.put(SERVICE, text("alpha"));
		alpha.put("db/", new byte[0]);
		alpha.put("db/migration/", new byte[0]);
		alpha.put("db/migration/alpha/", new byte[0]);
		alpha.put("db/migration/alpha/V1__a.sql", text("CREATE TABLE a (id INT);"));
		Map<String, byte[]> beta = new LinkedHashMap<>();
		beta.put("META-INF/MANIFEST.MF", manifest(true));
		beta.put(classEntry(Beta.class), classBytes(Beta.class));
		beta.put("shared.txt", text("beta"));
		beta.put(SERVICE, text("beta"));
		beta.put("META-INF/versions/11/mr/Only.txt", text("eleven"));
		Map<String, byte[]> hub = new LinkedHashMap<>();
		hub.put("META-INF/MANIFEST.MF", hubManifest());
		hub.put("BOOT-INF/", new byte[0]);
		hub.put("BOOT-INF/classes/", new byte[0]);
		hub.put("BOOT-INF/lib/", new byte[0]);
		hub.put("org/springframework/boot/loader/launch/PropertiesLauncher.class", new byte[] { 1, 2, 3 });
		hub.put("BOOT-INF/classes/application.yml", text("hub: {}"));
		hub.put("BOOT-INF/classes/" + classEntry(Beta.class), classBytes(Beta.class));
		hub.put("BOOT-INF/lib/alpha-1.0.jar", zip(alpha, false));
		hub.put("BOOT-INF/lib/beta-2.0.jar", zip(beta, false));
		hub.put("BOOT-INF/lib/empty-1.0.jar", zip(Map.of(), false));
		hub.put("BOOT-INF/classpath.idx", text("- \"BOOT-INF/lib/alpha-1.0.jar\"\n- \"BOOT-INF/lib/beta-2.0.jar\"\n"
				+ "- \"BOOT-INF/lib/empty-1.0.jar\"\n"));
		Path jar = folder.resolve("hub.jar");
		Files.write(jar, zip(hub, true));
		return jar;
	}

	static String classEntry(Class<?> type) {
		return type.getName().replace('.', '/') + ".class";
	}

	static byte[] classBytes(Class<?> type) {
		try (InputStream in = type.getClassLoader().getResourceAsStream(classEntry(type))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] manifest(boolean multiRelease) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, multiRelease ? "beta" : "alpha");
		if (multiRelease) {
			manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		manifest.write(bytes);
		return bytes.toByteArray();
	}

	private static byte[] hubManifest() throws IOException {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.PropertiesLauncher");
		attributes.putValue("Start-Class", "dk.orghub.routes.HubApplication");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		manifest.write(bytes);
		return bytes.toByteArray();
	}

	/**
	 * A zip of the entries in order; nested jars ({@code .jar}) stored when
	 * {@code storeJars}.
	 */
	private static byte[] zip(Map<String, byte[]> entries, boolean storeJars) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				ZipEntry zipEntry = new ZipEntry(entry.getKey());
				if (storeJars && entry.getKey().endsWith(".jar")) {
					CRC32 crc = new CRC32();
					crc.update(entry.getValue());
					zipEntry.setMethod(ZipEntry.STORED);
					zipEntry.setSize(entry.getValue().length);
					zipEntry.setCompressedSize(entry.getValue().length);
					zipEntry.setCrc(crc.getValue());
				}
				out.putNextEntry(zipEntry);
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	static String read(JarFile jar, String name) throws IOException {
		try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
