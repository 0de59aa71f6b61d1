package dk.orghub.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ClassPathDirectoriesTest {

	@Test
	void aFileCountsForItsDirectory() {
		ClassPathDirectories index = ClassPathDirectories.empty();
		index.add("BOOT-INF/lib/h2.jar", "org/h2/util/Utils.class");
		index.add("BOOT-INF/lib/h2.jar", "org/h2/Driver.class");
		index.add("BOOT-INF/lib/h2.jar", "org/");
		index.add("BOOT-INF/classes/", "application.yml");

		assertThat(index.directories("BOOT-INF/lib/h2.jar")).containsExactly("org/h2", "org/h2/util");
		assertThat(index.directories("BOOT-INF/classes/")).containsExactly("");
		assertThat(index.directories("BOOT-INF/lib/other.jar")).isNull();
	}

	@Test
	void aVersionedFileAlsoCountsForItsUnversionedDirectory() {
		ClassPathDirectories index = ClassPathDirectories.empty();
		index.add("a.jar", "META-INF/versions/11/org/x/Y.class");

		assertThat(index.directories("a.jar")).containsExactly("META-INF/versions/11/org/x", "org/x");
	}

	@Test
	void readsWhatItWrites() throws IOException {
		ClassPathDirectories index = ClassPathDirectories.empty();
		index.add("BOOT-INF/classes/", "x.properties");
		index.add("BOOT-INF/lib/a-1.jar", "a/B.class");
		index.addArchive("BOOT-INF/lib/empty-1.jar");
		StringWriter text = new StringWriter();
		index.write(text);

		ClassPathDirectories read = ClassPathDirectories
			.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(text.toString()).contains("BOOT-INF/classes/\n /\n", "BOOT-INF/lib/a-1.jar\n a\n");
		assertThat(read.directories("BOOT-INF/classes/")).containsExactly("");
		assertThat(read.directories("BOOT-INF/lib/a-1.jar")).containsExactly("a");
		assertThat(read.directories("BOOT-INF/lib/empty-1.jar")).isEmpty();
	}

	@Test
	void aDirectoryBeforeAnyArchiveIsAnError() {
		assertThatIOException()
			.isThrownBy(() -> ClassPathDirectories
				.read(new ByteArrayInputStream("# index\n org/h2\n".getBytes(StandardCharsets.UTF_8))))
			.withMessage("line 2: a directory before any archive");
	}

}
