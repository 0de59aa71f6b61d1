package dk.orghub.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The image's build stage copies every module of the build, or its Maven build fails. */
class DockerfileTest {

	@Test
	void theImageCopiesEveryModule() throws IOException {
		List<String> modules = Pattern.compile("<module>([^<]+)</module>")
			.matcher(Files.readString(Path.of("..", "pom.xml")))
			.results()
			.map((match) -> match.group(1))
			.toList();
		String dockerfile = Files.readString(Path.of("..", "docker", "Dockerfile"));

		assertThat(modules).contains("hub-core", "launcher", "routes");
		assertThat(modules)
			.allSatisfy((module) -> assertThat(dockerfile).contains("COPY " + module + "/ " + module + "/"));
	}

}
