package dk.orghub.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which directories hold files, per class path archive of the hub's jar: the index the
 * build writes into the jar ({@value #ENTRY}) and {@link IndexedClassLoader} reads, so
 * that a lookup asks only the archives that can have the name.
 * <p>
 * The format is text in UTF-8: a line that does not start with a space names an archive
 * by its entry in the hub's jar ({@code BOOT-INF/classes/},
 * {@code BOOT-INF/lib/h2-2.3.232.jar}); the lines under it, each starting with one space,
 * name the directories that hold at least one of its files ({@code org/h2/util}),
 * {@code /} for the archive's root. Lines starting with {@code #} are comments. A
 * directory may be listed for an archive that turns out not to have a name in it (the
 * loader checks the entry); a directory missing from an archive's list would hide its
 * files, so the writer lists every directory of every file, and the directories of a
 * multi-release jar's versioned files ({@code META-INF/versions/11/a/B.class} counts for
 * {@code a}). A directory that holds only folders is not listed: the loader takes every
 * listed directory's parents as folders the archive has.
 */
public final class ClassPathDirectories {

	/** The index's entry in the hub's jar. */
	public static final String ENTRY = "BOOT-INF/classpath-directories.idx";

	private static final String ROOT = "/";

	private static final String VERSIONS = "META-INF/versions/";

	private final Map<String, Set<String>> byArchive;

	private ClassPathDirectories(Map<String, Set<String>> byArchive) {
		this.byArchive = byArchive;
	}

	/** An empty index to fill with {@link #add}. */
	public static ClassPathDirectories empty() {
		return new ClassPathDirectories(new LinkedHashMap<>());
	}

	/**
	 * Reads an index in the format above; throws on a directory line before any archive
	 * line.
	 */
	public static ClassPathDirectories read(InputStream in) throws IOException {
		Map<String, Set<String>> byArchive = new LinkedHashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		Set<String> current = null;
		int number = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			number++;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.charAt(0) == ' ') {
				if (current == null) {
					throw new IOException("line " + number + ": a directory before any archive");
				}
				String directory = line.substring(1);
				current.add(directory.equals(ROOT) ? "" : directory);
			}
			else {
				current = byArchive.computeIfAbsent(line, (archive) -> new TreeSet<>());
			}
		}
		return new ClassPathDirectories(byArchive);
	}

	/** Adds an archive (with no directories until {@link #add} gives it some). */
	public void addArchive(String archive) {
		this.byArchive.computeIfAbsent(archive, (key) -> new TreeSet<>());
	}

	/**
	 * Adds the directory of a file of an archive ({@code name} as in the archive, e.g.
	 * {@code org/h2/Driver.class}); directory entries (ending with {@code /}) are
	 * ignored.
	 */
	public void add(String archive, String name) {
		addArchive(archive);
		if (name.endsWith("/")) {
			return;
		}
		Set<String> directories = this.byArchive.get(archive);
		directories.add(directoryOf(name));
		if (name.startsWith(VERSIONS)) {
			int slash = name.indexOf('/', VERSIONS.length());
			if (slash > 0) {
				directories.add(directoryOf(name.substring(slash + 1)));
			}
		}
	}

	/**
	 * The directories of an archive's files ({@code ""} for its root), or null when the
	 * index does not know the archive.
	 */
	public Collection<String> directories(String archive) {
		return this.byArchive.get(archive);
	}

	public void write(Writer out) throws IOException {
		out.write("# Directories holding files, per class path archive of the hub's jar (written at package,\n");
		out.write("# read by dk.orghub.launcher.IndexedClassLoader). An archive, then its directories.\n");
		for (Map.Entry<String, Set<String>> archive : this.byArchive.entrySet()) {
			out.write(archive.getKey());
			out.write('\n');
			for (String directory : archive.getValue()) {
				out.write(' ');
				out.write(directory.isEmpty() ? ROOT : directory);
				out.write('\n');
			}
		}
		out.flush();
	}

	/** {@code a/b/C.class} is in {@code a/b}, {@code x.properties} in {@code ""}. */
	public static String directoryOf(String name) {
		int slash = name.lastIndexOf('/');
		return (slash < 0) ? "" : name.substring(0, slash);
	}

}
