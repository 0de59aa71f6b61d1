package dk.orghub.routes.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class FirstAdministratorTest {

	private final DataSource database = OpsDatabase.migrated();

	private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

	@Test
	void aPasswordOnceGivenIsKeptWhenALaterStartHasNone() {
		String first = start("Kommune-2026!");
		String later = start(null);

		assertThat(this.encoder.matches("Kommune-2026!", first)).isTrue();
		assertThat(this.encoder.matches("Kommune-2026!", later)).isTrue();
	}

	@Test
	void aNewPasswordReplacesTheKeptOne() {
		start("Kommune-2026!");
		start("Vinter-2027?");

		String later = start(null);

		assertThat(this.encoder.matches("Vinter-2027?", later)).isTrue();
		assertThat(this.encoder.matches("Kommune-2026!", later)).isFalse();
	}

	@Test
	void aGeneratedPasswordIsMadeOnceAndKept() {
		String generated = start(null);

		assertThat(start(null)).isEqualTo(generated);
		assertThat(this.encoder.matches("", generated)).isFalse();
	}

	private String start(String password) {
		Map<String, String> settings = new HashMap<>();
		if (password != null) {
			settings.put("hub.security.admin-password", password);
		}
		SecurityProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("hub.security", SecurityProperties.class);
		return FirstAdministrator.passwordHash(properties, this.database, this.encoder, this.clock);
	}

}
