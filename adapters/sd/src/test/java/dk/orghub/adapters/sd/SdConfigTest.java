package dk.orghub.adapters.sd;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.AdapterConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SdConfigTest {

	private static final URI BASE = URI.create("https://service.sd.dk/sdws/");

	@Test
	void defaults() {
		SdConfig config = SdConfig.of(BASE, "XY", "hub", "secret");
		assertThat(config.sourceName()).isEqualTo("sd");
		assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(config.tooDeepLevels()).containsExactly("Afdelings-niveau");
		assertThat(config.unitType()).isEqualTo("Afdeling");
		assertThat(config.teamType()).isEqualTo("Team");
		assertThat(config.fallbackJobFunction()).isEqualTo("Ukendt");
		assertThatCode(config::validate).doesNotThrowAnyException();
	}

	@Test
	void eachMissingSettingIsNamed() {
		assertThatThrownBy(() -> SdConfig.of(null, "XY", "hub", "secret").validate())
			.isInstanceOf(AdapterConfigurationException.class)
			.hasMessageContaining("hub.sources.sd.base-uri");
		assertThatThrownBy(() -> SdConfig.of(URI.create("ftp://x/"), "XY", "hub", "secret").validate())
			.hasMessageContaining("hub.sources.sd.base-uri");
		assertThatThrownBy(() -> SdConfig.of(BASE, " ", "hub", "secret").validate())
			.hasMessageContaining("hub.sources.sd.institution");
		assertThatThrownBy(() -> SdConfig.of(BASE, "XY", null, "secret").validate())
			.hasMessageContaining("hub.sources.sd.user");
		assertThatThrownBy(() -> SdConfig.of(BASE, "XY", "hub", "").validate())
			.hasMessageContaining("hub.sources.sd.password");
		assertThatThrownBy(() -> SdConfig.of(BASE, "XY", "hub", "secret").withTimeouts(Duration.ZERO, null).validate())
			.hasMessageContaining("timeout");
	}

	@Test
	void thePasswordIsNeverShown() {
		assertThat(SdConfig.of(BASE, "XY", "hub", "s3cr3t-value").toString()).doesNotContain("s3cr3t-value")
			.contains("password=*****");
	}

}
