package dk.orghub.samples.sts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;

import dk.orghub.samples.sts.Operations.Ref;
import dk.orghub.samples.sts.StsRegistry.Kind;
import dk.orghub.xsd.sts.header.RequestHeaderType;
import dk.orghub.xsd.sts.sagdok.BasicOutputType;
import dk.orghub.xsd.sts.sagdok.LaesInputType;
import dk.orghub.xsd.sts.sagdok.ListInputType;
import dk.orghub.xsd.sts.sagdok.RegistreringType;
import dk.orghub.xsd.sts.sagdok.SagDokObjektType;
import dk.orghub.xsd.sts.sagdok.SoegOutputType;
import dk.orghub.xsd.sts.sagdok.UuidNoteInputType;

/**
 * The object services of the local STS Organisation service, one JAX-WS implementation
 * per generated port type. Each checks references and patterns and stores what it
 * receives in the {@link StsRegistry}.
 */
final class Endpoints {

	static final String NS = "http://stoettesystemerne.dk/organisation/6/";

	private Endpoints() {
	}

	static XMLGregorianCalendar now(Clock clock) {
		try {
			GregorianCalendar calendar = GregorianCalendar.from(clock.instant().atZone(clock.getZone()));
			return DatatypeFactory.newInstance().newXMLGregorianCalendar(calendar);
		}
		catch (DatatypeConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SagDokObjektType objekt(String uuid) {
		SagDokObjektType objekt = new SagDokObjektType();
		objekt.setUUIDIdentifikator(uuid);
		return objekt;
	}

	@WebService(serviceName = "OrganisationEnhedService", portName = "OrganisationEnhed", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.OrganisationEnhedPortType",
			wsdlLocation = "classpath:sts6/wsdl/OrganisationEnhed.wsdl")
	public static class EnhedEndpoint implements dk.orghub.xsd.sts.service.OrganisationEnhedPortType {

		private final Operations operations;

		private final Clock clock;

		EnhedEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationenhed.RegistreringType reg = (dk.orghub.xsd.sts.organisationenhed.RegistreringType) registration;
			List<Ref> refs = new ArrayList<>();
			dk.orghub.xsd.sts.organisationenhed.RelationListeType r = reg.getRelationListe();
			Operations.ref(refs, "Overordnet", Kind.ENHED, r.getOverordnet());
			Operations.flerRef(refs, "Tilhoerer", Kind.ORGANISATION, r.getTilhoerer());
			Operations.flerRefs(refs, "Adresser", Kind.ADRESSE, r.getAdresser());
			return refs;
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationenhed.RegistreringType reg = (dk.orghub.xsd.sts.organisationenhed.RegistreringType) registration;
			if (reg.getRelationListe().getTilhoerer() == null) {
				return "en enhed skal have Tilhoerer";
			}
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en enhed skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationenhed.RegistreringType reg = (dk.orghub.xsd.sts.organisationenhed.RegistreringType) registration;
			List<dk.orghub.xsd.sts.organisationenhed.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationenhed.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisationenhed.OrganisationEnhedType object = request.getOrganisationEnhed();
				List<dk.orghub.xsd.sts.organisationenhed.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.ENHED, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), EnhedEndpoint::refs, EnhedEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationenhed.RetInputType request) {
			return this.operations.call(() -> this.operations.ret(Kind.ENHED, request.getUUIDIdentifikator(), old -> {
				dk.orghub.xsd.sts.organisationenhed.RegistreringType previous = (dk.orghub.xsd.sts.organisationenhed.RegistreringType) old;
				dk.orghub.xsd.sts.organisationenhed.RegistreringType merged = new dk.orghub.xsd.sts.organisationenhed.RegistreringType();
				merged.setTidspunkt(now(this.clock));
				merged.setLivscyklusKode(previous.getLivscyklusKode());
				merged.setBrugerRef(previous.getBrugerRef());
				merged.setNoteTekst(request.getNoteTekst());
				merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
						: previous.getAttributListe());
				merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
						: previous.getTilstandListe());
				merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
						: previous.getRelationListe());
				return merged;
			}, EnhedEndpoint::refs, EnhedEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations.call(() -> this.operations.passiver(Kind.ENHED, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.organisationenhed.LaesOutputType laes(Holder<RequestHeaderType> header,
				LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisationenhed.LaesOutputType output = new dk.orghub.xsd.sts.organisationenhed.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.ENHED, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.organisationenhed.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.organisationenhed.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering().add((dk.orghub.xsd.sts.organisationenhed.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationenhed.SoegInputType request) {
			List<dk.orghub.xsd.sts.organisationenhed.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.ENHED, request, EnhedEndpoint::userKey, userKey));
		}

	}

	@WebService(serviceName = "OrganisationFunktionService", portName = "OrganisationFunktion", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.OrganisationFunktionPortType",
			wsdlLocation = "classpath:sts6/wsdl/OrganisationFunktion.wsdl")
	public static class FunktionEndpoint implements dk.orghub.xsd.sts.service.OrganisationFunktionPortType {

		private final Operations operations;

		private final Clock clock;

		FunktionEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationfunktion.RegistreringType reg = (dk.orghub.xsd.sts.organisationfunktion.RegistreringType) registration;
			List<Ref> refs = new ArrayList<>();
			dk.orghub.xsd.sts.organisationfunktion.RelationListeType r = reg.getRelationListe();
			Operations.flerRefs(refs, "TilknyttedeEnheder", Kind.ENHED, r.getTilknyttedeEnheder());
			Operations.flerRefs(refs, "TilknyttedeBrugere", Kind.BRUGER, r.getTilknyttedeBrugere());
			Operations.flerRefs(refs, "Adresser", Kind.ADRESSE, r.getAdresser());
			return refs;
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationfunktion.RegistreringType reg = (dk.orghub.xsd.sts.organisationfunktion.RegistreringType) registration;
			if (reg.getRelationListe().getFunktionstype() == null) {
				return "en funktion skal have en Funktionstype";
			}
			if (reg.getRelationListe().getTilknyttedeEnheder().isEmpty()) {
				return "en funktion skal være tilknyttet en enhed";
			}
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en funktion skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.organisationfunktion.RegistreringType reg = (dk.orghub.xsd.sts.organisationfunktion.RegistreringType) registration;
			List<dk.orghub.xsd.sts.organisationfunktion.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationfunktion.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisationfunktion.OrganisationFunktionType object = request
					.getOrganisationFunktion();
				List<dk.orghub.xsd.sts.organisationfunktion.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.FUNKTION, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), FunktionEndpoint::refs, FunktionEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationfunktion.RetInputType request) {
			return this.operations
				.call(() -> this.operations.ret(Kind.FUNKTION, request.getUUIDIdentifikator(), old -> {
					dk.orghub.xsd.sts.organisationfunktion.RegistreringType previous = (dk.orghub.xsd.sts.organisationfunktion.RegistreringType) old;
					dk.orghub.xsd.sts.organisationfunktion.RegistreringType merged = new dk.orghub.xsd.sts.organisationfunktion.RegistreringType();
					merged.setTidspunkt(now(this.clock));
					merged.setLivscyklusKode(previous.getLivscyklusKode());
					merged.setBrugerRef(previous.getBrugerRef());
					merged.setNoteTekst(request.getNoteTekst());
					merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
							: previous.getAttributListe());
					merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
							: previous.getTilstandListe());
					merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
							: previous.getRelationListe());
					return merged;
				}, FunktionEndpoint::refs, FunktionEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations.call(() -> this.operations.passiver(Kind.FUNKTION, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.organisationfunktion.LaesOutputType laes(Holder<RequestHeaderType> header,
				LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisationfunktion.LaesOutputType output = new dk.orghub.xsd.sts.organisationfunktion.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.FUNKTION, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.organisationfunktion.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.organisationfunktion.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering()
						.add((dk.orghub.xsd.sts.organisationfunktion.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisationfunktion.SoegInputType request) {
			List<dk.orghub.xsd.sts.organisationfunktion.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.FUNKTION, request, FunktionEndpoint::userKey, userKey));
		}

	}

	@WebService(serviceName = "BrugerService", portName = "Bruger", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.BrugerPortType",
			wsdlLocation = "classpath:sts6/wsdl/Bruger.wsdl")
	public static class BrugerEndpoint implements dk.orghub.xsd.sts.service.BrugerPortType {

		private final Operations operations;

		private final Clock clock;

		BrugerEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.bruger.RegistreringType reg = (dk.orghub.xsd.sts.bruger.RegistreringType) registration;
			List<Ref> refs = new ArrayList<>();
			dk.orghub.xsd.sts.bruger.RelationListeType r = reg.getRelationListe();
			Operations.flerRef(refs, "Tilhoerer", Kind.ORGANISATION, r.getTilhoerer());
			Operations.flerRefs(refs, "TilknyttedePersoner", Kind.PERSON, r.getTilknyttedePersoner());
			Operations.flerRefs(refs, "Adresser", Kind.ADRESSE, r.getAdresser());
			return refs;
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.bruger.RegistreringType reg = (dk.orghub.xsd.sts.bruger.RegistreringType) registration;
			if (reg.getRelationListe().getTilhoerer() == null) {
				return "en bruger skal have Tilhoerer";
			}
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en bruger skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.bruger.RegistreringType reg = (dk.orghub.xsd.sts.bruger.RegistreringType) registration;
			List<dk.orghub.xsd.sts.bruger.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.bruger.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.bruger.BrugerType object = request.getBruger();
				List<dk.orghub.xsd.sts.bruger.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.BRUGER, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), BrugerEndpoint::refs, BrugerEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.bruger.RetInputType request) {
			return this.operations.call(() -> this.operations.ret(Kind.BRUGER, request.getUUIDIdentifikator(), old -> {
				dk.orghub.xsd.sts.bruger.RegistreringType previous = (dk.orghub.xsd.sts.bruger.RegistreringType) old;
				dk.orghub.xsd.sts.bruger.RegistreringType merged = new dk.orghub.xsd.sts.bruger.RegistreringType();
				merged.setTidspunkt(now(this.clock));
				merged.setLivscyklusKode(previous.getLivscyklusKode());
				merged.setBrugerRef(previous.getBrugerRef());
				merged.setNoteTekst(request.getNoteTekst());
				merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
						: previous.getAttributListe());
				merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
						: previous.getTilstandListe());
				merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
						: previous.getRelationListe());
				return merged;
			}, BrugerEndpoint::refs, BrugerEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations.call(() -> this.operations.passiver(Kind.BRUGER, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.bruger.LaesOutputType laes(Holder<RequestHeaderType> header, LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.bruger.LaesOutputType output = new dk.orghub.xsd.sts.bruger.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.BRUGER, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.bruger.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.bruger.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering().add((dk.orghub.xsd.sts.bruger.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.bruger.SoegInputType request) {
			List<dk.orghub.xsd.sts.bruger.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.BRUGER, request, BrugerEndpoint::userKey, userKey));
		}

	}

	@WebService(serviceName = "PersonService", portName = "Person", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.PersonPortType",
			wsdlLocation = "classpath:sts6/wsdl/Person.wsdl")
	public static class PersonEndpoint implements dk.orghub.xsd.sts.service.PersonPortType {

		private final Operations operations;

		private final Clock clock;

		PersonEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.person.RegistreringType reg = (dk.orghub.xsd.sts.person.RegistreringType) registration;
			return List.of();
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.person.RegistreringType reg = (dk.orghub.xsd.sts.person.RegistreringType) registration;
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en person skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.person.RegistreringType reg = (dk.orghub.xsd.sts.person.RegistreringType) registration;
			List<dk.orghub.xsd.sts.person.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.person.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.person.PersonType object = request.getPerson();
				List<dk.orghub.xsd.sts.person.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.PERSON, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), PersonEndpoint::refs, PersonEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.person.RetInputType request) {
			return this.operations.call(() -> this.operations.ret(Kind.PERSON, request.getUUIDIdentifikator(), old -> {
				dk.orghub.xsd.sts.person.RegistreringType previous = (dk.orghub.xsd.sts.person.RegistreringType) old;
				dk.orghub.xsd.sts.person.RegistreringType merged = new dk.orghub.xsd.sts.person.RegistreringType();
				merged.setTidspunkt(now(this.clock));
				merged.setLivscyklusKode(previous.getLivscyklusKode());
				merged.setBrugerRef(previous.getBrugerRef());
				merged.setNoteTekst(request.getNoteTekst());
				merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
						: previous.getAttributListe());
				merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
						: previous.getTilstandListe());
				merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
						: previous.getRelationListe());
				return merged;
			}, PersonEndpoint::refs, PersonEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations.call(() -> this.operations.passiver(Kind.PERSON, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.person.LaesOutputType laes(Holder<RequestHeaderType> header, LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.person.LaesOutputType output = new dk.orghub.xsd.sts.person.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.PERSON, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.person.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.person.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering().add((dk.orghub.xsd.sts.person.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public dk.orghub.xsd.sts.person.ListOutputType list(Holder<RequestHeaderType> header, ListInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.person.ListOutputType output = new dk.orghub.xsd.sts.person.ListOutputType();
				output.setStandardRetur(
						this.operations.list(Kind.PERSON, request.getUUIDIdentifikator(), (uuid, registration) -> {
							dk.orghub.xsd.sts.person.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.person.FiltreretOejebliksbilledeType();
							billede.setObjektType(objekt(uuid));
							billede.getRegistrering().add((dk.orghub.xsd.sts.person.RegistreringType) registration);
							output.getFiltreretOejebliksbillede().add(billede);
						}));
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.person.SoegInputType request) {
			List<dk.orghub.xsd.sts.person.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.PERSON, request, PersonEndpoint::userKey, userKey));
		}

	}

	@WebService(serviceName = "AdresseService", portName = "Adresse", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.AdressePortType",
			wsdlLocation = "classpath:sts6/wsdl/Adresse.wsdl")
	public static class AdresseEndpoint implements dk.orghub.xsd.sts.service.AdressePortType {

		private final Operations operations;

		private final Clock clock;

		AdresseEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.adresse.RegistreringType reg = (dk.orghub.xsd.sts.adresse.RegistreringType) registration;
			return List.of();
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.adresse.RegistreringType reg = (dk.orghub.xsd.sts.adresse.RegistreringType) registration;
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en adresse skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.adresse.RegistreringType reg = (dk.orghub.xsd.sts.adresse.RegistreringType) registration;
			List<dk.orghub.xsd.sts.adresse.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.adresse.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.adresse.AdresseType object = request.getAdresse();
				List<dk.orghub.xsd.sts.adresse.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.ADRESSE, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), AdresseEndpoint::refs, AdresseEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.adresse.RetInputType request) {
			return this.operations.call(() -> this.operations.ret(Kind.ADRESSE, request.getUUIDIdentifikator(), old -> {
				dk.orghub.xsd.sts.adresse.RegistreringType previous = (dk.orghub.xsd.sts.adresse.RegistreringType) old;
				dk.orghub.xsd.sts.adresse.RegistreringType merged = new dk.orghub.xsd.sts.adresse.RegistreringType();
				merged.setTidspunkt(now(this.clock));
				merged.setLivscyklusKode(previous.getLivscyklusKode());
				merged.setBrugerRef(previous.getBrugerRef());
				merged.setNoteTekst(request.getNoteTekst());
				merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
						: previous.getAttributListe());
				merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
						: previous.getTilstandListe());
				merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
						: previous.getRelationListe());
				return merged;
			}, AdresseEndpoint::refs, AdresseEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations.call(() -> this.operations.passiver(Kind.ADRESSE, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.adresse.LaesOutputType laes(Holder<RequestHeaderType> header, LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.adresse.LaesOutputType output = new dk.orghub.xsd.sts.adresse.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.ADRESSE, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.adresse.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.adresse.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering().add((dk.orghub.xsd.sts.adresse.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public dk.orghub.xsd.sts.adresse.ListOutputType list(Holder<RequestHeaderType> header, ListInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.adresse.ListOutputType output = new dk.orghub.xsd.sts.adresse.ListOutputType();
				output.setStandardRetur(
						this.operations.list(Kind.ADRESSE, request.getUUIDIdentifikator(), (uuid, registration) -> {
							dk.orghub.xsd.sts.adresse.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.adresse.FiltreretOejebliksbilledeType();
							billede.setObjektType(objekt(uuid));
							billede.getRegistrering().add((dk.orghub.xsd.sts.adresse.RegistreringType) registration);
							output.getFiltreretOejebliksbillede().add(billede);
						}));
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header, dk.orghub.xsd.sts.adresse.SoegInputType request) {
			List<dk.orghub.xsd.sts.adresse.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.ADRESSE, request, AdresseEndpoint::userKey, userKey));
		}

	}

	@WebService(serviceName = "OrganisationService", portName = "Organisation", targetNamespace = NS,
			endpointInterface = "dk.orghub.xsd.sts.service.OrganisationPortType",
			wsdlLocation = "classpath:sts6/wsdl/Organisation.wsdl")
	public static class OrganisationEndpoint implements dk.orghub.xsd.sts.service.OrganisationPortType {

		private final Operations operations;

		private final Clock clock;

		OrganisationEndpoint(Operations operations, Clock clock) {
			this.operations = operations;
			this.clock = clock;
		}

		private static List<Ref> refs(RegistreringType registration) {
			dk.orghub.xsd.sts.organisation.RegistreringType reg = (dk.orghub.xsd.sts.organisation.RegistreringType) registration;
			return List.of();
		}

		private static String pattern(RegistreringType registration) {
			dk.orghub.xsd.sts.organisation.RegistreringType reg = (dk.orghub.xsd.sts.organisation.RegistreringType) registration;
			return reg.getAttributListe().getEgenskab().isEmpty() ? "en organisation skal have en egenskab" : null;
		}

		private static String userKey(RegistreringType registration) {
			dk.orghub.xsd.sts.organisation.RegistreringType reg = (dk.orghub.xsd.sts.organisation.RegistreringType) registration;
			List<dk.orghub.xsd.sts.organisation.EgenskabType> egenskaber = reg.getAttributListe().getEgenskab();
			return egenskaber.isEmpty() ? null : egenskaber.get(egenskaber.size() - 1).getBrugervendtNoegleTekst();
		}

		@Override
		public BasicOutputType importer(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisation.ImportInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisation.OrganisationType object = request.getOrganisation();
				List<dk.orghub.xsd.sts.organisation.RegistreringType> registrations = object.getRegistrering();
				return this.operations.importer(Kind.ORGANISATION, object.getUUIDIdentifikator(),
						registrations.get(registrations.size() - 1), OrganisationEndpoint::refs,
						OrganisationEndpoint::pattern);
			});
		}

		@Override
		public BasicOutputType ret(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisation.RetInputType request) {
			return this.operations
				.call(() -> this.operations.ret(Kind.ORGANISATION, request.getUUIDIdentifikator(), old -> {
					dk.orghub.xsd.sts.organisation.RegistreringType previous = (dk.orghub.xsd.sts.organisation.RegistreringType) old;
					dk.orghub.xsd.sts.organisation.RegistreringType merged = new dk.orghub.xsd.sts.organisation.RegistreringType();
					merged.setTidspunkt(now(this.clock));
					merged.setLivscyklusKode(previous.getLivscyklusKode());
					merged.setBrugerRef(previous.getBrugerRef());
					merged.setNoteTekst(request.getNoteTekst());
					merged.setAttributListe((request.getAttributListe() != null) ? request.getAttributListe()
							: previous.getAttributListe());
					merged.setTilstandListe((request.getTilstandListe() != null) ? request.getTilstandListe()
							: previous.getTilstandListe());
					merged.setRelationListe((request.getRelationListe() != null) ? request.getRelationListe()
							: previous.getRelationListe());
					return merged;
				}, OrganisationEndpoint::refs, OrganisationEndpoint::pattern));
		}

		@Override
		public BasicOutputType passiver(Holder<RequestHeaderType> header, UuidNoteInputType request) {
			return this.operations
				.call(() -> this.operations.passiver(Kind.ORGANISATION, request.getUUIDIdentifikator()));
		}

		@Override
		public dk.orghub.xsd.sts.organisation.LaesOutputType laes(Holder<RequestHeaderType> header,
				LaesInputType request) {
			return this.operations.call(() -> {
				dk.orghub.xsd.sts.organisation.LaesOutputType output = new dk.orghub.xsd.sts.organisation.LaesOutputType();
				RegistreringType registration = this.operations.laes(Kind.ORGANISATION, request.getUUIDIdentifikator(),
						output);
				if (registration != null) {
					dk.orghub.xsd.sts.organisation.FiltreretOejebliksbilledeType billede = new dk.orghub.xsd.sts.organisation.FiltreretOejebliksbilledeType();
					billede.setObjektType(objekt(request.getUUIDIdentifikator()));
					billede.getRegistrering().add((dk.orghub.xsd.sts.organisation.RegistreringType) registration);
					output.setFiltreretOejebliksbillede(billede);
				}
				return output;
			});
		}

		@Override
		public SoegOutputType soeg(Holder<RequestHeaderType> header,
				dk.orghub.xsd.sts.organisation.SoegInputType request) {
			List<dk.orghub.xsd.sts.organisation.EgenskabType> wanted = request.getAttributListe().getEgenskab();
			String userKey = wanted.isEmpty() ? null : wanted.get(0).getBrugervendtNoegleTekst();
			return this.operations
				.call(() -> this.operations.soeg(Kind.ORGANISATION, request, OrganisationEndpoint::userKey, userKey));
		}

	}

}
