package dk.orghub.adapters.ad.autoconfigure;

import java.util.Arrays;
import java.util.List;

import dk.orghub.adapters.ad.AdConfiguration;

import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Binds {@code hub.sources.ad.*} into {@link AdConfiguration}. A DN holds commas, so a
 * plain value of {@code base-dns}
 * ({@code --hub.sources.ad.base-dns=OU=Staff,DC=kommune,DC=dk} or
 * {@code HUB_SOURCES_AD_BASEDNS}) is one DN, and several are separated by {@code ;}; an
 * indexed or YAML list gives one DN per element.
 */
final class AdSettings {

	private static final String BASE_DNS = AdConfiguration.PREFIX + ".base-dns";

	private AdSettings() {
	}

	static AdConfiguration bind(Environment environment) {
		Binder binder = Binder.get(environment);
		AdConfiguration config = binder.bind(AdConfiguration.PREFIX, AdConfiguration.class).get();
		BindResult<String> plain = binder.bind(BASE_DNS, String.class);
		if (!plain.isBound()) {
			return config;
		}
		List<String> dns = Arrays.stream(plain.get().split(";")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
		String deleted = binder.bind(AdConfiguration.PREFIX + ".deleted-objects-dn", String.class).orElse(null);
		return config.withBaseDns(dns, deleted);
	}

}
