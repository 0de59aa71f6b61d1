package dk.orghub.samples.sts;

import java.util.List;
import java.util.function.BiConsumer;

import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;

import dk.orghub.samples.sts.StsRegistry.Kind;
import dk.orghub.xsd.sts.header.RequestHeaderType;
import dk.orghub.xsd.sts.organisationsystem.BrugereOutputType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiInputType;
import dk.orghub.xsd.sts.organisationsystem.FremsoegObjekthierarkiOutputType;
import dk.orghub.xsd.sts.organisationsystem.OrganisationEnhederOutputType;
import dk.orghub.xsd.sts.organisationsystem.OrganisationFunktionerOutputType;
import dk.orghub.xsd.sts.organisationsystem.OrganisationerOutputType;
import dk.orghub.xsd.sts.organisationsystem.UnreadOutputType;

/**
 * OrganisationSystem's {@code fremsoegobjekthierarki}: the active organisations, units,
 * functions and users, each list paged by {@code FoersteResultatReference} and
 * {@code MaksimalAntalKvantitet}.
 */
@WebService(serviceName = "OrganisationSystemService", portName = "OrganisationSystem", targetNamespace = Endpoints.NS,
		endpointInterface = "dk.orghub.xsd.sts.service.OrganisationSystemPortType",
		wsdlLocation = "classpath:sts6/wsdl/OrganisationSystem.wsdl")
public class SystemEndpoint implements dk.orghub.xsd.sts.service.OrganisationSystemPortType {

	private final StsRegistry registry;

	private final Operations operations;

	SystemEndpoint(StsRegistry registry, Operations operations) {
		this.registry = registry;
		this.operations = operations;
	}

	@Override
	public FremsoegObjekthierarkiOutputType fremsoegobjekthierarki(Holder<RequestHeaderType> header,
			FremsoegObjekthierarkiInputType request) {
		return this.operations.call(() -> {
			int first = (request.getFoersteResultatReference() != null)
					? request.getFoersteResultatReference().intValue() : 0;
			int max = (request.getMaksimalAntalKvantitet() != null) ? request.getMaksimalAntalKvantitet().intValue()
					: 500;
			FremsoegObjekthierarkiOutputType output = new FremsoegObjekthierarkiOutputType();
			output.setStandardRetur(Operations.retur(Operations.OK, null));
			OrganisationerOutputType organisationer = new OrganisationerOutputType();
			page(Kind.ORGANISATION, first, max, (uuid, reg) -> {
				var billede = new dk.orghub.xsd.sts.organisation.FiltreretOejebliksbilledeType();
				billede.setObjektType(Endpoints.objekt(uuid));
				billede.getRegistrering().add((dk.orghub.xsd.sts.organisation.RegistreringType) reg);
				organisationer.getFiltreretOejebliksbillede().add(billede);
			});
			OrganisationEnhederOutputType enheder = new OrganisationEnhederOutputType();
			page(Kind.ENHED, first, max, (uuid, reg) -> {
				var billede = new dk.orghub.xsd.sts.organisationenhed.FiltreretOejebliksbilledeType();
				billede.setObjektType(Endpoints.objekt(uuid));
				billede.getRegistrering().add((dk.orghub.xsd.sts.organisationenhed.RegistreringType) reg);
				enheder.getFiltreretOejebliksbillede().add(billede);
			});
			OrganisationFunktionerOutputType funktioner = new OrganisationFunktionerOutputType();
			page(Kind.FUNKTION, first, max, (uuid, reg) -> {
				var billede = new dk.orghub.xsd.sts.organisationfunktion.FiltreretOejebliksbilledeType();
				billede.setObjektType(Endpoints.objekt(uuid));
				billede.getRegistrering().add((dk.orghub.xsd.sts.organisationfunktion.RegistreringType) reg);
				funktioner.getFiltreretOejebliksbillede().add(billede);
			});
			BrugereOutputType brugere = new BrugereOutputType();
			page(Kind.BRUGER, first, max, (uuid, reg) -> {
				var billede = new dk.orghub.xsd.sts.bruger.FiltreretOejebliksbilledeType();
				billede.setObjektType(Endpoints.objekt(uuid));
				billede.getRegistrering().add((dk.orghub.xsd.sts.bruger.RegistreringType) reg);
				brugere.getFiltreretOejebliksbillede().add(billede);
			});
			output.setOrganisationer(organisationer);
			output.setOrganisationEnheder(enheder);
			output.setOrganisationFunktioner(funktioner);
			output.setBrugere(brugere);
			output.setInteressefaellesskaber(new UnreadOutputType());
			output.setItSystemer(new UnreadOutputType());
			return output;
		});
	}

	private void page(Kind kind, int first, int max,
			BiConsumer<String, dk.orghub.xsd.sts.sagdok.RegistreringType> into) {
		List<String> uuids = this.registry.uuids(kind)
			.stream()
			.filter(uuid -> !this.registry.get(kind, uuid).orElseThrow().passivated())
			.toList();
		for (int i = first; i < Math.min(uuids.size(), first + max); i++) {
			String uuid = uuids.get(i);
			into.accept(uuid, this.registry.get(kind, uuid).orElseThrow().registration());
		}
	}

}
