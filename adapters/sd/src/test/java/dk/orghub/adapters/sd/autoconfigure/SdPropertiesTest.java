package dk.orghub.adapters.sd.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dk.orghub.adapters.sd.SdConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding {@code hub.sources.sd.*} into the adapter's configuration. */
class SdPropertiesTest {

	@Test
	void theDefaultsAreTheAdaptersDefaults() {
		SdConfig config = bind(Map.of("base-uri", "https://service.sd.dk/sdws/", "institution", "XY", "user", "hub",
				"password", "secret"))
			.config();
		assertThat(config).isEqualTo(SdConfig.of(URI.create("https://service.sd.dk/sdws/"), "XY", "hub", "secret"));
	}

	@Test
	void settingsAreTakenOver() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("base-uri", "http://127.0.0.1:8090/");
		values.put("institution", "XY");
		values.put("user", "hub");
		values.put("password", "secret");
		values.put("source-name", "sd-north");
		values.put("read-timeout", "30s");
		values.put("too-deep-levels", "Afdelings-niveau,NY6-niveau");
		values.put("leave-type", "Tjenestefri");
		SdConfig config = bind(values).config();
		assertThat(config.leaveType()).isEqualTo("Tjenestefri");
		assertThat(config.sourceName()).isEqualTo("sd-north");
		assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.tooDeepLevels()).containsExactlyInAnyOrder("Afdelings-niveau", "NY6-niveau");
	}

	@Test
	void aMissingPasswordStopsTheStartAndThePasswordIsNeverShown() {
		assertThatThrownBy(
				() -> bind(Map.of("base-uri", "https://service.sd.dk/sdws/", "institution", "XY", "user", "hub"))
					.config())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("HUB_SOURCES_SD_PASSWORD");
		SdProperties properties = bind(Map.of("base-uri", "https://service.sd.dk/sdws/", "institution", "XY", "user",
				"hub", "password", "very-secret"));
		assertThat(properties.toString()).doesNotContain("very-secret");
		assertThat(properties.config().toString()).doesNotContain("very-secret");
	}

	@Test
	void plainHttpToAnotherMachineIsRefusedUnlessAllowed() {
		Map<String, String> values = new LinkedHashMap<>(Map.of("base-uri", "http://service.sd.dk/sdws/", "institution",
				"XY", "user", "hub", "password", "secret"));
		assertThatThrownBy(() -> bind(values).config()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hub.sources.sd.base-uri")
			.hasMessageContaining("https://")
			.hasMessageContaining("hub.sources.sd.allow-plain-http")
			.hasMessageNotContaining("secret");
		values.put("allow-plain-http", "true");
		assertThat(bind(values).config().baseUri()).isEqualTo(URI.create("http://service.sd.dk/sdws/"));
		values.put("allow-plain-http", "false");
		values.put("base-uri", "http://localhost:8090/");
		assertThat(bind(values).config().baseUri()).isEqualTo(URI.create("http://localhost:8090/"));
	}

	private static SdProperties bind(Map<String, String> values) {
		Map<String, String> prefixed = new LinkedHashMap<>();
		values.forEach((k, v) -> prefixed.put("hub.sources.sd." + k, v));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate("hub.sources.sd",
				SdProperties.class);
	}

}
