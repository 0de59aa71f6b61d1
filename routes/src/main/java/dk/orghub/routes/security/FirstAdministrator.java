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
 * The first administrator's password hash, kept in {@code ops_user}: from
 * {@code HUB_ADMIN_PASSWORD} when set (stored, so a later start without the variable
 * keeps it); otherwise the stored one, or, at the very first start, a generated one,
 * printed once when it is made.
 */
final class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private FirstAdministrator() {
	}

	static String passwordHash(SecurityProperties properties, DataSource dataSource, PasswordEncoder encoder,
			Clock clock) {
		String name = properties.adminName();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Optional<String> stored = jdbc.sql("SELECT password_hash FROM ops_user WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
		if (properties.adminPassword() != null && !properties.adminPassword().isBlank()) {
			return given(name, properties.adminPassword(), stored, jdbc, encoder, clock);
		}
		if (stored.isPresent()) {
			log.info("Administrator '{}' keeps its last password: the one last given in HUB_ADMIN_PASSWORD, "
					+ "or the one generated at the first start (HUB_ADMIN_PASSWORD is unset now)", name);
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

	/**
	 * The password given in {@code HUB_ADMIN_PASSWORD}, kept as a hash, so that a later
	 * start without the variable keeps it instead of generating a new one (which would
	 * lock the operator out).
	 */
	private static String given(String name, String password, Optional<String> stored, JdbcClient jdbc,
			PasswordEncoder encoder, Clock clock) {
		if (stored.isPresent() && encoder.matches(password, stored.get())) {
			return stored.get();
		}
		String hash = encoder.encode(password);
		int updated = jdbc.sql("UPDATE ops_user SET password_hash = ? WHERE name = ?").params(hash, name).update();
		if (updated == 0) {
			try {
				jdbc.sql("INSERT INTO ops_user (name, password_hash, created_at) VALUES (?, ?, ?)")
					.params(name, hash, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another instance started with it at the same time: it stored the same
				// password
				jdbc.sql("UPDATE ops_user SET password_hash = ? WHERE name = ?").params(hash, name).update();
			}
		}
		return hash;
	}

}
