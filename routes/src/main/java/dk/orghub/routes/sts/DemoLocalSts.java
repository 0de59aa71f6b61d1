package dk.orghub.routes.sts;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dk.orghub.samples.sts.LocalStsService;
import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The demo's STS Organisation: with the profile {@code demo} and
 * {@code hub.demo.local-sts=true} (the demo's default), and no
 * {@code hub.targets.sts.base-url} of its own, starts the local STS Organisation service
 * of {@code samples} (a SOAP server on a free loopback port, objects in memory), seeds
 * the municipality's Organisation ({@code hub.targets.sts.organisation-uuid},
 * {@code cvr}) and points {@code hub.targets.sts.base-url} at it, so the demo publishes.
 * The service stops with the JVM and what it holds is lost, so it also sets
 * {@value #LOCAL_SERVICE}: the hub then forgets at start what it sent before, and the
 * full publish at start sends everything again.
 */
public class DemoLocalSts implements EnvironmentPostProcessor {

	static final String SOURCE = "hubDemoLocalSts";

	static final String ENABLED = "hub.demo.local-sts";

	static final String LOCAL_SERVICE = "hub.targets.sts.local-service";

	private final Log log;

	public DemoLocalSts(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoLocalSts.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("demo")) || !environment.getProperty(ENABLED, Boolean.class, false)
				|| environment.containsProperty("hub.targets.sts.base-url")) {
			return;
		}
		String organisation = environment.getProperty("hub.targets.sts.organisation-uuid");
		String cvr = environment.getProperty("hub.targets.sts.cvr");
		if (organisation == null || cvr == null) {
			throw new IllegalStateException(ENABLED
					+ " needs hub.targets.sts.organisation-uuid and hub.targets.sts.cvr (application-demo.yml has them)");
		}
		LocalStsService service = LocalStsService.start(Clock.systemUTC());
		service.seedOrganisation(UUID.fromString(organisation), cvr, "Demo municipality");
		Runtime.getRuntime().addShutdownHook(new Thread(service::close, "local-sts-stop"));
		this.log.info("Demo: the local STS Organisation service runs at " + service.baseUrl());
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE,
					Map.of("hub.targets.sts.base-url", service.baseUrl(), LOCAL_SERVICE, "true")));
	}

}
