package dk.orghub.routes.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On PostgreSQL, schedules run on Quartz's clustered JDBC job store, so that instances
 * sharing the database run each fire once; on the embedded H2 database they run in
 * memory. Adds the Quartz settings for that as defaults (any of them can still be set
 * explicitly) when {@code spring.datasource.url} is a PostgreSQL URL, unless
 * {@code hub.schedules.clustered=false}. Quartz's tables come from the migration
 * {@code V1002__Quartz_tables_on_postgresql}.
 */
public class ClusteredSchedulingEnvironment implements EnvironmentPostProcessor {

	static final String SOURCE = "hubClusteredQuartz";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url", "");
		boolean clustered = environment.getProperty("hub.schedules.clustered", Boolean.class,
				url.startsWith("jdbc:postgresql:"));
		if (!clustered) {
			return;
		}
		Map<String, Object> quartz = new LinkedHashMap<>();
		quartz.put("spring.quartz.job-store-type", "jdbc");
		quartz.put("spring.quartz.jdbc.initialize-schema", "never");
		String prefix = "spring.quartz.properties.org.quartz.";
		quartz.put(prefix + "scheduler.instanceId", "AUTO");
		quartz.put(prefix + "jobStore.isClustered", "true");
		quartz.put(prefix + "jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		quartz.put(prefix + "jobStore.tablePrefix", "QRTZ_");
		quartz.put(prefix + "jobStore.clusterCheckinInterval", "5000");
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE, quartz));
	}

}
