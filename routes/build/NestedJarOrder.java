import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Puts the nested jars of a repackaged Spring Boot jar ({@code BOOT-INF/lib/}) in the order
 * of a list of artifact names, in place, run by the build after {@code spring-boot:repackage}.
 * <p>
 * {@code java -jar} builds the class path from the order of the nested jars in the jar
 * itself (the launcher reads {@code classpath.idx} only for an extracted jar), and a class
 * is looked up in one nested jar after the other: the jars the start takes most classes from
 * should come first. The list names artifacts without their versions ({@code spring-core}
 * matches {@code spring-core-6.2.12.jar}), one a line, {@code #} starts a comment. Jars the
 * list does not name keep their order after the named ones, so a new dependency never breaks
 * the build; names without a jar are skipped. Every other entry keeps its place, the nested
 * jars stay {@code STORED}, and {@code BOOT-INF/classpath.idx} is written in the new order.
 * <p>
 * Usage: {@code java NestedJarOrder.java <jar> <list>}
 */
public class NestedJarOrder {

	private static final String LIB = "BOOT-INF/lib/";

	private static final String INDEX = "BOOT-INF/classpath.idx";

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: java NestedJarOrder.java <jar> <list>");
		}
		Path jar = Path.of(args[0]);
		List<String> names = readNames(Path.of(args[1]));
		Path ordered = jar.resolveSibling(jar.getFileName() + ".ordered");
		try {
			int named = reorder(jar, names, ordered);
			Files.move(ordered, jar, StandardCopyOption.REPLACE_EXISTING);
			System.out.printf("NestedJarOrder: %d nested jars of %s put first by %s%n", named, jar, args[1]);
		}
		finally {
			Files.deleteIfExists(ordered);
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

	/** Writes {@code jar} to {@code target} with its nested jars in order; returns how many the list placed. */
	static int reorder(Path jar, List<String> names, Path target) throws IOException {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
			List<ZipEntry> libs = entries.stream().filter(NestedJarOrder::isNestedJar).toList();
			Set<ZipEntry> order = new LinkedHashSet<>();
			for (String name : names) {
				libs.stream().filter((lib) -> isArtifact(lib, name)).forEach(order::add);
			}
			int named = order.size();
			order.addAll(libs);
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
				boolean libsWritten = false;
				for (ZipEntry entry : entries) {
					if (!isNestedJar(entry)) {
						copy(zip, entry, out, entry.getName().equals(INDEX) ? index(order) : null);
					}
					else if (!libsWritten) {
						for (ZipEntry lib : order) {
							copy(zip, lib, out, null);
						}
						libsWritten = true;
					}
				}
			}
			return named;
		}
	}

	private static boolean isNestedJar(ZipEntry entry) {
		String name = entry.getName();
		return name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0;
	}

	/** {@code spring-core} is {@code spring-core-6.2.12.jar}, not {@code spring-core-test-...}. */
	private static boolean isArtifact(ZipEntry lib, String name) {
		String file = lib.getName().substring(LIB.length());
		return file.length() > name.length() + 1 && file.startsWith(name + "-")
				&& Character.isDigit(file.charAt(name.length() + 1));
	}

	private static byte[] index(Set<ZipEntry> order) {
		StringBuilder index = new StringBuilder();
		order.forEach((lib) -> index.append("- \"").append(lib.getName()).append("\"\n"));
		return index.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Copies an entry with its method, time and extra fields ({@code content} replaces its bytes). */
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

	private NestedJarOrder() {
	}

}
