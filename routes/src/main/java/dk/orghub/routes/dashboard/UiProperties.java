package dk.orghub.routes.dashboard;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The organisation pages in the browser ({@code hub.ui.*}).
 *
 * @param language the language of the organisation pages: {@code da} (Danish, the
 * default) or {@code en}
 */
@Validated
@ConfigurationProperties("hub.ui")
public record UiProperties(@NotNull @DefaultValue("da") Language language) {

	/** A language the pages are written in. */
	public enum Language {

		DA, EN;

		/** The ISO 639-1 code, as the pages and {@code lang} use it. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
