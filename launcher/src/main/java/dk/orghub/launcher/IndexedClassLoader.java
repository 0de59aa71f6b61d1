package dk.orghub.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.boot.loader.jar.NestedJarFile;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.nested.Handler;
import org.springframework.boot.loader.net.protocol.nested.NestedLocation;

/**
 * Spring Boot's class loader for the hub's jar, asking only the nested archives whose
 * directory index ({@link ClassPathDirectories}) has the name's directory.
 * <p>
 * {@link java.net.URLClassLoader} asks the class path's archives in turn, and for a
 * nested jar each ask costs a URL, a connection and a failed lookup: a class from the
 * 200th jar costs 199 of them, a class or resource that is not there (a
 * {@code @ConditionalOnClass} probe, a resource bundle) one per jar. Here a class, a
 * resource or the list of a resource's copies is looked up in the archives the index
 * names for its directory, in class path order, and a name no archive has a directory for
 * is answered at once. The result is the same as the plain lookup's: the same archive
 * wins, a resource has the same URL, a class the same code source (the archive's class
 * path URL, no signers, as the plain lookup gives for nested jars). Packages are defined
 * from the archive's manifest by Spring Boot's loader before the class, as without the
 * index; sealing is not checked.
 * <p>
 * The index is used only when it covers the whole class path: the nested archives of the
 * hub's jar it lists, and what {@code loader.path} adds (the adapter folder and its
 * jars), which is listed when the loader is made, so a file added to such a folder later
 * is not seen. With anything else on the class path (an exploded hub, a URL that is not a
 * file) every lookup is the plain one. So are names the index cannot answer exactly:
 * directories ({@code a/b/}) and names with characters a URL would escape.
 */
public class IndexedClassLoader extends LaunchedClassLoader {

	static {
		ClassLoader.registerAsParallelCapable();
	}

	private static final int[] NONE = {};

	/**
	 * Parses {@code nested:} URLs whether or not Spring Boot's handlers are registered.
	 */
	private static final Handler NESTED = new Handler();

	private final URL[] urls;

	private final File rootJar;

	private final String[] archives;

	private final Path[] folders;

	/** The jars of {@code loader.path} (file URLs), opened when the loader is made. */
	private final JarFile[] plainJars;

	/**
	 * What a resource's URL is relative to: the entry's URL, or {@code jar:<url>!/} for a
	 * plain jar.
	 */
	private final URL[] bases;

	private final CodeSource[] codeSources;

	private final AtomicReferenceArray<NestedJarFile> jarFiles;

	/**
	 * Class path positions by directory, or null when the index does not cover the class
	 * path.
	 */
	private final Map<String, int[]> positions;

	/**
	 * Class path positions by folder they have (a directory with files, or a parent of
	 * one): a name may be a folder ({@code db/migration} for Flyway).
	 */
	private final Map<String, int[]> folderPositions = new HashMap<>();

	/**
	 * @param directories the index of {@code rootJar}, or null when it has none
	 * @param rootJar the hub's jar, whose nested archives the index describes
	 */
	public IndexedClassLoader(boolean exploded, Archive rootArchive, URL[] urls, ClassLoader parent,
			ClassPathDirectories directories, File rootJar) {
		super(exploded, rootArchive, urls, parent);
		this.urls = urls.clone();
		this.rootJar = rootJar;
		this.archives = new String[urls.length];
		this.folders = new Path[urls.length];
		this.plainJars = new JarFile[urls.length];
		this.bases = urls.clone();
		this.codeSources = new CodeSource[urls.length];
		this.jarFiles = new AtomicReferenceArray<>(urls.length);
		this.positions = (directories != null && rootJar != null) ? index(directories) : null;
	}

	/** Whether lookups use the index (false: every lookup is the plain one). */
	public boolean isIndexed() {
		return this.positions != null;
	}

	private Map<String, int[]> index(ClassPathDirectories directories) {
		Path root = this.rootJar.toPath().toAbsolutePath().normalize();
		Map<String, List<Integer>> files = new HashMap<>();
		Map<String, List<Integer>> folderEntries = new HashMap<>();
		for (int position = 0; position < this.urls.length; position++) {
			Collection<String> entryDirectories = directoriesOf(position, directories, root);
			if (entryDirectories == null) {
				return null;
			}
			this.codeSources[position] = new CodeSource(this.urls[position], (CodeSigner[]) null);
			for (String directory : entryDirectories) {
				files.computeIfAbsent(directory, (key) -> new ArrayList<>()).add(position);
				for (String folder = directory; !folder.isEmpty(); folder = ClassPathDirectories.directoryOf(folder)) {
					List<Integer> list = folderEntries.computeIfAbsent(folder, (key) -> new ArrayList<>());
					if (!list.isEmpty() && list.get(list.size() - 1) == position) {
						break;
					}
					list.add(position);
				}
			}
		}
		folderEntries.forEach((folder, list) -> this.folderPositions.put(folder, toArray(list)));
		Map<String, int[]> index = new HashMap<>(files.size() * 2);
		files.forEach((directory, list) -> index.put(directory, toArray(list)));
		return index;
	}

	private static int[] toArray(List<Integer> positions) {
		return positions.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * The directories of a class path entry: a nested archive's from the index, a
	 * folder's ({@code loader.path}, e.g. the adapter folder itself) from a walk now;
	 * null for anything else (a jar of {@code loader.path}).
	 */
	private Collection<String> directoriesOf(int position, ClassPathDirectories directories, Path root) {
		URL url = this.urls[position];
		String archive = nestedArchive(url, root);
		if (archive != null) {
			this.archives[position] = archive;
			return directories.directories(archive);
		}
		if (!"file".equals(url.getProtocol())) {
			return null;
		}
		try {
			if (!url.getPath().endsWith("/")) {
				return plainJarDirectories(position);
			}
			Path folder = Path.of(url.toURI());
			ClassPathDirectories walked = ClassPathDirectories.empty();
			walked.addArchive(url.toString());
			try (Stream<Path> files = Files.walk(folder)) {
				files.filter((file) -> !file.equals(folder))
					.forEach((file) -> walked.add(url.toString(),
							folder.relativize(file).toString().replace(File.separatorChar, '/')));
			}
			this.folders[position] = folder;
			return walked.directories(url.toString());
		}
		catch (IOException | URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	private Collection<String> plainJarDirectories(int position) throws IOException, URISyntaxException {
		URL url = this.urls[position];
		JarFile jar = new JarFile(new File(url.toURI()), true, ZipFile.OPEN_READ, JarFile.runtimeVersion());
		this.plainJars[position] = jar;
		this.bases[position] = new URL("jar:" + url + "!/");
		ClassPathDirectories listed = ClassPathDirectories.empty();
		listed.addArchive(url.toString());
		jar.stream().forEach((entry) -> listed.add(url.toString(), entry.getName()));
		return listed.directories(url.toString());
	}

	/**
	 * {@code BOOT-INF/lib/x.jar} for
	 * {@code jar:nested:/path/hub.jar/!BOOT-INF/lib/x.jar!/} of the hub's jar, else null.
	 */
	static String nestedArchive(URL url, Path rootJar) {
		String file = url.getFile();
		if (!"jar".equals(url.getProtocol()) || !file.startsWith("nested:") || !file.endsWith("!/")) {
			return null;
		}
		try {
			URL nested = new URL(null, file.substring(0, file.length() - 2), NESTED);
			NestedLocation location = NestedLocation.fromUrl(nested);
			boolean inRoot = location.path().toAbsolutePath().normalize().equals(rootJar);
			return (inRoot && location.nestedEntryName() != null) ? location.nestedEntryName() : null;
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (this.positions != null) {
			definePackageFromIndex(name);
		}
		return super.loadClass(name, resolve);
	}

	/**
	 * Defines a class's package from the manifest of the first nested jar that has the
	 * class and an entry for the package, before Spring Boot's loader would look for that
	 * jar in every class path entry in turn (it then finds the package defined). A
	 * package no candidate can define is left to Spring Boot's loader.
	 */
	private void definePackageFromIndex(String className) {
		int dot = className.lastIndexOf('.');
		if (dot <= 0 || className.startsWith("java.") || getDefinedPackage(className.substring(0, dot)) != null) {
			return;
		}
		String path = className.replace('.', '/').concat(".class");
		int[] candidates = candidates(path);
		if (candidates == null) {
			return;
		}
		String packageEntry = path.substring(0, path.lastIndexOf('/') + 1);
		for (int position : candidates) {
			if (this.archives[position] == null) {
				continue;
			}
			try {
				NestedJarFile jar = jarFile(position);
				Manifest manifest = (jar.hasEntry(path) && jar.hasEntry(packageEntry)) ? jar.getManifest() : null;
				if (manifest != null) {
					definePackage(className.substring(0, dot), manifest, this.urls[position]);
					return;
				}
			}
			catch (IOException ex) {
				// as Spring Boot's loader: try the next
			}
			catch (IllegalArgumentException ex) {
				return;
			}
		}
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		String path = name.replace('.', '/').concat(".class");
		int[] candidates = candidates(path);
		if (candidates == null) {
			return super.findClass(name);
		}
		try {
			for (int position : candidates) {
				Class<?> found = (this.plainJars[position] != null) ? defineFromPlainJar(position, name, path)
						: define(position, name, path);
				if (found != null) {
					return found;
				}
			}
		}
		catch (IOException ex) {
			throw new ClassNotFoundException(name, ex);
		}
		throw new ClassNotFoundException(name);
	}

	@Override
	public URL findResource(String name) {
		int[] candidates = candidates(name);
		if (candidates == null) {
			return super.findResource(name);
		}
		try {
			for (int position : candidates) {
				if (has(position, name)) {
					return new URL(this.bases[position], name);
				}
			}
			return null;
		}
		catch (IOException ex) {
			return super.findResource(name);
		}
	}

	@Override
	public Enumeration<URL> findResources(String name) throws IOException {
		int[] candidates = candidates(name);
		if (candidates == null) {
			return super.findResources(name);
		}
		List<URL> found = new ArrayList<>();
		for (int position : candidates) {
			if (has(position, name)) {
				found.add(new URL(this.bases[position], name));
			}
		}
		return Collections.enumeration(found);
	}

	/**
	 * Whether the class path entry has the name (a file, or a folder where it has folder
	 * entries).
	 */
	private boolean has(int position, String name) throws IOException {
		if (this.folders[position] != null) {
			return Files.exists(this.folders[position].resolve(name));
		}
		JarFile jar = (this.plainJars[position] != null) ? this.plainJars[position] : jarFile(position);
		return jar.getEntry(name) != null;
	}

	/**
	 * A class from a nested archive or a folder (its package defined by Spring Boot's
	 * loader), or null.
	 */
	private Class<?> define(int position, String name, String path) throws IOException {
		byte[] bytes = read(position, path);
		return (bytes != null) ? defineClass(name, bytes, 0, bytes.length, this.codeSources[position]) : null;
	}

	/**
	 * A class from a jar of {@code loader.path}, as {@link java.net.URLClassLoader}
	 * defines it: its package from the jar's manifest, its code source with the entry's
	 * signers.
	 */
	private Class<?> defineFromPlainJar(int position, String name, String path) throws IOException {
		JarFile jar = this.plainJars[position];
		JarEntry entry = jar.getJarEntry(path);
		if (entry == null) {
			return null;
		}
		byte[] bytes;
		try (InputStream in = jar.getInputStream(entry)) {
			bytes = in.readAllBytes();
		}
		int dot = name.lastIndexOf('.');
		if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
			definePackage(name.substring(0, dot), jar.getManifest(), position);
		}
		CodeSigner[] signers = entry.getCodeSigners();
		CodeSource source = (signers != null) ? new CodeSource(this.urls[position], signers)
				: this.codeSources[position];
		return defineClass(name, bytes, 0, bytes.length, source);
	}

	private void definePackage(String packageName, Manifest manifest, int position) {
		try {
			if (manifest != null) {
				definePackage(packageName, manifest, this.urls[position]);
			}
			else {
				definePackage(packageName, null, null, null, null, null, null, null);
			}
		}
		catch (IllegalArgumentException ex) {
			// defined by another thread meanwhile
		}
	}

	/**
	 * The bytes of a file of a nested archive or a folder, or null when it has none of
	 * that name.
	 */
	private byte[] read(int position, String name) throws IOException {
		Path folder = this.folders[position];
		if (folder != null) {
			Path file = folder.resolve(name);
			return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
		}
		JarFile jar = jarFile(position);
		ZipEntry entry = jar.getEntry(name);
		if (entry == null) {
			return null;
		}
		try (InputStream in = jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	/**
	 * The positions of the archives that may have the name, in class path order; null
	 * when the index cannot tell.
	 */
	private int[] candidates(String name) {
		if (this.positions == null || !isPlain(name)) {
			return null;
		}
		int[] files = this.positions.getOrDefault(ClassPathDirectories.directoryOf(name), NONE);
		int[] folder = this.folderPositions.getOrDefault(name, NONE);
		return (folder.length == 0) ? files : union(files, folder);
	}

	/** The positions of both sorted arrays, sorted, each once. */
	static int[] union(int[] first, int[] second) {
		int[] union = new int[first.length + second.length];
		int size = 0;
		int i = 0;
		int j = 0;
		while (i < first.length || j < second.length) {
			int next = (j == second.length || (i < first.length && first[i] <= second[j])) ? first[i] : second[j];
			if (i < first.length && first[i] == next) {
				i++;
			}
			if (j < second.length && second[j] == next) {
				j++;
			}
			union[size++] = next;
		}
		return Arrays.copyOf(union, size);
	}

	/**
	 * Whether a name is a file's path a URL carries as it is: letters, digits and
	 * {@code . _ - $ /}, not starting or ending with {@code /}, no empty, {@code .} or
	 * {@code ..} segment.
	 */
	static boolean isPlain(String name) {
		int length = name.length();
		if (length == 0 || name.charAt(0) == '/' || name.charAt(length - 1) == '/') {
			return false;
		}
		int segment = 0;
		for (int i = 0; i <= length; i++) {
			char c = (i < length) ? name.charAt(i) : '/';
			if (c == '/') {
				if (isEmptyOrDots(name, segment, i)) {
					return false;
				}
				segment = i + 1;
			}
			else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
					|| c == '-' || c == '$')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether {@code name}'s segment from {@code start} to {@code end} is empty,
	 * {@code .} or {@code ..}.
	 */
	private static boolean isEmptyOrDots(String name, int start, int end) {
		int length = end - start;
		for (int i = start; i < end; i++) {
			if (name.charAt(i) != '.') {
				return false;
			}
		}
		return length <= 2;
	}

	private NestedJarFile jarFile(int position) throws IOException {
		NestedJarFile jar = this.jarFiles.get(position);
		if (jar == null) {
			NestedJarFile opened = new NestedJarFile(this.rootJar, this.archives[position], JarFile.runtimeVersion());
			if (this.jarFiles.compareAndSet(position, null, opened)) {
				jar = opened;
			}
			else {
				opened.close();
				jar = this.jarFiles.get(position);
			}
		}
		return jar;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " (" + this.urls.length + " entries, " + (isIndexed()
				? "looked up by the jar's directory index)" : "looked up one after the other: not all in the index)");
	}

	@Override
	public void close() throws IOException {
		try {
			super.close();
		}
		finally {
			for (int position = 0; position < this.jarFiles.length(); position++) {
				NestedJarFile jar = this.jarFiles.getAndSet(position, null);
				if (jar != null) {
					jar.close();
				}
				if (this.plainJars[position] != null) {
					this.plainJars[position].close();
				}
			}
		}
	}

}
