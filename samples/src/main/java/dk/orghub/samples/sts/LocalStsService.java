package dk.orghub.samples.sts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.namespace.QName;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import dk.orghub.kombit.security.Ns;
import dk.orghub.samples.BackgroundStart;
import dk.orghub.samples.sts.StsRegistry.Kind;
import dk.orghub.xsd.sts.organisation.AttributListeType;
import dk.orghub.xsd.sts.organisation.EgenskabType;
import dk.orghub.xsd.sts.organisation.RegistreringType;
import dk.orghub.xsd.sts.organisation.RelationListeType;
import dk.orghub.xsd.sts.organisation.TilstandListeType;
import dk.orghub.xsd.sts.sagdok.LivscyklusKodeType;

/**
 * A local STS Organisation ("Organisation 6") service for tests, demos and benchmarks:
 * the hub's own WSDLs served by Apache CXF in an embedded Tomcat on a free loopback port,
 * each service at {@code <base-url>/organisation/<object>/6/} as on KOMBIT's servers.
 * <p>
 * Requests are validated against the schema (a SOAP fault with code Sender when they are
 * not valid). Objects are stored with their registrations in a {@link StsRegistry}.
 * Status codes: 20 ok; 40 a reference to an unknown object or a broken pattern; 44 an
 * unknown object on {@code ret}, {@code laes} or {@code passiver}; 45 a registration time
 * after the server's clock; 49 an {@code importer} of an existing UUID or a change to a
 * passivated object. It can be told to add latency and to fail a share of calls: half of
 * the failures before the call is carried out, half after (so the caller never hears that
 * it succeeded), some as HTTP 503 and some as SOAP faults with code Receiver.
 */
public final class LocalStsService implements AutoCloseable {

	/** Objects served, in the order of their services. */
	static final Map<Kind, String> SERVICES = Map.of(Kind.ENHED, "OrganisationEnhed", Kind.FUNKTION,
			"OrganisationFunktion", Kind.BRUGER, "Bruger", Kind.PERSON, "Person", Kind.ADRESSE, "Adresse",
			Kind.ORGANISATION, "Organisation");

	/** Latency and fault share, changeable while the service runs. */
	public static final class Behaviour {

		private volatile long latencyMillis;

		private volatile double failureShare;

		private final Set<String> refused = ConcurrentHashMap.newKeySet();

		private volatile boolean unavailable;

		private volatile java.time.Duration retryAfter;

		/**
		 * Answers every call with HTTP 503 (an outage), with this {@code Retry-After}
		 * when not null, until {@link #available()}.
		 */
		public Behaviour unavailable(java.time.Duration retryAfter) {
			this.retryAfter = retryAfter;
			this.unavailable = true;
			return this;
		}

		/** Ends the outage. */
		public Behaviour available() {
			this.unavailable = false;
			return this;
		}

		public long latencyMillis() {
			return this.latencyMillis;
		}

		/**
		 * Share of calls that fail; a third of them as HTTP 503, the rest as SOAP faults.
		 */
		public double failureShare() {
			return this.failureShare;
		}

		double faultShare() {
			return this.failureShare * 2 / 3;
		}

		double httpFailureShare() {
			return this.failureShare / 3;
		}

		public Behaviour latency(long millis) {
			this.latencyMillis = millis;
			return this;
		}

		/**
		 * Refuses every {@code importer} and {@code ret} of the object with this UUID
		 * with status 40 (bad input, a permanent failure) until {@link #accept} is
		 * called.
		 */
		public Behaviour refuse(String uuid) {
			this.refused.add(uuid);
			return this;
		}

		/** Takes the object with this UUID again. */
		public Behaviour accept(String uuid) {
			this.refused.remove(uuid);
			return this;
		}

		boolean refuses(String uuid) {
			return this.refused.contains(uuid);
		}

		public Behaviour failureShare(double share) {
			if (share < 0 || share >= 1) {
				throw new IllegalArgumentException("failure share must be in [0, 1)");
			}
			this.failureShare = share;
			return this;
		}

	}

	/** How long requests and {@link #awaitEndpoints()} wait for the services at most. */
	public static final java.time.Duration ENDPOINTS_WAIT = java.time.Duration.ofMinutes(2);

	private final StsRegistry registry = new StsRegistry();

	/** Done when the services are published (failed when that failed). */
	private final BackgroundStart endpoints = new BackgroundStart(
			"publishing the local STS Organisation service's endpoints", ENDPOINTS_WAIT);

	private final Behaviour behaviour = new Behaviour();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Tomcat tomcat;

	private final Bus bus;

	private final List<Server> servers = new ArrayList<>();

	private final Path baseDir;

	private final String baseUrl;

	private final Operations operations;

	private final LocalTokenService tokenService;

	private final SignedCallFilter signedCalls;

	private final LocalCertificates.Set certificates;

	private final LeanImporter lean;

	/** The entity id the local service's tokens are for (as KOMBIT's Organisation 6). */
	public static final String ENTITY_ID = "http://stoettesystemerne.dk/service/organisation/3";

	private LocalStsService(Clock clock, long seed, LocalCertificates.Set certificates, boolean lean,
			boolean background) {
		try {
			this.baseDir = Files.createTempDirectory("local-sts");
			this.bus = BusFactory.newInstance().createBus();
			this.tomcat = new Tomcat();
			this.tomcat.setBaseDir(this.baseDir.toString());
			Connector connector = new Connector();
			connector.setPort(0);
			connector.setProperty("address", "127.0.0.1");
			this.tomcat.setConnector(connector);
			Context context = this.tomcat.addContext("", this.baseDir.toString());
			CXFNonSpringServlet servlet = new CXFNonSpringServlet();
			servlet.setBus(this.bus);
			Tomcat.addServlet(context, "cxf", servlet).setLoadOnStartup(1);
			context.addServletMappingDecoded("/*", "cxf");
			addFilter(context, "endpoints-published", new EndpointGate(this.endpoints), "/*");
			addFilter(context, "behaviour",
					new BehaviourFilter(this.behaviour, this.calls, new Random(seed ^ 0x5DEECE66DL)),
					"/organisation/*");
			this.lean = lean ? new LeanImporter(this.registry) : null;
			if (lean) {
				addFilter(context, "lean", this.lean, "/organisation/*");
			}
			this.certificates = certificates;
			if (certificates != null) {
				this.tokenService = new LocalTokenService(certificates.tokenService(), certificates.ca().certificate(),
						clock);
				Tomcat.addServlet(context, "token-service", this.tokenService);
				context.addServletMappingDecoded(LocalTokenService.PATH, "token-service");
				this.signedCalls = new SignedCallFilter(certificates.tokenService().certificate(),
						certificates.service(), ENTITY_ID, clock);
				addFilter(context, "signed-calls", this.signedCalls, "/organisation/*");
			}
			else {
				this.tokenService = null;
				this.signedCalls = null;
			}
			this.tomcat.start();
			this.baseUrl = "http://127.0.0.1:" + connector.getLocalPort();
			this.operations = new Operations(this.registry, clock, this.behaviour, seed);
		}
		catch (IOException | LifecycleException ex) {
			throw new IllegalStateException("Cannot start the local STS Organisation service", ex);
		}
		if (background) {
			this.endpoints.runOnThread("local-sts-endpoints", () -> publishEndpoints(clock));
		}
		else {
			this.endpoints.run(() -> publishEndpoints(clock));
			awaitEndpoints();
		}
	}

	/** Puts a filter in front of the requests whose path matches the pattern. */
	private static void addFilter(Context context, String name, Filter filter, String pattern) {
		FilterDef def = new FilterDef();
		def.setFilterName(name);
		def.setFilter(filter);
		context.addFilterDef(def);
		FilterMap map = new FilterMap();
		map.setFilterName(name);
		map.addURLPatternDecoded(pattern);
		context.addFilterMap(map);
	}

	/** Publishes the services (their WSDLs and JAXB contexts: most of the start). */
	private void publishEndpoints(Clock clock) {
		Operations operations = this.operations;
		publish("organisationenhed", "OrganisationEnhed", new Endpoints.EnhedEndpoint(operations, clock));
		publish("organisationfunktion", "OrganisationFunktion", new Endpoints.FunktionEndpoint(operations, clock));
		publish("bruger", "Bruger", new Endpoints.BrugerEndpoint(operations, clock));
		publish("person", "Person", new Endpoints.PersonEndpoint(operations, clock));
		publish("adresse", "Adresse", new Endpoints.AdresseEndpoint(operations, clock));
		publish("organisation", "Organisation", new Endpoints.OrganisationEndpoint(operations, clock));
		publish("organisationsystem", "OrganisationSystem", new SystemEndpoint(this.registry, operations));
	}

	/** Starts a service on a free loopback port. */
	public static LocalStsService start(Clock clock) {
		return new LocalStsService(clock, 20070101L, null, false, false);
	}

	/** Starts a service whose injected faults follow {@code seed}. */
	public static LocalStsService start(Clock clock, long seed) {
		return new LocalStsService(clock, seed, null, false, false);
	}

	/**
	 * Starts a service on a free loopback port and publishes its services in the
	 * background: {@link #baseUrl()} is known and connections are accepted at once, and
	 * requests wait (at most {@link #ENDPOINTS_WAIT}) until the services are published;
	 * {@link #awaitEndpoints()} waits for that too and reports a failure. For a start
	 * that should not wait for the service (the demo's). {@code certificates} as
	 * {@link #startSecure}, or {@code null} for a service without security.
	 */
	public static LocalStsService startInBackground(Clock clock, LocalCertificates.Set certificates) {
		return new LocalStsService(clock, 20070101L, certificates, false, true);
	}

	/**
	 * Starts a service that requires signed calls (OIOIDWS) with tokens of its own local
	 * token service ({@link #tokenService()}, at {@link #tokenServiceUrl()}), which
	 * trusts organisation certificates issued by {@code certificates.ca()} and signs with
	 * {@code certificates.tokenService()}; answers are signed with
	 * {@code certificates.service()}. No CVR number has a service agreement until
	 * {@link LocalTokenService#agree} records one.
	 */
	public static LocalStsService startSecure(Clock clock, LocalCertificates.Set certificates) {
		return new LocalStsService(clock, 20070101L, certificates, false, false);
	}

	/**
	 * Starts a service in lean mode, for benchmarks: {@code importer} is answered from
	 * memory without CXF, JAXB or the reference checks (the request kept as it came, its
	 * UUID found by a byte search); before any other call, and on {@link #file()}, the
	 * kept requests are filed into the registry, and the call is served as usual.
	 */
	public static LocalStsService startLean(Clock clock) {
		return new LocalStsService(clock, 20070101L, null, true, false);
	}

	/**
	 * Files the {@code importer} requests a lean service kept into its registry (nothing
	 * to do otherwise).
	 */
	public void file() {
		if (this.lean != null) {
			this.lean.file();
		}
	}

	/** Objects stored, those a lean service kept and has not yet filed included. */
	public long stored() {
		long stored = (this.lean != null) ? this.lean.kept() : 0;
		for (Kind kind : Kind.values()) {
			stored += this.registry.count(kind);
		}
		return stored;
	}

	/**
	 * Waits until the services are published (at once for a service not started
	 * {@link #startInBackground in the background}).
	 * @throws IllegalStateException when publishing them failed or took longer than
	 * {@link #ENDPOINTS_WAIT}
	 */
	public void awaitEndpoints() {
		this.endpoints.await();
	}

	/** Whether calls must be signed. */
	public boolean secure() {
		return this.signedCalls != null;
	}

	/** The local token service of a secure service. */
	public LocalTokenService tokenService() {
		if (this.tokenService == null) {
			throw new IllegalStateException("the local STS service runs without security");
		}
		return this.tokenService;
	}

	/** The URL of the local token service. */
	public String tokenServiceUrl() {
		return this.baseUrl + LocalTokenService.PATH;
	}

	/** The certificates of a secure service. */
	public LocalCertificates.Set certificates() {
		return this.certificates;
	}

	/** Signed calls verified and let through so far (0 without security). */
	public long verifiedCalls() {
		return (this.signedCalls != null) ? this.signedCalls.verified() : 0;
	}

	/** Signed calls refused so far, per WS-Security fault subcode. */
	public Map<String, Long> refusedCalls() {
		return (this.signedCalls != null) ? this.signedCalls.refusals() : Map.of();
	}

	/** Whether answers are signed (default true with security). */
	public void signAnswers(boolean sign) {
		if (this.signedCalls != null) {
			this.signedCalls.signAnswers(sign);
		}
	}

	private void publish(String path, String name, Object implementor) {
		JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
		factory.setBus(this.bus);
		factory.setAddress("/organisation/" + path + "/6/");
		factory.setServiceBean(implementor);
		factory.setWsdlLocation("classpath:sts6/wsdl/" + name + ".wsdl");
		factory.setServiceName(new QName(Endpoints.NS, name + "Service"));
		factory.setEndpointName(new QName(Endpoints.NS, name));
		Map<String, Object> properties = new HashMap<>();
		properties.put("schema-validation-enabled", "IN");
		factory.setProperties(properties);
		factory.getInInterceptors().add(new UnderstoodHeaders());
		synchronized (this.servers) {
			this.servers.add(factory.create());
		}
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}; services are below it. */
	public String baseUrl() {
		return this.baseUrl;
	}

	public StsRegistry registry() {
		return this.registry;
	}

	public Behaviour behaviour() {
		return this.behaviour;
	}

	/** HTTP requests received so far (failed ones included). */
	public long calls() {
		return this.calls.get();
	}

	/**
	 * The writing calls ({@code importer}, {@code ret}, {@code passiver}) answered so
	 * far, per operation and status code, e.g. {@code "importer 20"} (stored),
	 * {@code "importer 49"} (the UUID existed), {@code "ret 20"}. Calls that failed
	 * before reaching the service (injected HTTP 503, schema errors) are not in it.
	 */
	public Map<String, Long> answers() {
		return this.operations.answers();
	}

	/**
	 * Stores the municipality's Organisation, as KOMBIT does before a municipality starts
	 * publishing; every unit and user refers to it.
	 */
	public void seedOrganisation(java.util.UUID uuid, String userKey, String name) {
		RegistreringType registration = new RegistreringType();
		registration.setTidspunkt(Endpoints.now(Clock.systemUTC()));
		registration.setLivscyklusKode(LivscyklusKodeType.IMPORTERET);
		EgenskabType egenskab = new EgenskabType();
		egenskab.setBrugervendtNoegleTekst(userKey);
		egenskab.setOrganisationNavn(name);
		AttributListeType attributter = new AttributListeType();
		attributter.getEgenskab().add(egenskab);
		registration.setAttributListe(attributter);
		registration.setTilstandListe(new TilstandListeType());
		registration.setRelationListe(new RelationListeType());
		this.registry.put(Kind.ORGANISATION, uuid.toString(), registration);
	}

	/** Stops the service (a second call does nothing). */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.endpoints.cancel();
		synchronized (this.servers) {
			this.servers.forEach(Server::destroy);
		}
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			// stopping a test server: nothing more to do
		}
		this.bus.shutdown(true);
	}

	/**
	 * Declares the addressing and security headers of signed calls understood (the
	 * {@link SignedCallFilter} checked them before CXF sees the call).
	 */
	private static final class UnderstoodHeaders extends AbstractSoapInterceptor {

		private static final Set<QName> HEADERS = Set.of(new QName(Ns.WSSE, "Security"), new QName(Ns.WSA, "Action"),
				new QName(Ns.WSA, "To"), new QName(Ns.WSA, "MessageID"), new QName(Ns.WSA, "ReplyTo"));

		UnderstoodHeaders() {
			super(Phase.PRE_PROTOCOL);
		}

		@Override
		public Set<QName> getUnderstoodHeaders() {
			return HEADERS;
		}

		@Override
		public void handleMessage(SoapMessage message) {
		}

	}

	/**
	 * Holds each request until the services are published; answers 503 when that failed
	 * or takes longer than {@link #ENDPOINTS_WAIT}.
	 */
	private static final class EndpointGate implements Filter {

		private final BackgroundStart endpoints;

		EndpointGate(BackgroundStart endpoints) {
			this.endpoints = endpoints;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!this.endpoints.awaitQuietly()) {
				((HttpServletResponse) response).sendError(503, "The services are not published");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	/** Adds latency and answers a share of the requests with HTTP 503. */
	private static final class BehaviourFilter implements Filter {

		private final Behaviour behaviour;

		private final AtomicLong calls;

		private final Random random;

		BehaviourFilter(Behaviour behaviour, AtomicLong calls, Random random) {
			this.behaviour = behaviour;
			this.calls = calls;
			this.random = random;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			this.calls.incrementAndGet();
			long latency = this.behaviour.latencyMillis();
			if (latency > 0) {
				try {
					TimeUnit.MILLISECONDS.sleep(latency);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.behaviour.unavailable) {
				HttpServletResponse http = (HttpServletResponse) response;
				if (this.behaviour.retryAfter != null) {
					http.setHeader("Retry-After", Long.toString(this.behaviour.retryAfter.toSeconds()));
				}
				http.sendError(503, "Injected: outage");
				return;
			}
			double share = this.behaviour.httpFailureShare();
			boolean fail;
			synchronized (this.random) {
				fail = share > 0 && this.random.nextDouble() < share;
			}
			if (fail) {
				((HttpServletResponse) response).sendError(503, "Injected: service unavailable");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
