package dk.orghub.launcher.build;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import dk.orghub.launcher.ClassPathDirectories;
import dk.orghub.launcher.HubLauncher;

/**
 * Finishes the hub's jar after {@code spring-boot:repackage}, in place, in one pass:
 * <ul>
 * <li>puts the nested jars ({@code BOOT-INF/lib/}) in the order of a list of artifact
 * names and writes {@code BOOT-INF/classpath.idx} in that order: {@code java -jar} builds
 * the class path from the order of the nested jars in the jar itself, so the jars the
 * start takes most classes from come first. The list names artifacts without versions
 * ({@code spring-core} is {@code spring-core-6.2.12.jar}), one a line, {@code #} starts a
 * comment; jars it does not name keep their order after the named ones, names without a
 * jar are skipped;</li>
 * <li>writes the directory index of {@code BOOT-INF/classes/} and every nested jar
 * ({@link ClassPathDirectories#ENTRY});</li>
 * <li>adds the launcher's classes ({@code dk/orghub/launcher/*.class}) at the jar's root
 * and makes {@link HubLauncher} the {@code Main-Class}.</li>
 * </ul>
 * Every other entry keeps its place, method and bytes; the nested jars stay
 * {@code STORED}.
 * <p>
 * Usage:
 * {@code java -cp <launcher jar> dk.orghub.launcher.build.HubJarPackager <jar> <list>}
 */
public final class HubJarPackager {

	private static final String LIB = "BOOT-INF/lib/";

	private static final String CLASSES = "BOOT-INF/classes/";

	private static final String CLASSPATH_INDEX = "BOOT-INF/classpath.idx";

	/**
	 * {@link HubLauncher}, named so that this class runs without Spring Boot's loader on
	 * its class path.
	 */
	static final String MAIN_CLASS = "dk.orghub.launcher.HubLauncher";

	private static final String LAUNCHER_PACKAGE = "dk/orghub/launcher/";

	public static void main(String[] args) throws IOException, URISyntaxException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: HubJarPackager <jar> <list>");
		}
		Path jar = Path.of(args[0]);
		int named = pack(jar, readNames(Path.of(args[1])));
		System.out.printf("HubJarPackager: %s with %s as Main-Class, its directory index, and %d nested jars put"
				+ " first by %s%n", jar, MAIN_CLASS, named, args[1]);
	}

	/** Finishes {@code jar} in place; returns how many nested jars the list placed. */
	public static int pack(Path jar, List<String> names) throws IOException, URISyntaxException {
		Path packed = jar.resolveSibling(jar.getFileName() + ".packed");
		try {
			int named = pack(jar, names, launcherClasses(), packed);
			Files.move(packed, jar, StandardCopyOption.REPLACE_EXISTING);
			return named;
		}
		finally {
			Files.deleteIfExists(packed);
		}
	}

	static List<String> readNames(Path list) throws IOException {
		List<String> names = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				int comment = line.indexOf('#');
				String name = ((comment < 0) ? line : line.substring(0, comment)).strip();
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		return names;
	}

	static int pack(Path jar, List<String> names, Map<String, byte[]> launcherClasses, Path target) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
			List<ZipEntry> libs = entries.stream().filter(HubJarPackager::isNestedJar).toList();
			Set<ZipEntry> order = new LinkedHashSet<>();
			for (String name : names) {
				libs.stream().filter((lib) -> isArtifact(lib, name)).forEach(order::add);
			}
			int named = order.size();
			order.addAll(libs);
			byte[] directories = directories(zip, entries, order);
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
				boolean libsWritten = false;
				for (ZipEntry entry : entries) {
					String name = entry.getName();
					if (isNestedJar(entry)) {
						if (!libsWritten) {
							for (ZipEntry lib : order) {
								copy(zip, lib, out, null);
							}
							libsWritten = true;
						}
					}
					else if (name.equals(JarFile.MANIFEST_NAME)) {
						copy(zip, entry, out, manifest(zip, entry));
					}
					else if (name.equals(CLASSPATH_INDEX)) {
						copy(zip, entry, out, classpathIndex(order));
						write(out, ClassPathDirectories.ENTRY, directories);
					}
					else if (!launcherClasses.containsKey(name) && !name.equals(ClassPathDirectories.ENTRY)) {
						copy(zip, entry, out, null);
					}
				}
				for (Map.Entry<String, byte[]> launcherClass : launcherClasses.entrySet()) {
					write(out, launcherClass.getKey(), launcherClass.getValue());
				}
			}
			return named;
		}
	}

	private static boolean isNestedJar(ZipEntry entry) {
		String name = entry.getName();
		return name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0;
	}

	/**
	 * {@code spring-core} is {@code spring-core-6.2.12.jar}, not
	 * {@code spring-core-test-...}.
	 */
	private static boolean isArtifact(ZipEntry lib, String name) {
		String file = lib.getName().substring(LIB.length());
		return file.length() > name.length() + 1 && file.startsWith(name + "-")
				&& Character.isDigit(file.charAt(name.length() + 1));
	}

	private static byte[] classpathIndex(Set<ZipEntry> order) {
		StringBuilder index = new StringBuilder();
		order.forEach((lib) -> index.append("- \"").append(lib.getName()).append("\"\n"));
		return index.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] manifest(ZipFile zip, ZipEntry entry) throws IOException {
		Manifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = new Manifest(in);
		}
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		manifest.write(bytes);
		return bytes.toByteArray();
	}

	/**
	 * The index of {@code BOOT-INF/classes/} and the nested jars, in class path order.
	 */
	private static byte[] directories(ZipFile zip, List<ZipEntry> entries, Set<ZipEntry> libs) throws IOException {
		ClassPathDirectories index = ClassPathDirectories.empty();
		for (ZipEntry entry : entries) {
			if (entry.getName().startsWith(CLASSES) && entry.getName().length() > CLASSES.length()) {
				index.add(CLASSES, entry.getName().substring(CLASSES.length()));
			}
		}
		Path copy = Files.createTempFile("orghub-nested", ".jar");
		try {
			for (ZipEntry lib : libs) {
				try (InputStream in = zip.getInputStream(lib)) {
					Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
				}
				try (ZipFile nested = new ZipFile(copy.toFile())) {
					index.addArchive(lib.getName());
					Collections.list(nested.entries()).forEach((entry) -> index.add(lib.getName(), entry.getName()));
				}
			}
		}
		finally {
			Files.deleteIfExists(copy);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			index.write(writer);
		}
		return bytes.toByteArray();
	}

	/**
	 * The launcher's runtime classes by entry name, from wherever this class was loaded
	 * (a jar or a folder).
	 */
	static Map<String, byte[]> launcherClasses() throws IOException, URISyntaxException {
		Path source = Path.of(HubJarPackager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Map<String, byte[]> classes = new LinkedHashMap<>();
		if (Files.isDirectory(source)) {
			try (Stream<Path> files = Files.list(source.resolve(LAUNCHER_PACKAGE))) {
				for (Path file : files.sorted().toList()) {
					String name = LAUNCHER_PACKAGE + file.getFileName();
					if (isLauncherClass(name)) {
						classes.put(name, Files.readAllBytes(file));
					}
				}
			}
		}
		else {
			try (ZipFile jar = new ZipFile(source.toFile())) {
				for (ZipEntry entry : Collections.list(jar.entries())) {
					if (isLauncherClass(entry.getName())) {
						try (InputStream in = jar.getInputStream(entry)) {
							classes.put(entry.getName(), in.readAllBytes());
						}
					}
				}
			}
		}
		if (!classes.containsKey(MAIN_CLASS.replace('.', '/') + ".class")) {
			throw new IOException("no launcher classes in " + source);
		}
		return classes;
	}

	/** A class of the launcher's package itself, not of this build package. */
	private static boolean isLauncherClass(String name) {
		return name.startsWith(LAUNCHER_PACKAGE) && name.endsWith(".class")
				&& name.indexOf('/', LAUNCHER_PACKAGE.length()) < 0;
	}

	private static void write(ZipOutputStream out, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		out.putNextEntry(entry);
		out.write(content);
		out.closeEntry();
	}

	/**
	 * Copies an entry with its method, time and extra fields ({@code content} replaces
	 * its bytes).
	 */
	private static void copy(ZipFile zip, ZipEntry entry, ZipOutputStream out, byte[] content) throws IOException {
		ZipEntry copy = new ZipEntry(entry);
		if (content != null) {
			CRC32 crc = new CRC32();
			crc.update(content);
			copy.setSize(content.length);
			copy.setCrc(crc.getValue());
		}
		if (copy.getMethod() == ZipEntry.STORED) {
			copy.setCompressedSize(copy.getSize());
		}
		else {
			copy.setCompressedSize(-1);
		}
		out.putNextEntry(copy);
		if (content != null) {
			out.write(content);
		}
		else {
			try (InputStream in = zip.getInputStream(entry)) {
				in.transferTo(out);
			}
		}
		out.closeEntry();
	}

	private HubJarPackager() {
	}

}
