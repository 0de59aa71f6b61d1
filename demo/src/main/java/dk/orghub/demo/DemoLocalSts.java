package dk.orghub.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dk.orghub.adapters.sts.autoconfigure.StsAutoConfiguration;
import dk.orghub.samples.sts.LocalCertificates;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.samples.sts.LocalTokenService;
import org.apache.commons.logging.Log;
import org.apache.tomcat.util.modeler.Registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.ApplicationListener;
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
 * <p>
 * With {@code hub.demo.local-sts-security=true} the service requires signed calls as
 * KOMBIT's does: throwaway certificates are generated at each start into
 * {@code <hub.data-dir>/local-sts-certificates} (a PKCS#12 keystore and truststore with a
 * random password), the local token service agrees to tokens for the demo's CVR number,
 * and {@code hub.targets.sts.security.*} is set to use them.
 */
public class DemoLocalSts implements EnvironmentPostProcessor {

	static final String SOURCE = "hubDemoLocalSts";

	static final String ENABLED = "hub.demo.local-sts";

	static final String LOCAL_SERVICE = StsAutoConfiguration.LOCAL_SERVICE;

	static final String SECURITY = "hub.demo.local-sts-security";

	/** Spring Boot's switch for Tomcat's MBean registry (off by default). */
	static final String MBEAN_REGISTRY = "server.tomcat.mbeanregistry.enabled";

	/** The service, as a bean of the context, for {@link DemoServicesReady}. */
	static final String BEAN = "demoLocalStsService";

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
		boolean secure = environment.getProperty(SECURITY, Boolean.class, false);
		if (!environment.getProperty(MBEAN_REGISTRY, Boolean.class, false)) {
			// the decision Spring Boot takes for the hub's Tomcat, taken before the
			// service's Tomcat is made: without it, that Tomcat reads its MBean
			// descriptors on the main thread
			Registry.disableRegistry();
		}
		Map<String, Object> properties = new HashMap<>();
		LocalStsService service;
		if (secure) {
			LocalCertificates.Set certificates = LocalCertificates.generate(cvr, Instant.now(), Duration.ofDays(365));
			service = LocalStsService.startInBackground(Clock.systemUTC(), certificates);
			service.tokenService().agree(cvr, LocalStsService.ENTITY_ID);
			String password = new String(LocalCertificates.password());
			Path dir = Path.of(environment.getProperty("hub.data-dir", "./data"), "local-sts-certificates");
			LocalCertificates.Files files = certificates.write(dir, password.toCharArray());
			String prefix = "hub.targets.sts.security.";
			properties.put(prefix + "enabled", "true");
			properties.put(prefix + "keystore", files.keystore().toString());
			properties.put(prefix + "keystore-password", password);
			properties.put(prefix + "key-alias", "client");
			properties.put(prefix + "sts-url", service.tokenServiceUrl());
			properties.put(prefix + "sts-entity-id", LocalTokenService.ISSUER);
			properties.put(prefix + "applies-to", LocalStsService.ENTITY_ID);
			properties.put(prefix + "sts-certificate-alias", "token-service");
			properties.put(prefix + "service-certificate-alias", "service");
			properties.put(prefix + "truststore", files.truststore().toString());
			properties.put(prefix + "truststore-password", password);
			this.log.info("Demo: signed calls on; certificates in " + dir);
		}
		else {
			service = LocalStsService.startInBackground(Clock.systemUTC(), null);
		}
		service.seedOrganisation(UUID.fromString(organisation), cvr, "Demo municipality");
		Runtime.getRuntime().addShutdownHook(new Thread(service::close, "local-sts-stop"));
		// a start that fails stops it too: its server's threads would keep the JVM
		// running
		application.addListeners(new StopOnFailedStart(service));
		this.log.info("Demo: the local STS Organisation service runs at " + service.baseUrl()
				+ " (its services are published in the background)");
		LocalStsService started = service;
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton(BEAN, started));
		properties.put("hub.targets.sts.base-url", service.baseUrl());
		properties.put(LOCAL_SERVICE, "true");
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
	}

	/** Stops the demo's service when the hub fails to start. */
	private record StopOnFailedStart(LocalStsService service) implements ApplicationListener<ApplicationFailedEvent> {

		@Override
		public void onApplicationEvent(ApplicationFailedEvent event) {
			this.service.close();
		}

	}

}
