package dk.orghub.routes.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first administrator's password hash: from {@code HUB_ADMIN_PASSWORD} when set;
 * otherwise the one generated at the first start, kept (as a hash) in {@code ops_user}. A
 * generated password is printed once, when it is made.
 */
final class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private FirstAdministrator() {
	}

	static String passwordHash(SecurityProperties properties, DataSource dataSource, PasswordEncoder encoder,
			Clock clock) {
		String name = properties.adminName();
		if (properties.adminPassword() != null && !properties.adminPassword().isBlank()) {
			return encoder.encode(properties.adminPassword());
		}
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Optional<String> stored = jdbc.sql("SELECT password_hash FROM ops_user WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			log.info("Administrator '{}' uses the password generated at the first start (HUB_ADMIN_PASSWORD is unset)",
					name);
			return stored.get();
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String hash = encoder.encode(password);
		try {
			jdbc.sql("INSERT INTO ops_user (name, password_hash, created_at) VALUES (?, ?, ?)")
				.params(name, hash, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return jdbc.sql("SELECT password_hash FROM ops_user WHERE name = ?")
				.param(name)
				.query(String.class)
				.single();
		}
		log.warn("\n\n  No HUB_ADMIN_PASSWORD was set, so a password was generated for the administrator '{}':\n\n"
				+ "      {}\n\n  It is shown this once; only its hash is kept. Set HUB_ADMIN_PASSWORD to choose "
				+ "your own.\n", name, password);
		return hash;
	}

}
