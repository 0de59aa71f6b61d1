package dk.orghub.adapters.ad.autoconfigure;

import java.util.Map;

import dk.orghub.adapters.ad.AdConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AdSettingsTest {

	@Test
	void aPlainValueIsOneBaseDn() {
		AdConfiguration config = AdSettings
			.bind(settings().withProperty("hub.sources.ad.base-dns", "OU=Staff,DC=kommune,DC=dk"));
		assertThat(config.baseDns()).containsExactly("OU=Staff,DC=kommune,DC=dk");
		assertThat(config.deletedObjectsDn()).isEqualTo("CN=Deleted Objects,DC=kommune,DC=dk");
	}

	@Test
	void severalBaseDnsAreSeparatedBySemicolons() {
		AdConfiguration config = AdSettings.bind(settings().withProperty("hub.sources.ad.base-dns",
				"OU=Staff,DC=kommune,DC=dk; OU=Schools,DC=kommune,DC=dk"));
		assertThat(config.baseDns()).containsExactly("OU=Staff,DC=kommune,DC=dk", "OU=Schools,DC=kommune,DC=dk");
	}

	@Test
	void anIndexedListGivesOneBaseDnPerElement() {
		AdConfiguration config = AdSettings
			.bind(settings().withProperty("hub.sources.ad.base-dns[0]", "OU=Staff,DC=kommune,DC=dk")
				.withProperty("hub.sources.ad.base-dns[1]", "OU=Schools,DC=kommune,DC=dk"));
		assertThat(config.baseDns()).containsExactly("OU=Staff,DC=kommune,DC=dk", "OU=Schools,DC=kommune,DC=dk");
	}

	@Test
	void theEnvironmentVariableIsOneBaseDn() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of("HUB_SOURCES_AD_URL",
					"ldaps://dc01:636", "HUB_SOURCES_AD_BASEDNS", "OU=Staff,DC=kommune,DC=dk")));
		assertThat(AdSettings.bind(environment).baseDns()).containsExactly("OU=Staff,DC=kommune,DC=dk");
	}

	private static MockEnvironment settings() {
		return new MockEnvironment().withProperty("hub.sources.ad.url", "ldaps://dc01:636");
	}

}
