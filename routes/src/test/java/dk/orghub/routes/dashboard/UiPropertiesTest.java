package dk.orghub.routes.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hub.ui.language}: Danish unless set, English when set, another language stops
 * the start; and the pages have every text in both.
 */
class UiPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void danishUnlessSetAndOnlyDanishOrEnglish() {
		this.context.run((started) -> assertThat(new UiController(started.getBean(UiProperties.class)).settings())
			.isEqualTo(new UiController.Settings("da")));
		this.context.withPropertyValues("hub.ui.language=en")
			.run((started) -> assertThat(new UiController(started.getBean(UiProperties.class)).settings().language())
				.isEqualTo("en"));
		this.context.withPropertyValues("hub.ui.language=de").run((started) -> assertThat(started).hasFailed());
	}

	@Test
	void thePagesHaveEveryTextInBothLanguages() throws IOException {
		String texts = new ClassPathResource("static/i18n.js").getContentAsString(StandardCharsets.UTF_8);
		int english = texts.indexOf("\n  en: {");
		assertThat(english).isPositive();
		List<String> danish = keys(texts.substring(0, english));
		List<String> inEnglish = keys(texts.substring(english));
		assertThat(danish.get(0)).isEqualTo("da");
		assertThat(inEnglish.get(0)).isEqualTo("en");
		assertThat(danish.subList(1, danish.size())).hasSizeGreaterThan(50)
			.containsExactlyElementsOf(inEnglish.subList(1, inEnglish.size()));
	}

	private static List<String> keys(String texts) {
		List<String> keys = new ArrayList<>();
		Matcher matcher = Pattern.compile("([A-Za-z]+): ['\"{]").matcher(texts);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UiProperties.class)
	static class Properties {

	}

}
