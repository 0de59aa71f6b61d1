package dk.orghub.adapters.sts;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.namespace.QName;

import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.policy.PolicyEngine;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.kombit.security.KombitSecurityException;
import dk.orghub.kombit.security.KombitSecurityException.Reason;
import dk.orghub.kombit.security.TokenCache;
import dk.orghub.xsd.sts.header.RequestHeaderType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiInputType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiOutputType;
import dk.orghub.xsd.sts.sagdok.BasicOutputType;
import dk.orghub.xsd.sts.sagdok.LaesInputType;
import dk.orghub.xsd.sts.sagdok.ListInputType;
import dk.orghub.xsd.sts.sagdok.StandardReturType;
import dk.orghub.xsd.sts.sagdok.UuidNoteInputType;
import dk.orghub.xsd.sts.service.AdressePortType;
import dk.orghub.xsd.sts.service.BrugerPortType;
import dk.orghub.xsd.sts.service.OrganisationEnhedPortType;
import dk.orghub.xsd.sts.service.OrganisationFunktionPortType;
import dk.orghub.xsd.sts.service.OrganisationPortType;
import dk.orghub.xsd.sts.service.OrganisationSystemPortType;
import dk.orghub.xsd.sts.service.PersonPortType;

/**
 * A CXF JAX-WS client (SOAP 1.2) per STS Organisation service, with timeouts, KOMBIT's
 * request header and the status code of every answer. Without WS-Security, the calls of a
 * publish ({@code importer} and {@code ret}) are sent as {@link PlainCalls}, written from
 * the same CXF clients' descriptions without their per-call machinery (ADR 0025); signed
 * calls and every other operation go through CXF. Thread-safe.
 */
public final class StsClient implements AutoCloseable {

	/** StandardRetur/StatusKode values. */
	public static final int OK = 20;

	public static final int BAD_INPUT = 40;

	public static final int NO_AGREEMENT = 41;

	public static final int NOT_FOUND = 44;

	public static final int TIME_AHEAD = 45;

	public static final int EXISTS_OR_PASSIVE = 49;

	/**
	 * Told each request before it is sent, for tests: the {@link StsObject} of
	 * {@code importer} and {@code ret}, the JAXB input element of the other operations.
	 */
	@FunctionalInterface
	public interface RequestListener {

		void sending(StsKind kind, String operation, Object request);

	}

	private static final String NS = "http://stoettesystemerne.dk/organisation/6/";

	private final StsSettings settings;

	private final Clock clock;

	private final Registrations registrations;

	private final RequestListener listener;

	private final AtomicLong calls = new AtomicLong();

	private final OrganisationEnhedPortType enhed;

	private final OrganisationFunktionPortType funktion;

	private final BrugerPortType bruger;

	private final PersonPortType person;

	private final AdressePortType adresse;

	private final OrganisationSystemPortType system;

	private final OrganisationPortType organisation;

	private final StsCredentials credentials;

	private final TokenCache tokens;

	/** importer and ret of calls that are not signed; null with security on. */
	private final PlainCalls plain;

	/**
	 * Pages {@link #fremsoegObjekthierarki} reads at most (a bound against a looping
	 * service).
	 */
	static final int MAX_PAGES = 100_000;

	/**
	 * @param plain whether {@code importer} and {@code ret} go as plain calls
	 * ({@link PlainCalls}) rather than through CXF; only without security (the tests
	 * compare both)
	 */
	StsClient(StsSettings settings, Clock clock, RequestListener listener, boolean plain) {
		if (plain && settings.security().enabled()) {
			throw new IllegalArgumentException("signed calls go through CXF");
		}
		this.settings = settings;
		this.clock = clock;
		if (settings.security().enabled()) {
			try {
				this.credentials = StsCredentials.load(settings.security());
			}
			catch (KombitSecurityException ex) {
				throw StsFailure.security("security", ex);
			}
			this.tokens = this.credentials.tokens(settings.cvr(), clock, settings.receiveTimeout());
		}
		else {
			this.credentials = null;
			this.tokens = null;
		}
		this.registrations = new Registrations(new JaxbCodec(settings.actor()));
		keepAlive(settings.concurrency());
		// the proxies use CXF's default bus (tests add their interceptors there); its
		// WS-Policy engine is turned off: the hub uses no policy (signed calls are its
		// own
		// interceptors, ADR 0011) and the engine's interceptors ran on every call
		Bus bus = BusFactory.getThreadDefaultBus();
		PolicyEngine policies = bus.getExtension(PolicyEngine.class);
		if (policies != null && policies.isEnabled()) {
			policies.setEnabled(false);
		}
		this.listener = (listener != null) ? listener : (k, o, r) -> {
		};
		this.enhed = proxy(OrganisationEnhedPortType.class, "organisationenhed", "OrganisationEnhed");
		this.funktion = proxy(OrganisationFunktionPortType.class, "organisationfunktion", "OrganisationFunktion");
		this.bruger = proxy(BrugerPortType.class, "bruger", "Bruger");
		this.person = proxy(PersonPortType.class, "person", "Person");
		this.adresse = proxy(AdressePortType.class, "adresse", "Adresse");
		this.system = proxy(OrganisationSystemPortType.class, "organisationsystem", "OrganisationSystem");
		this.organisation = proxy(OrganisationPortType.class, "organisation", "Organisation");
		this.plain = plain ? plainCalls() : null;
	}

	public StsClient(StsSettings settings, Clock clock, RequestListener listener) {
		this(settings, clock, listener, !settings.security().enabled());
	}

	private PlainCalls plainCalls() {
		Map<StsKind, Client> clients = new EnumMap<>(StsKind.class);
		clients.put(StsKind.ENHED, ClientProxy.getClient(this.enhed));
		clients.put(StsKind.FUNKTION, ClientProxy.getClient(this.funktion));
		clients.put(StsKind.BRUGER, ClientProxy.getClient(this.bruger));
		clients.put(StsKind.PERSON, ClientProxy.getClient(this.person));
		clients.put(StsKind.ADRESSE, ClientProxy.getClient(this.adresse));
		return new PlainCalls(this.settings, this.clock, clients, new RegistrationWriter(this.settings.actor()));
	}

	private <T> T proxy(Class<T> type, String service, String name) {
		JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
		factory.setServiceClass(type);
		factory.setAddress(this.settings.serviceUrl(service));
		factory.setWsdlURL("classpath:sts6/wsdl/" + name + ".wsdl");
		factory.setServiceName(new QName(NS, name + "Service"));
		factory.setEndpointName(new QName(NS, name));
		T proxy = factory.create(type);
		Client client = ClientProxy.getClient(proxy);
		client.getRequestContext().put("thread.local.request.context", "true");
		// HttpURLConnection rather than CXF's default, the JDK HttpClient, whose answers
		// pass
		// through its own worker and selector threads (a fifth of the client's CPU in the
		// benchmark, and about 20% more CPU per call); its keep-alive cache is sized
		// below
		client.getEndpoint().put("force.urlconnection.http.conduit", Boolean.TRUE);
		HTTPConduit conduit = (HTTPConduit) client.getConduit();
		HTTPClientPolicy policy = new HTTPClientPolicy();
		policy.setConnectionTimeout(this.settings.connectTimeout().toMillis());
		policy.setReceiveTimeout(this.settings.receiveTimeout().toMillis());
		// a call is written into memory and sent with its length: a chunked call (above 4
		// KB) is streamed through a pipe from a second thread
		policy.setAllowChunking(false);
		conduit.setClient(policy);
		client.getEndpoint().put(HttpErrors.NO_IO_EXCEPTIONS, Boolean.TRUE);
		client.getInInterceptors().add(new HttpErrors(this.clock));
		if (this.tokens != null) {
			client.getOutInterceptors().add(new SignedCallInterceptors.Sign(this.tokens, this.credentials, this.clock));
			SignedCallInterceptors.Verify verify = new SignedCallInterceptors.Verify(this.credentials, this.clock);
			client.getInInterceptors().add(verify);
			client.getInFaultInterceptors().add(verify);
		}
		return proxy;
	}

	/**
	 * Lets HttpURLConnection keep as many idle connections per host as there are calls in
	 * flight (its default keeps 5 and closes the others after each call, so that most
	 * calls would open a connection, and a TLS session, of their own). The JDK reads
	 * {@code http.maxConnections} when it first keeps a connection: a value given to the
	 * JVM is left as it is.
	 */
	static void keepAlive(int concurrency) {
		synchronized (StsClient.class) {
			if (System.getProperty("http.maxConnections") == null) {
				System.setProperty("http.maxConnections", Integer.toString(Math.max(5, concurrency)));
			}
		}
	}

	/** The token cache of signed calls, or null without security. */
	public TokenCache tokens() {
		return this.tokens;
	}

	/** The loaded certificates of signed calls, or null without security. */
	public StsCredentials credentials() {
		return this.credentials;
	}

	/** SOAP calls made so far. */
	public long calls() {
		return this.calls.get();
	}

	/** The registration time to send: now, less the configured lag. */
	Instant registrationTime() {
		return this.clock.instant().minus(this.settings.registrationLag());
	}

	private static Holder<RequestHeaderType> header() {
		RequestHeaderType header = new RequestHeaderType();
		header.setTransactionUUID(transactionUuid());
		return new Holder<>(header);
	}

	/**
	 * A random TransactionUUID: a correlation id, not a secret (UUID.randomUUID's
	 * SecureRandom is one lock for every calling thread).
	 */
	private static String transactionUuid() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	/** Creates the object with the caller's UUID. */
	public StandardReturType importer(StsObject o) {
		return publish(o, "importer");
	}

	/** Replaces the object's properties, states and relations with the given ones. */
	public StandardReturType ret(StsObject o) {
		return publish(o, "ret");
	}

	/**
	 * Sends {@code importer} or {@code ret}: as a plain call when calls are not signed,
	 * else through the CXF proxy.
	 */
	private StandardReturType publish(StsObject o, String operation) {
		Instant time = registrationTime();
		return call(o.kind(), operation, () -> {
			this.listener.sending(o.kind(), operation, o);
			if (this.plain != null) {
				return this.plain.call(o.kind(), operation, transactionUuid(), o, time);
			}
			return operation.equals("importer") ? cxfImporter(o, time) : cxfRet(o, time);
		});
	}

	private Object cxfImporter(StsObject o, Instant time) {
		Object in = this.registrations.importInput(o, time);
		return switch (o.kind()) {
			case ENHED -> this.enhed.importer(header(), (dk.orghub.xsd.sts.organisationenhed.ImportInputType) in);
			case FUNKTION ->
				this.funktion.importer(header(), (dk.orghub.xsd.sts.organisationfunktion.ImportInputType) in);
			case BRUGER -> this.bruger.importer(header(), (dk.orghub.xsd.sts.bruger.ImportInputType) in);
			case PERSON -> this.person.importer(header(), (dk.orghub.xsd.sts.person.ImportInputType) in);
			case ADRESSE -> this.adresse.importer(header(), (dk.orghub.xsd.sts.adresse.ImportInputType) in);
		};
	}

	private Object cxfRet(StsObject o, Instant time) {
		Object in = this.registrations.retInput(o, time);
		return switch (o.kind()) {
			case ENHED -> this.enhed.ret(header(), (dk.orghub.xsd.sts.organisationenhed.RetInputType) in);
			case FUNKTION -> this.funktion.ret(header(), (dk.orghub.xsd.sts.organisationfunktion.RetInputType) in);
			case BRUGER -> this.bruger.ret(header(), (dk.orghub.xsd.sts.bruger.RetInputType) in);
			case PERSON -> this.person.ret(header(), (dk.orghub.xsd.sts.person.RetInputType) in);
			case ADRESSE -> this.adresse.ret(header(), (dk.orghub.xsd.sts.adresse.RetInputType) in);
		};
	}

	/**
	 * What STS holds for the object, or empty when it holds nothing (or passivated it).
	 */
	public Optional<StsObject> laes(StsKind kind, UUID uuid) {
		LaesInputType in = new LaesInputType();
		in.setUUIDIdentifikator(uuid.toString());
		List<StsObject> found = new ArrayList<>(1);
		StandardReturType retur = call(kind, "laes", () -> {
			this.listener.sending(kind, "laes", in);
			switch (kind) {
				case ENHED -> {
					var out = this.enhed.laes(header(), in);
					if (out.getFiltreretOejebliksbillede() != null) {
						var regs = out.getFiltreretOejebliksbillede().getRegistrering();
						found.add(Registrations.enhed(uuid, regs.get(regs.size() - 1)));
					}
					return out;
				}
				case FUNKTION -> {
					var out = this.funktion.laes(header(), in);
					if (out.getFiltreretOejebliksbillede() != null) {
						var regs = out.getFiltreretOejebliksbillede().getRegistrering();
						found.add(Registrations.funktion(uuid, regs.get(regs.size() - 1)));
					}
					return out;
				}
				case BRUGER -> {
					var out = this.bruger.laes(header(), in);
					if (out.getFiltreretOejebliksbillede() != null) {
						var regs = out.getFiltreretOejebliksbillede().getRegistrering();
						found.add(Registrations.bruger(uuid, regs.get(regs.size() - 1)));
					}
					return out;
				}
				case PERSON -> {
					var out = this.person.laes(header(), in);
					if (out.getFiltreretOejebliksbillede() != null) {
						var regs = out.getFiltreretOejebliksbillede().getRegistrering();
						found.add(Registrations.person(uuid, regs.get(regs.size() - 1)));
					}
					return out;
				}
				default -> {
					var out = this.adresse.laes(header(), in);
					if (out.getFiltreretOejebliksbillede() != null) {
						var regs = out.getFiltreretOejebliksbillede().getRegistrering();
						found.add(Registrations.adresse(uuid, regs.get(regs.size() - 1)));
					}
					return out;
				}
			}
		});
		int status = retur.getStatusKode().intValue();
		if (status == OK) {
			return found.stream().findFirst();
		}
		if (status == NOT_FOUND || status == EXISTS_OR_PASSIVE) {
			return Optional.empty();
		}
		throw failure(kind, "laes", uuid, retur);
	}

	/**
	 * What STS holds of several Person or Adresse objects, read with one {@code list}
	 * call; objects it lacks (or passivated) are not in the answer.
	 * @param kind {@link StsKind#PERSON} or {@link StsKind#ADRESSE}
	 */
	public List<StsObject> list(StsKind kind, List<UUID> uuids) {
		ListInputType in = new ListInputType();
		uuids.forEach(uuid -> in.getUUIDIdentifikator().add(uuid.toString()));
		List<StsObject> found = new ArrayList<>(uuids.size());
		StandardReturType retur = call(kind, "list", () -> {
			this.listener.sending(kind, "list", in);
			switch (kind) {
				case PERSON -> {
					var out = this.person.list(header(), in);
					for (var billede : out.getFiltreretOejebliksbillede()) {
						var regs = billede.getRegistrering();
						found.add(Registrations.person(UUID.fromString(billede.getObjektType().getUUIDIdentifikator()),
								regs.get(regs.size() - 1)));
					}
					return out;
				}
				case ADRESSE -> {
					var out = this.adresse.list(header(), in);
					for (var billede : out.getFiltreretOejebliksbillede()) {
						var regs = billede.getRegistrering();
						found.add(Registrations.adresse(UUID.fromString(billede.getObjektType().getUUIDIdentifikator()),
								regs.get(regs.size() - 1)));
					}
					return out;
				}
				default -> throw new IllegalArgumentException("list reads Person and Adresse, not " + kind);
			}
		});
		if (retur.getStatusKode().intValue() != OK) {
			throw failure(kind, "list", null, retur);
		}
		return found;
	}

	/**
	 * Whether STS holds the Organisation object with this UUID (the municipality's, which
	 * KOMBIT creates); for the connection test.
	 */
	public boolean laesOrganisation(UUID uuid) {
		LaesInputType in = new LaesInputType();
		in.setUUIDIdentifikator(uuid.toString());
		StandardReturType retur = call(StsKind.ENHED, "laes Organisation", () -> {
			this.listener.sending(null, "laes", in);
			return this.organisation.laes(header(), in);
		});
		int status = retur.getStatusKode().intValue();
		if (status == OK) {
			return true;
		}
		if (status == NOT_FOUND) {
			return false;
		}
		throw failure(StsKind.ENHED, "laes Organisation", uuid, retur);
	}

	/** Passivates an object (not used for ended objects: those are made Inaktiv). */
	public StandardReturType passiver(StsKind kind, UUID uuid) {
		UuidNoteInputType in = new UuidNoteInputType();
		in.setUUIDIdentifikator(uuid.toString());
		return call(kind, "passiver", () -> {
			this.listener.sending(kind, "passiver", in);
			return switch (kind) {
				case ENHED -> this.enhed.passiver(header(), in);
				case FUNKTION -> this.funktion.passiver(header(), in);
				case BRUGER -> this.bruger.passiver(header(), in);
				case PERSON -> this.person.passiver(header(), in);
				case ADRESSE -> this.adresse.passiver(header(), in);
			};
		});
	}

	/**
	 * Reads every active unit, function and user with OrganisationSystem's
	 * {@code fremsoegobjekthierarki}, page by page.
	 */
	public List<StsObject> fremsoegObjekthierarki(int pageSize) {
		List<StsObject> result = new ArrayList<>();
		int first = 0;
		for (int page = 0; page < MAX_PAGES; page++) {
			FremsoegObjekthierarkiInputType in = new FremsoegObjekthierarkiInputType();
			in.setFoersteResultatReference(BigInteger.valueOf(first));
			in.setMaksimalAntalKvantitet(BigInteger.valueOf(pageSize));
			FremsoegObjekthierarkiOutputType[] out = new FremsoegObjekthierarkiOutputType[1];
			StandardReturType retur = call(StsKind.ENHED, "fremsoegobjekthierarki", () -> {
				this.listener.sending(null, "fremsoegobjekthierarki", in);
				out[0] = this.system.fremsoegobjekthierarki(header(), in);
				return out[0];
			});
			if (retur.getStatusKode().intValue() != OK) {
				throw failure(StsKind.ENHED, "fremsoegobjekthierarki", null, retur);
			}
			int largest = 0;
			var enheder = out[0].getOrganisationEnheder().getFiltreretOejebliksbillede();
			for (var b : enheder) {
				var regs = b.getRegistrering();
				result.add(Registrations.enhed(UUID.fromString(b.getObjektType().getUUIDIdentifikator()),
						regs.get(regs.size() - 1)));
			}
			var funktioner = out[0].getOrganisationFunktioner().getFiltreretOejebliksbillede();
			for (var b : funktioner) {
				var regs = b.getRegistrering();
				result.add(Registrations.funktion(UUID.fromString(b.getObjektType().getUUIDIdentifikator()),
						regs.get(regs.size() - 1)));
			}
			var brugere = out[0].getBrugere().getFiltreretOejebliksbillede();
			for (var b : brugere) {
				var regs = b.getRegistrering();
				result.add(Registrations.bruger(UUID.fromString(b.getObjektType().getUUIDIdentifikator()),
						regs.get(regs.size() - 1)));
			}
			largest = Math.max(enheder.size(), Math.max(funktioner.size(), brugere.size()));
			if (largest < pageSize) {
				return result;
			}
			first += pageSize;
		}
		throw new AdapterException("fremsoegobjekthierarki: more than " + MAX_PAGES + " pages of " + pageSize
				+ "; STS Organisation keeps answering full pages", false);
	}

	@FunctionalInterface
	private interface Call {

		Object invoke() throws IOException;

	}

	private StandardReturType call(StsKind kind, String operation, Call call) {
		this.calls.incrementAndGet();
		try {
			Object out = call.invoke();
			if (out instanceof StandardReturType retur) {
				return retur;
			}
			if (out instanceof BasicOutputType basic) {
				return basic.getStandardRetur();
			}
			if (out instanceof dk.orghub.xsd.sts.sagdok.SoegOutputType soeg) {
				return soeg.getStandardRetur();
			}
			if (out instanceof dk.orghub.xsd.sts.sagdok.ListOutputType list) {
				return list.getStandardRetur();
			}
			throw new IllegalStateException("unexpected answer " + out);
		}
		catch (PlainCalls.Fault ex) {
			throw soapFault(operation + " " + kind, ex.code, ex.subcodes, ex.reason, ex);
		}
		catch (HttpErrors.Status ex) {
			throw httpStatus(operation + " " + kind, ex, ex);
		}
		catch (IOException ex) {
			throw new StsFailure("network", operation + " " + kind + ": " + ex, true, false, null, ex);
		}
		catch (SOAPFaultException ex) {
			KombitSecurityException security = KombitSecurityException.find(ex);
			if (security != null) {
				throw StsFailure.security(operation + " " + kind, security);
			}
			List<QName> subcodes = new ArrayList<>();
			Iterator<QName> i = ex.getFault().getFaultSubcodes();
			while (i != null && i.hasNext()) {
				subcodes.add(i.next());
			}
			throw soapFault(operation + " " + kind, ex.getFault().getFaultCodeAsQName(), subcodes,
					ex.getFault().getFaultString(), ex);
		}
		catch (WebServiceException ex) {
			KombitSecurityException security = KombitSecurityException.find(ex);
			if (security != null) {
				throw StsFailure.security(operation + " " + kind, security);
			}
			for (Throwable c = ex; c != null; c = (c.getCause() == c) ? null : c.getCause()) {
				if (c instanceof HttpErrors.Status http) {
					throw httpStatus(operation + " " + kind, http, ex);
				}
				if (c instanceof SoapFault fault) {
					// a fault answered while the call was being sent (e.g. to a signed
					// call)
					throw soapFault(operation + " " + kind, fault.getFaultCode(),
							(fault.getSubCodes() != null) ? fault.getSubCodes() : List.of(), fault.getReason(), ex);
				}
			}
			Throwable cause = ex.getCause();
			boolean temporary = true;
			String failureKind = "network";
			if (cause instanceof HTTPException http) {
				int code = http.getResponseCode();
				failureKind = "HTTP " + code;
				temporary = !(code >= 400 && code < 500 && code != 408 && code != 429);
			}
			throw new StsFailure(failureKind, operation + " " + kind + ": " + ex.getMessage(), temporary, false, null,
					ex);
		}
	}

	/** An HTTP error answer: temporary unless the service refused the call itself. */
	private static StsFailure httpStatus(String operation, HttpErrors.Status http, Exception ex) {
		boolean temporary = !(http.code >= 400 && http.code < 500 && http.code != 408 && http.code != 429);
		return new StsFailure("HTTP " + http.code, operation + ": " + http.getMessage(), temporary, false,
				http.retryAfter, ex);
	}

	private StsFailure soapFault(String operation, QName code, List<QName> subcodes, String reason, Exception ex) {
		for (QName subcode : subcodes) {
			if (WSSE_NS.equals(subcode.getNamespaceURI()) && SECURITY_FAULTS.contains(subcode.getLocalPart())) {
				return securityFault(operation, subcode.getLocalPart(), reason, ex);
			}
		}
		String name = (code != null) ? code.getLocalPart() : "unknown";
		boolean temporary = name.equals("Receiver") || name.equals("Server");
		return new StsFailure("SOAP fault " + name, operation + ": SOAP fault " + name + ": " + reason, temporary,
				false, null, ex);
	}

	/** WS-Security fault subcodes: the service refused the signature or the token. */
	private static final Set<String> SECURITY_FAULTS = Set.of("InvalidSecurity", "InvalidSecurityToken",
			"FailedAuthentication", "FailedCheck", "SecurityTokenUnavailable", "MessageExpired");

	private static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

	private StsFailure securityFault(String operation, String subcode, String reason, Exception ex) {
		return switch (subcode) {
			case "MessageExpired" -> StsFailure.security(operation, new KombitSecurityException(Reason.CLOCK_SKEW,
					"STS Organisation says the call is stale: " + reason));
			case "InvalidSecurityToken", "SecurityTokenUnavailable" -> {
				// the token may have expired early or been revoked: fetch a new one and
				// retry
				if (this.tokens != null) {
					this.tokens.invalidate(this.tokens.current());
				}
				yield new StsFailure("token refused by STS Organisation",
						operation + ": STS Organisation refused the token: " + reason, true, false, null, ex);
			}
			default -> StsFailure.security(operation, new KombitSecurityException(Reason.SIGNATURE_REFUSED,
					"STS Organisation refused the signed call (" + subcode + "): " + reason));
		};
	}

	static AdapterException failure(StsKind kind, String operation, UUID uuid, StandardReturType retur) {
		int status = retur.getStatusKode().intValue();
		boolean temporary = status == TIME_AHEAD || status >= 50;
		String message = operation + " " + kind + " " + uuid + ": status " + status + ": " + retur.getFejlbeskedTekst();
		if (status == NO_AGREEMENT) {
			return new StsFailure("no service agreement (status 41)",
					message + " (no service agreement for this CVR number: see KOMBIT's administration module)", false,
					true, null, null);
		}
		if (status == TIME_AHEAD) {
			return new StsFailure("clock skew (status 45)", message, true, false, null, null);
		}
		return new StsFailure("status " + status, message, temporary, false, null, null);
	}

	@Override
	public void close() {
		for (Object proxy : List.of(this.enhed, this.funktion, this.bruger, this.person, this.adresse, this.system,
				this.organisation)) {
			ClientProxy.getClient(proxy).destroy();
		}
	}

}
