package dk.orghub.routes.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's folder and files are its owner's only. */
class EmbeddedDatabaseFilesTest {

	@TempDir
	Path folder;

	@Test
	void theDatabaseFolderIsCreatedForTheOwnerOnly() throws Exception {
		Path data = this.folder.resolve("data");
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:file:" + data.resolve("orghub") + ";DB_CLOSE_ON_EXIT=FALSE");
			new EmbeddedDatabaseFiles().postProcessBeforeInitialization(dataSource, "dataSource");
			try (Connection connection = dataSource.getConnection()) {
				connection.createStatement().execute("CREATE TABLE t (id INT)");
			}
		}
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(data.resolve("orghub.mv.db")).exists();

		// a later start restricts a folder and files that others could read
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(data.resolve("orghub.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
		EmbeddedDatabaseFiles.restrict(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:" + data.resolve("orghub")).get());
		assertThat(permissions(data)).isEqualTo("rwx------");
		assertThat(permissions(data.resolve("orghub.mv.db"))).isEqualTo("rw-------");
	}

	@Test
	void onlyH2InAFileIsConcerned() {
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:file:./data/orghub;MODE=PostgreSQL"))
			.hasValue(Path.of("./data/orghub"));
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:h2:tcp://db/orghub")).isEmpty();
		assertThat(EmbeddedDatabaseFiles.databaseFile("jdbc:postgresql://localhost/orghub")).isEmpty();
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
