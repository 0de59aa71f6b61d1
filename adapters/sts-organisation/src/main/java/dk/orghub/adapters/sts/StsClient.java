package dk.orghub.adapters.sts;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.xml.namespace.QName;

import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import dk.orghub.core.spi.AdapterException;
import dk.orghub.xsd.sts.header.RequestHeaderType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiInputType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiOutputType;
import dk.orghub.xsd.sts.sagdok.BasicOutputType;
import dk.orghub.xsd.sts.sagdok.LaesInputType;
import dk.orghub.xsd.sts.sagdok.StandardReturType;
import dk.orghub.xsd.sts.sagdok.UuidNoteInputType;
import dk.orghub.xsd.sts.service.AdressePortType;
import dk.orghub.xsd.sts.service.BrugerPortType;
import dk.orghub.xsd.sts.service.OrganisationEnhedPortType;
import dk.orghub.xsd.sts.service.OrganisationFunktionPortType;
import dk.orghub.xsd.sts.service.OrganisationSystemPortType;
import dk.orghub.xsd.sts.service.PersonPortType;

/**
 * A CXF JAX-WS client (SOAP 1.2) per STS Organisation service, with timeouts, KOMBIT's
 * request header and the status code of every answer. Thread-safe.
 */
public final class StsClient implements AutoCloseable {

	/** StandardRetur/StatusKode values. */
	public static final int OK = 20;

	public static final int BAD_INPUT = 40;

	public static final int NO_AGREEMENT = 41;

	public static final int NOT_FOUND = 44;

	public static final int TIME_AHEAD = 45;

	public static final int EXISTS_OR_PASSIVE = 49;

	/** Told each request body (the JAXB input element) before it is sent; for tests. */
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

	public StsClient(StsSettings settings, Clock clock, RequestListener listener) {
		this.settings = settings;
		this.clock = clock;
		this.registrations = new Registrations(new JaxbCodec(settings.actor()));
		this.listener = (listener != null) ? listener : (k, o, r) -> {
		};
		this.enhed = proxy(OrganisationEnhedPortType.class, "organisationenhed", "OrganisationEnhed");
		this.funktion = proxy(OrganisationFunktionPortType.class, "organisationfunktion", "OrganisationFunktion");
		this.bruger = proxy(BrugerPortType.class, "bruger", "Bruger");
		this.person = proxy(PersonPortType.class, "person", "Person");
		this.adresse = proxy(AdressePortType.class, "adresse", "Adresse");
		this.system = proxy(OrganisationSystemPortType.class, "organisationsystem", "OrganisationSystem");
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
		HTTPConduit conduit = (HTTPConduit) client.getConduit();
		HTTPClientPolicy policy = new HTTPClientPolicy();
		policy.setConnectionTimeout(this.settings.connectTimeout().toMillis());
		policy.setReceiveTimeout(this.settings.receiveTimeout().toMillis());
		conduit.setClient(policy);
		return proxy;
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
		header.setTransactionUUID(UUID.randomUUID().toString());
		return new Holder<>(header);
	}

	/** Creates the object with the caller's UUID. */
	public StandardReturType importer(StsObject o) {
		Instant time = registrationTime();
		String uuid = o.uuid().toString();
		return call(o.kind(), "importer", () -> switch (o.kind()) {
			case ENHED -> {
				var in = new dk.orghub.xsd.sts.organisationenhed.ImportInputType();
				var obj = new dk.orghub.xsd.sts.organisationenhed.OrganisationEnhedType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(this.registrations.enhed(o, time));
				in.setOrganisationEnhed(obj);
				this.listener.sending(o.kind(), "importer", in);
				yield this.enhed.importer(header(), in);
			}
			case FUNKTION -> {
				var in = new dk.orghub.xsd.sts.organisationfunktion.ImportInputType();
				var obj = new dk.orghub.xsd.sts.organisationfunktion.OrganisationFunktionType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(this.registrations.funktion(o, time));
				in.setOrganisationFunktion(obj);
				this.listener.sending(o.kind(), "importer", in);
				yield this.funktion.importer(header(), in);
			}
			case BRUGER -> {
				var in = new dk.orghub.xsd.sts.bruger.ImportInputType();
				var obj = new dk.orghub.xsd.sts.bruger.BrugerType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(this.registrations.bruger(o, time));
				in.setBruger(obj);
				this.listener.sending(o.kind(), "importer", in);
				yield this.bruger.importer(header(), in);
			}
			case PERSON -> {
				var in = new dk.orghub.xsd.sts.person.ImportInputType();
				var obj = new dk.orghub.xsd.sts.person.PersonType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(this.registrations.person(o, time));
				in.setPerson(obj);
				this.listener.sending(o.kind(), "importer", in);
				yield this.person.importer(header(), in);
			}
			case ADRESSE -> {
				var in = new dk.orghub.xsd.sts.adresse.ImportInputType();
				var obj = new dk.orghub.xsd.sts.adresse.AdresseType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(this.registrations.adresse(o, time));
				in.setAdresse(obj);
				this.listener.sending(o.kind(), "importer", in);
				yield this.adresse.importer(header(), in);
			}
		});
	}

	/** Replaces the object's properties, states and relations with the given ones. */
	public StandardReturType ret(StsObject o) {
		Instant time = registrationTime();
		String uuid = o.uuid().toString();
		return call(o.kind(), "ret", () -> switch (o.kind()) {
			case ENHED -> {
				var r = this.registrations.enhed(o, time);
				var in = new dk.orghub.xsd.sts.organisationenhed.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				this.listener.sending(o.kind(), "ret", in);
				yield this.enhed.ret(header(), in);
			}
			case FUNKTION -> {
				var r = this.registrations.funktion(o, time);
				var in = new dk.orghub.xsd.sts.organisationfunktion.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				this.listener.sending(o.kind(), "ret", in);
				yield this.funktion.ret(header(), in);
			}
			case BRUGER -> {
				var r = this.registrations.bruger(o, time);
				var in = new dk.orghub.xsd.sts.bruger.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				this.listener.sending(o.kind(), "ret", in);
				yield this.bruger.ret(header(), in);
			}
			case PERSON -> {
				var r = this.registrations.person(o, time);
				var in = new dk.orghub.xsd.sts.person.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				this.listener.sending(o.kind(), "ret", in);
				yield this.person.ret(header(), in);
			}
			case ADRESSE -> {
				var r = this.registrations.adresse(o, time);
				var in = new dk.orghub.xsd.sts.adresse.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				this.listener.sending(o.kind(), "ret", in);
				yield this.adresse.ret(header(), in);
			}
		});
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
		while (true) {
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
	}

	@FunctionalInterface
	private interface Call {

		Object invoke();

	}

	private StandardReturType call(StsKind kind, String operation, Call call) {
		this.calls.incrementAndGet();
		try {
			Object out = call.invoke();
			if (out instanceof BasicOutputType basic) {
				return basic.getStandardRetur();
			}
			if (out instanceof dk.orghub.xsd.sts.sagdok.SoegOutputType soeg) {
				return soeg.getStandardRetur();
			}
			throw new IllegalStateException("unexpected answer " + out);
		}
		catch (SOAPFaultException ex) {
			String code = ex.getFault().getFaultCodeAsQName().getLocalPart();
			boolean temporary = code.equals("Receiver") || code.equals("Server");
			throw new AdapterException(operation + " " + kind + ": SOAP fault " + code + ": " + ex.getMessage(),
					temporary, ex);
		}
		catch (WebServiceException ex) {
			Throwable cause = ex.getCause();
			boolean temporary = true;
			if (cause instanceof HTTPException http && http.getResponseCode() >= 400 && http.getResponseCode() < 500
					&& http.getResponseCode() != 408 && http.getResponseCode() != 429) {
				temporary = false;
			}
			throw new AdapterException(operation + " " + kind + ": " + ex.getMessage(), temporary, ex);
		}
	}

	static AdapterException failure(StsKind kind, String operation, UUID uuid, StandardReturType retur) {
		int status = retur.getStatusKode().intValue();
		boolean temporary = status == TIME_AHEAD || status >= 50;
		return new AdapterException(
				operation + " " + kind + " " + uuid + ": status " + status + ": " + retur.getFejlbeskedTekst(),
				temporary);
	}

	@Override
	public void close() {
		for (Object proxy : List.of(this.enhed, this.funktion, this.bruger, this.person, this.adresse, this.system)) {
			ClientProxy.getClient(proxy).destroy();
		}
	}

}
