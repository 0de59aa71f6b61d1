package dk.orghub.routes.config;

import dk.orghub.core.spi.OwnerOnly;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Before the datasource opens an embedded H2 database in a file, makes its folder
 * readable by the hub's user only (creating it so when missing) and restricts the
 * database files that exist to the owner: the store holds CPR numbers.
 */
final class EmbeddedDatabaseFiles implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
			databaseFile(hikari.getJdbcUrl()).ifPresent(EmbeddedDatabaseFiles::restrict);
		}
		return bean;
	}

	static void restrict(Path database) {
		Path folder = database.toAbsolutePath().getParent();
		OwnerOnly.folder(folder, true);
		for (String suffix : new String[] { ".mv.db", ".trace.db", ".lock.db" }) {
			OwnerOnly.file(folder.resolve(database.getFileName() + suffix));
		}
	}

	/**
	 * The database's file name without its suffix, for an H2 URL of a file
	 * ({@code jdbc:h2:file:./data/orghub} or {@code jdbc:h2:./data/orghub}); empty for
	 * other databases and for H2 in memory or over the network.
	 */
	static Optional<Path> databaseFile(String url) {
		if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return Optional.empty();
		}
		String rest = url.substring(8);
		int options = rest.indexOf(';');
		rest = (options >= 0) ? rest.substring(0, options) : rest;
		String lower = rest.toLowerCase(Locale.ROOT);
		if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
				|| lower.startsWith("zip:")) {
			return Optional.empty();
		}
		if (lower.startsWith("file:")) {
			rest = rest.substring(5);
		}
		if (rest.startsWith("~")) {
			rest = System.getProperty("user.home") + rest.substring(1);
		}
		return rest.isBlank() ? Optional.empty() : Optional.of(Path.of(rest));
	}

}
