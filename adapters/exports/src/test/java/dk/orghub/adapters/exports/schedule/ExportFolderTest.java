package dk.orghub.adapters.exports.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFolderTest {

	@TempDir
	Path temp;

	@Test
	void writesTheFileInAFolderItCreatesAndLeavesNoTemporaryFile() throws IOException {
		ExportFolder folder = new ExportFolder(this.temp.resolve("exports/survey"));

		Path file = folder.write("survey-2025-01-01.csv", out -> out.write("a;b\r\n".getBytes(StandardCharsets.UTF_8)));

		assertThat(file).hasFileName("survey-2025-01-01.csv").hasContent("a;b");
		assertThat(names(folder.folder())).containsExactly("survey-2025-01-01.csv");
		// the files may hold age bands and sex: the folder and the file are the owner's
		// only
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.folder())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void aSecondWriteReplacesTheFile() throws IOException {
		ExportFolder folder = new ExportFolder(this.temp);
		folder.write("list.csv", out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

		folder.write("list.csv", out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

		assertThat(this.temp.resolve("list.csv")).hasContent("new");
		assertThat(names(this.temp)).containsExactly("list.csv");
	}

	@Test
	void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		ExportFolder folder = new ExportFolder(this.temp);
		folder.write("list.csv", out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

		assertThatThrownBy(() -> folder.write("list.csv", out -> {
			out.write("half of the new".getBytes(StandardCharsets.UTF_8));
			throw new IOException("database went away");
		})).hasMessage("database went away");

		assertThat(this.temp.resolve("list.csv")).hasContent("old");
		assertThat(names(this.temp)).containsExactly("list.csv");
	}

	@Test
	void onlyPlainFileNames() {
		ExportFolder folder = new ExportFolder(this.temp);

		for (String name : List.of("../x.csv", "a/b.csv", ".hidden", " ")) {
			assertThatThrownBy(() -> folder.write(name, out -> {
			})).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void pruneKeepsTheNewestMatchingFiles() throws IOException {
		for (int day = 1; day <= 5; day++) {
			Files.writeString(this.temp.resolve("survey-2025-01-0" + day + ".xlsx"), "x");
		}
		Files.writeString(this.temp.resolve("survey-2025-01-01-U00001.xlsx"), "x");
		Files.writeString(this.temp.resolve("notes.txt"), "x");
		ExportFolder folder = new ExportFolder(this.temp);
		Pattern pattern = Pattern.compile("survey-\\d{4}-\\d{2}-\\d{2}\\.xlsx");

		assertThat(folder.prune(pattern, 0)).isEmpty();
		assertThat(folder.prune(pattern, 2)).extracting(p -> p.getFileName().toString())
			.containsExactly("survey-2025-01-01.xlsx", "survey-2025-01-02.xlsx", "survey-2025-01-03.xlsx");
		assertThat(names(this.temp)).containsExactly("notes.txt", "survey-2025-01-01-U00001.xlsx",
				"survey-2025-01-04.xlsx", "survey-2025-01-05.xlsx");
	}

	@Test
	void temporaryFilesOfKilledRunsAreDeletedWhenStale() throws IOException {
		Instant now = Instant.parse("2025-01-02T03:00:00Z");
		Path stale = Files.writeString(this.temp.resolve(".survey.xlsx-123.tmp"), "half");
		Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(5))));
		Path running = Files.writeString(this.temp.resolve(".survey.xlsx-456.tmp"), "half");
		Files.setLastModifiedTime(running, FileTime.from(now.minus(Duration.ofMinutes(5))));

		assertThat(new ExportFolder(this.temp).deleteStaleTemporaryFiles(now, Duration.ofHours(1)))
			.containsExactly(stale);
		assertThat(names(this.temp)).containsExactly(".survey.xlsx-456.tmp");
	}

	static List<String> names(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
