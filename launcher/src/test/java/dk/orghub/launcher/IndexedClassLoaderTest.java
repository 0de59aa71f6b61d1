package dk.orghub.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import dk.orghub.launcher.build.HubJarPackager;
import dk.orghub.launcher.fixture.Alpha;
import dk.orghub.launcher.fixture.Beta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.Handlers;
import org.springframework.boot.loader.net.protocol.jar.JarUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The indexed loader answers as Spring Boot's plain one over the same class path: each
 * name below is asked of both, on a hub jar packed by {@link HubJarPackager}.
 */
class IndexedClassLoaderTest {

	private static final List<String> RESOURCES = List.of("shared.txt", "application.yml", TestHubJar.SERVICE,
			"db/migration/alpha/V1__a.sql", "db/migration/alpha", "db/migration", "db", "db/migration/alpha/",
			"META-INF", "META-INF/services", "dk/orghub/launcher", "mr/Only.txt", "META-INF/MANIFEST.MF",
			TestHubJar.classEntry(Alpha.class), TestHubJar.classEntry(Beta.class), "nothing/here.txt",
			"db/migration/beta/V1__b.sql", "missing.txt", "a b.txt", "/shared.txt", "db//migration/alpha/V1__a.sql",
			"db/../shared.txt", "");

	@TempDir
	Path folder;

	private Path jar;

	private URL[] urls;

	private LaunchedClassLoader plain;

	private IndexedClassLoader indexed;

	@BeforeAll
	static void registerSpringBootsUrlHandlers() {
		Handlers.register();
	}

	@BeforeEach
	void packAHubJar() throws IOException, URISyntaxException {
		this.jar = TestHubJar.write(this.folder);
		HubJarPackager.pack(this.jar, List.of("beta"));
		this.urls = new URL[] { JarUrl.create(this.jar.toFile(), "BOOT-INF/classes/"),
				JarUrl.create(this.jar.toFile(), "BOOT-INF/lib/beta-2.0.jar"),
				JarUrl.create(this.jar.toFile(), "BOOT-INF/lib/alpha-1.0.jar"),
				JarUrl.create(this.jar.toFile(), "BOOT-INF/lib/empty-1.0.jar") };
		this.plain = new LaunchedClassLoader(false, null, this.urls, ClassLoader.getPlatformClassLoader());
		this.indexed = new IndexedClassLoader(false, null, this.urls, ClassLoader.getPlatformClassLoader(),
				directories(this.jar), this.jar.toFile());
	}

	@AfterEach
	void close() throws IOException {
		this.plain.close();
		this.indexed.close();
	}

	@Test
	void usesTheIndexWhenItCoversTheClassPath() {
		assertThat(this.indexed.isIndexed()).isTrue();
		assertThat(this.indexed).hasToString("IndexedClassLoader (4 entries, looked up by the jar's directory index)");
	}

	@Test
	void findsTheSameResourceAsThePlainLoader() {
		for (String name : RESOURCES) {
			assertThat(text(this.indexed.findResource(name))).as(name).isEqualTo(text(this.plain.findResource(name)));
		}
		assertThat(this.indexed.findResource("shared.txt").toString()).endsWith("beta-2.0.jar!/shared.txt");
		assertThat(this.indexed.findResource("db/migration/alpha/V1__a.sql")).isNotNull();
		assertThat(this.indexed.findResource("missing.txt")).isNull();
	}

	@Test
	void findsTheSameCopiesOfAResourceInTheSameOrder() throws IOException {
		for (String name : RESOURCES) {
			assertThat(texts(this.indexed.getResources(name))).as(name).isEqualTo(texts(this.plain.getResources(name)));
		}
		assertThat(texts(this.indexed.getResources(TestHubJar.SERVICE))).hasSize(2);
	}

	@Test
	void loadsAClassFromTheFirstArchiveThatHasItWithTheSameCodeSource() throws ClassNotFoundException {
		for (Class<?> type : List.of(Alpha.class, Beta.class)) {
			Class<?> fromIndexed = this.indexed.loadClass(type.getName());
			Class<?> fromPlain = this.plain.loadClass(type.getName());
			assertThat(fromIndexed.getClassLoader()).isSameAs(this.indexed);
			assertThat(fromIndexed).isNotSameAs(type);
			assertThat(fromIndexed.getProtectionDomain().getCodeSource().getLocation())
				.isEqualTo(fromPlain.getProtectionDomain().getCodeSource().getLocation());
			assertThat(fromIndexed.getPackage().getName()).isEqualTo(type.getPackageName());
			assertThat(fromIndexed.getPackage().getImplementationTitle()).as("from the manifest of the class's jar")
				.isEqualTo(fromPlain.getPackage().getImplementationTitle());
		}
		assertThat(this.indexed.loadClass(Beta.class.getName()).getProtectionDomain().getCodeSource().getLocation())
			.hasToString(this.urls[0].toString());
	}

	@Test
	void definesAPackageFromTheManifestOfTheJarThatHasTheClass() throws ClassNotFoundException {
		assertThat(this.indexed.loadClass(Alpha.class.getName()).getPackage().getImplementationTitle())
			.isEqualTo("alpha");
	}

	@Test
	void aClassNoArchiveHasIsNotFound() {
		for (String name : List.of("dk.orghub.launcher.fixture.Gamma", "no.such.Thing", "Toplevel",
				"dk.orghub.launcher.fixture.Alpha$Inner")) {
			assertThatExceptionOfType(ClassNotFoundException.class).as(name)
				.isThrownBy(() -> this.indexed.loadClass(name));
			assertThatExceptionOfType(ClassNotFoundException.class).as(name)
				.isThrownBy(() -> this.plain.loadClass(name));
		}
	}

	@Test
	void aFolderOnTheClassPathIsWalkedIntoTheIndex() throws IOException, ClassNotFoundException {
		Path folder = Files.createDirectories(this.folder.resolve("adapter-jars"));
		Files.writeString(folder.resolve("shared.txt"), "folder");
		Files.createDirectories(folder.resolve("db/migration/alpha"));
		Files.writeString(folder.resolve("db/migration/alpha/V2__b.sql"), "folder");
		URL[] withFolder = withFirst(folder.toUri().toURL());
		try (IndexedClassLoader loader = new IndexedClassLoader(false, null, withFolder,
				ClassLoader.getPlatformClassLoader(), directories(this.jar), this.jar.toFile());
				LaunchedClassLoader plain = new LaunchedClassLoader(false, null, withFolder,
						ClassLoader.getPlatformClassLoader())) {
			assertThat(loader.isIndexed()).isTrue();
			for (String name : List.of("shared.txt", "db/migration/alpha", "db/migration/alpha/V2__b.sql",
					"db/migration/alpha/V1__a.sql", "missing.txt")) {
				assertThat(text(loader.findResource(name))).as(name).isEqualTo(text(plain.findResource(name)));
				assertThat(texts(loader.getResources(name))).as(name).isEqualTo(texts(plain.getResources(name)));
			}
			assertThat(text(loader.findResource("shared.txt"))).endsWith("adapter-jars/shared.txt folder");
			assertThat(loader.loadClass(Alpha.class.getName()).getClassLoader()).isSameAs(loader);
		}
	}

	@Test
	void aJarOfTheLoaderPathIsListedIntoTheIndex() throws IOException, ClassNotFoundException {
		Path adapter = this.folder.resolve("adapter.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_TITLE, "dropped adapter");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(adapter), manifest)) {
			out.putNextEntry(new JarEntry("shared.txt"));
			out.write("adapter".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new JarEntry(TestHubJar.classEntry(Alpha.class)));
			out.write(TestHubJar.classBytes(Alpha.class));
			out.closeEntry();
		}
		URL[] withJar = withFirst(adapter.toUri().toURL());
		try (IndexedClassLoader loader = new IndexedClassLoader(false, null, withJar,
				ClassLoader.getPlatformClassLoader(), directories(this.jar), this.jar.toFile());
				LaunchedClassLoader plain = new LaunchedClassLoader(false, null, withJar,
						ClassLoader.getPlatformClassLoader())) {
			assertThat(loader.isIndexed()).isTrue();
			for (String name : RESOURCES) {
				assertThat(text(loader.findResource(name))).as(name).isEqualTo(text(plain.findResource(name)));
				assertThat(texts(loader.getResources(name))).as(name).isEqualTo(texts(plain.getResources(name)));
			}
			assertThat(text(loader.findResource("shared.txt"))).endsWith("adapter.jar!/shared.txt adapter");
			Class<?> alpha = loader.loadClass(Alpha.class.getName());
			Class<?> plainAlpha = plain.loadClass(Alpha.class.getName());
			assertThat(alpha.getProtectionDomain().getCodeSource().getLocation())
				.isEqualTo(plainAlpha.getProtectionDomain().getCodeSource().getLocation())
				.isEqualTo(adapter.toUri().toURL());
			// as Spring Boot's loader: a nested jar with the class and its package folder
			// defines the package before the class is found in the adapter jar
			assertThat(alpha.getPackage().getImplementationTitle())
				.isEqualTo(plainAlpha.getPackage().getImplementationTitle())
				.isEqualTo("alpha");
		}
	}

	@Test
	void aClassPathEntryItCannotListTurnsTheIndexOff() throws IOException, ClassNotFoundException {
		URL missing = this.folder.resolve("missing.jar").toUri().toURL();
		try (IndexedClassLoader loader = new IndexedClassLoader(false, null, withFirst(missing),
				ClassLoader.getPlatformClassLoader(), directories(this.jar), this.jar.toFile())) {
			assertThat(loader.isIndexed()).isFalse();
			assertThat(loader)
				.hasToString("IndexedClassLoader (5 entries, looked up one after the other: not all in the index)");
			assertThat(text(loader.findResource("shared.txt"))).endsWith("beta-2.0.jar!/shared.txt beta");
			assertThat(loader.loadClass(Alpha.class.getName()).getClassLoader()).isSameAs(loader);
		}
	}

	@Test
	void anotherJarsNestedArchiveIsNotCovered() throws IOException, URISyntaxException {
		Path other = Files.createDirectories(this.folder.resolve("other"));
		Path otherJar = TestHubJar.write(other);
		HubJarPackager.pack(otherJar, List.of());
		URL[] mixed = this.urls.clone();
		mixed[2] = JarUrl.create(otherJar.toFile(), "BOOT-INF/lib/alpha-1.0.jar");
		try (IndexedClassLoader loader = new IndexedClassLoader(false, null, mixed,
				ClassLoader.getPlatformClassLoader(), directories(this.jar), this.jar.toFile())) {
			assertThat(loader.isIndexed()).isFalse();
		}
	}

	@Test
	void onlyPlainNamesAreAnsweredFromTheIndex() {
		assertThat(IndexedClassLoader.isPlain("org/h2/Driver.class")).isTrue();
		assertThat(IndexedClassLoader.isPlain("a/B$1.class")).isTrue();
		assertThat(IndexedClassLoader.isPlain("x.properties")).isTrue();
		assertThat(IndexedClassLoader.isPlain(".hidden/...x/.../a..b")).isTrue();
		for (String name : List.of("", "/a", "a/", "a//b", "./a", "a/./b", "a/../b", "..", ".", "a/..", "a/.", "../a",
				"a b", "a%20b", "æ.txt", "a\\b", "a?b", "a#b")) {
			assertThat(IndexedClassLoader.isPlain(name)).as(name).isFalse();
		}
	}

	@Test
	void mergesTheArchivesOfAFileAndOfAFolderByThatName() {
		assertThat(IndexedClassLoader.union(new int[] { 0, 2, 5 }, new int[] { 1, 2, 7 })).containsExactly(0, 1, 2, 5,
				7);
		assertThat(IndexedClassLoader.union(new int[] {}, new int[] { 3 })).containsExactly(3);
		assertThat(IndexedClassLoader.union(new int[] { 4 }, new int[] {})).containsExactly(4);
	}

	private URL[] withFirst(URL first) {
		URL[] urls = new URL[this.urls.length + 1];
		urls[0] = first;
		System.arraycopy(this.urls, 0, urls, 1, this.urls.length);
		return urls;
	}

	private static ClassPathDirectories directories(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile());
				InputStream in = file.getInputStream(file.getEntry(ClassPathDirectories.ENTRY))) {
			return ClassPathDirectories.read(in);
		}
	}

	/** The URL and what it holds (a folder's listing is left out), or null. */
	private static String text(URL url) {
		if (url == null) {
			return null;
		}
		if (url.toString().endsWith("/")) {
			return url.toString();
		}
		try (InputStream in = url.openStream()) {
			return url + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return url + " " + ex.getClass().getSimpleName();
		}
	}

	private static List<String> texts(java.util.Enumeration<URL> urls) {
		List<String> texts = new ArrayList<>();
		for (URL url : Collections.list(urls)) {
			texts.add(Objects.requireNonNull(text(url)));
		}
		return texts;
	}

}
