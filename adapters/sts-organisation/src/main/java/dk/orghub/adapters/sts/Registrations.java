package dk.orghub.adapters.sts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.orghub.adapters.sts.StsObject.Props;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.adapters.sts.StsObject.State;
import dk.orghub.xsd.sts.sagdok.AdresseFlerRelationType;
import dk.orghub.xsd.sts.sagdok.BrugerFlerRelationType;
import dk.orghub.xsd.sts.sagdok.KlasseFlerRelationType;
import dk.orghub.xsd.sts.sagdok.KlasseRelationType;
import dk.orghub.xsd.sts.sagdok.OpgaverFlerRelationType;
import dk.orghub.xsd.sts.sagdok.OrganisationEnhedFlerRelationType;
import dk.orghub.xsd.sts.sagdok.OrganisationEnhedRelationType;
import dk.orghub.xsd.sts.sagdok.OrganisationFlerRelationType;
import dk.orghub.xsd.sts.sagdok.OrganisationFunktionFlerRelationType;
import dk.orghub.xsd.sts.sagdok.PersonFlerRelationType;

/**
 * Builds the registration of each kind from an {@link StsObject}, in the element order of
 * Organisation 6, and reads a registration back into an {@link StsObject}.
 */
final class Registrations {

	private final JaxbCodec codec;

	Registrations(JaxbCodec codec) {
		this.codec = codec;
	}

	/** The ImportInput of the object's kind: the object with one registration. */
	Object importInput(StsObject o, Instant time) {
		String uuid = o.uuid().toString();
		return switch (o.kind()) {
			case ENHED -> {
				var in = new dk.orghub.xsd.sts.organisationenhed.ImportInputType();
				var obj = new dk.orghub.xsd.sts.organisationenhed.OrganisationEnhedType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(enhed(o, time));
				in.setOrganisationEnhed(obj);
				yield in;
			}
			case FUNKTION -> {
				var in = new dk.orghub.xsd.sts.organisationfunktion.ImportInputType();
				var obj = new dk.orghub.xsd.sts.organisationfunktion.OrganisationFunktionType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(funktion(o, time));
				in.setOrganisationFunktion(obj);
				yield in;
			}
			case BRUGER -> {
				var in = new dk.orghub.xsd.sts.bruger.ImportInputType();
				var obj = new dk.orghub.xsd.sts.bruger.BrugerType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(bruger(o, time));
				in.setBruger(obj);
				yield in;
			}
			case PERSON -> {
				var in = new dk.orghub.xsd.sts.person.ImportInputType();
				var obj = new dk.orghub.xsd.sts.person.PersonType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(person(o, time));
				in.setPerson(obj);
				yield in;
			}
			case ADRESSE -> {
				var in = new dk.orghub.xsd.sts.adresse.ImportInputType();
				var obj = new dk.orghub.xsd.sts.adresse.AdresseType();
				obj.setUUIDIdentifikator(uuid);
				obj.getRegistrering().add(adresse(o, time));
				in.setAdresse(obj);
				yield in;
			}
		};
	}

	/** The RetInput of the object's kind: its properties, states and relations. */
	Object retInput(StsObject o, Instant time) {
		String uuid = o.uuid().toString();
		return switch (o.kind()) {
			case ENHED -> {
				var r = enhed(o, time);
				var in = new dk.orghub.xsd.sts.organisationenhed.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				yield in;
			}
			case FUNKTION -> {
				var r = funktion(o, time);
				var in = new dk.orghub.xsd.sts.organisationfunktion.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				yield in;
			}
			case BRUGER -> {
				var r = bruger(o, time);
				var in = new dk.orghub.xsd.sts.bruger.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				yield in;
			}
			case PERSON -> {
				var r = person(o, time);
				var in = new dk.orghub.xsd.sts.person.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				yield in;
			}
			case ADRESSE -> {
				var r = adresse(o, time);
				var in = new dk.orghub.xsd.sts.adresse.RetInputType();
				in.setUUIDIdentifikator(uuid);
				in.setAttributListe(r.getAttributListe());
				in.setTilstandListe(r.getTilstandListe());
				in.setRelationListe(r.getRelationListe());
				yield in;
			}
		};
	}

	dk.orghub.xsd.sts.organisationenhed.RegistreringType enhed(StsObject o, Instant time) {
		var r = new dk.orghub.xsd.sts.organisationenhed.RegistreringType();
		this.codec.header(r, time);
		var a = new dk.orghub.xsd.sts.organisationenhed.AttributListeType();
		for (Props p : o.properties()) {
			var e = new dk.orghub.xsd.sts.organisationenhed.EgenskabType();
			e.setVirkning(this.codec.virkning(p.period()));
			e.setBrugervendtNoegleTekst(p.userKey());
			e.setEnhedNavn(p.name());
			a.getEgenskab().add(e);
		}
		r.setAttributListe(a);
		var t = new dk.orghub.xsd.sts.organisationenhed.TilstandListeType();
		t.getGyldighed().addAll(this.codec.gyldigheder(o.states()));
		r.setTilstandListe(t);
		var l = new dk.orghub.xsd.sts.organisationenhed.RelationListeType();
		for (Rel rel : o.relations()) {
			switch (rel.name()) {
				case "Adresser" -> l.getAdresser().add(this.codec.fler(rel, AdresseFlerRelationType::new));
				case "Enhedstype" -> l.setEnhedstype(this.codec.rel(rel, KlasseRelationType::new));
				case "Opgaver" -> l.getOpgaver().add(this.codec.fler(rel, OpgaverFlerRelationType::new));
				case "Overordnet" -> l.setOverordnet(this.codec.rel(rel, OrganisationEnhedRelationType::new));
				case "Tilhoerer" -> l.setTilhoerer(this.codec.fler(rel, OrganisationFlerRelationType::new));
				case "TilknyttedeFunktioner" ->
					l.getTilknyttedeFunktioner().add(this.codec.fler(rel, OrganisationFunktionFlerRelationType::new));
				default -> throw new IllegalArgumentException("OrganisationEnhed has no relation " + rel.name());
			}
		}
		r.setRelationListe(l);
		return r;
	}

	static StsObject enhed(UUID uuid, dk.orghub.xsd.sts.organisationenhed.RegistreringType r) {
		List<Props> props = r.getAttributListe()
			.getEgenskab()
			.stream()
			.map(e -> JaxbCodec.props(e.getVirkning(), e.getBrugervendtNoegleTekst(), e.getEnhedNavn(), null))
			.toList();
		List<State> states = JaxbCodec.states(r.getTilstandListe().getGyldighed());
		var l = r.getRelationListe();
		List<Rel> rels = new ArrayList<>();
		l.getAdresser().forEach(x -> rels.add(JaxbCodec.fler("Adresser", x)));
		if (l.getEnhedstype() != null) {
			rels.add(JaxbCodec.rel("Enhedstype", l.getEnhedstype()));
		}
		l.getOpgaver().forEach(x -> rels.add(JaxbCodec.fler("Opgaver", x)));
		if (l.getOverordnet() != null) {
			rels.add(JaxbCodec.rel("Overordnet", l.getOverordnet()));
		}
		if (l.getTilhoerer() != null) {
			rels.add(JaxbCodec.fler("Tilhoerer", l.getTilhoerer()));
		}
		l.getTilknyttedeFunktioner().forEach(x -> rels.add(JaxbCodec.fler("TilknyttedeFunktioner", x)));
		return new StsObject(StsKind.ENHED, uuid, userKey(props), "sts", props, states, rels);
	}

	dk.orghub.xsd.sts.organisationfunktion.RegistreringType funktion(StsObject o, Instant time) {
		var r = new dk.orghub.xsd.sts.organisationfunktion.RegistreringType();
		this.codec.header(r, time);
		var a = new dk.orghub.xsd.sts.organisationfunktion.AttributListeType();
		for (Props p : o.properties()) {
			var e = new dk.orghub.xsd.sts.organisationfunktion.EgenskabType();
			e.setVirkning(this.codec.virkning(p.period()));
			e.setBrugervendtNoegleTekst(p.userKey());
			e.setFunktionNavn(p.name());
			a.getEgenskab().add(e);
		}
		r.setAttributListe(a);
		var t = new dk.orghub.xsd.sts.organisationfunktion.TilstandListeType();
		t.getGyldighed().addAll(this.codec.gyldigheder(o.states()));
		r.setTilstandListe(t);
		var l = new dk.orghub.xsd.sts.organisationfunktion.RelationListeType();
		for (Rel rel : o.relations()) {
			switch (rel.name()) {
				case "Adresser" -> l.getAdresser().add(this.codec.fler(rel, AdresseFlerRelationType::new));
				case "Funktionstype" -> l.setFunktionstype(this.codec.rel(rel, KlasseRelationType::new));
				case "TilknyttedeOpgaver" ->
					l.getTilknyttedeOpgaver().add(this.codec.fler(rel, KlasseFlerRelationType::new));
				case "TilknyttedeBrugere" ->
					l.getTilknyttedeBrugere().add(this.codec.fler(rel, BrugerFlerRelationType::new));
				case "TilknyttedeEnheder" ->
					l.getTilknyttedeEnheder().add(this.codec.fler(rel, OrganisationEnhedFlerRelationType::new));
				default -> throw new IllegalArgumentException("OrganisationFunktion has no relation " + rel.name());
			}
		}
		r.setRelationListe(l);
		return r;
	}

	static StsObject funktion(UUID uuid, dk.orghub.xsd.sts.organisationfunktion.RegistreringType r) {
		List<Props> props = r.getAttributListe()
			.getEgenskab()
			.stream()
			.map(e -> JaxbCodec.props(e.getVirkning(), e.getBrugervendtNoegleTekst(), e.getFunktionNavn(), null))
			.toList();
		List<State> states = JaxbCodec.states(r.getTilstandListe().getGyldighed());
		var l = r.getRelationListe();
		List<Rel> rels = new ArrayList<>();
		l.getAdresser().forEach(x -> rels.add(JaxbCodec.fler("Adresser", x)));
		if (l.getFunktionstype() != null) {
			rels.add(JaxbCodec.rel("Funktionstype", l.getFunktionstype()));
		}
		l.getTilknyttedeOpgaver().forEach(x -> rels.add(JaxbCodec.fler("TilknyttedeOpgaver", x)));
		l.getTilknyttedeBrugere().forEach(x -> rels.add(JaxbCodec.fler("TilknyttedeBrugere", x)));
		l.getTilknyttedeEnheder().forEach(x -> rels.add(JaxbCodec.fler("TilknyttedeEnheder", x)));
		return new StsObject(StsKind.FUNKTION, uuid, userKey(props), "sts", props, states, rels);
	}

	dk.orghub.xsd.sts.bruger.RegistreringType bruger(StsObject o, Instant time) {
		var r = new dk.orghub.xsd.sts.bruger.RegistreringType();
		this.codec.header(r, time);
		var a = new dk.orghub.xsd.sts.bruger.AttributListeType();
		for (Props p : o.properties()) {
			var e = new dk.orghub.xsd.sts.bruger.EgenskabType();
			e.setVirkning(this.codec.virkning(p.period()));
			e.setBrugervendtNoegleTekst(p.userKey());
			e.setBrugerNavn(p.name());
			a.getEgenskab().add(e);
		}
		r.setAttributListe(a);
		var t = new dk.orghub.xsd.sts.bruger.TilstandListeType();
		t.getGyldighed().addAll(this.codec.gyldigheder(o.states()));
		r.setTilstandListe(t);
		var l = new dk.orghub.xsd.sts.bruger.RelationListeType();
		for (Rel rel : o.relations()) {
			switch (rel.name()) {
				case "Adresser" -> l.getAdresser().add(this.codec.fler(rel, AdresseFlerRelationType::new));
				case "BrugerTyper" -> l.getBrugerTyper().add(this.codec.fler(rel, KlasseFlerRelationType::new));
				case "Tilhoerer" -> l.setTilhoerer(this.codec.fler(rel, OrganisationFlerRelationType::new));
				case "TilknyttedePersoner" ->
					l.getTilknyttedePersoner().add(this.codec.fler(rel, PersonFlerRelationType::new));
				default -> throw new IllegalArgumentException("Bruger has no relation " + rel.name());
			}
		}
		r.setRelationListe(l);
		return r;
	}

	static StsObject bruger(UUID uuid, dk.orghub.xsd.sts.bruger.RegistreringType r) {
		List<Props> props = r.getAttributListe()
			.getEgenskab()
			.stream()
			.map(e -> JaxbCodec.props(e.getVirkning(), e.getBrugervendtNoegleTekst(), e.getBrugerNavn(), null))
			.toList();
		List<State> states = JaxbCodec.states(r.getTilstandListe().getGyldighed());
		var l = r.getRelationListe();
		List<Rel> rels = new ArrayList<>();
		l.getAdresser().forEach(x -> rels.add(JaxbCodec.fler("Adresser", x)));
		l.getBrugerTyper().forEach(x -> rels.add(JaxbCodec.fler("BrugerTyper", x)));
		if (l.getTilhoerer() != null) {
			rels.add(JaxbCodec.fler("Tilhoerer", l.getTilhoerer()));
		}
		l.getTilknyttedePersoner().forEach(x -> rels.add(JaxbCodec.fler("TilknyttedePersoner", x)));
		return new StsObject(StsKind.BRUGER, uuid, userKey(props), "sts", props, states, rels);
	}

	dk.orghub.xsd.sts.person.RegistreringType person(StsObject o, Instant time) {
		var r = new dk.orghub.xsd.sts.person.RegistreringType();
		this.codec.header(r, time);
		var a = new dk.orghub.xsd.sts.person.AttributListeType();
		for (Props p : o.properties()) {
			var e = new dk.orghub.xsd.sts.person.EgenskabType();
			e.setVirkning(this.codec.virkning(p.period()));
			e.setBrugervendtNoegleTekst(p.userKey());
			e.setCPRNummerTekst(p.cpr());
			e.setNavnTekst(p.name());
			a.getEgenskab().add(e);
		}
		r.setAttributListe(a);
		r.setTilstandListe(new dk.orghub.xsd.sts.person.TilstandListeType());
		r.setRelationListe(new dk.orghub.xsd.sts.person.RelationListeType());
		return r;
	}

	static StsObject person(UUID uuid, dk.orghub.xsd.sts.person.RegistreringType r) {
		List<Props> props = r.getAttributListe()
			.getEgenskab()
			.stream()
			.map(e -> JaxbCodec.props(e.getVirkning(), e.getBrugervendtNoegleTekst(), e.getNavnTekst(),
					e.getCPRNummerTekst()))
			.toList();
		return new StsObject(StsKind.PERSON, uuid, userKey(props), "sts", props, List.of(), List.of());
	}

	dk.orghub.xsd.sts.adresse.RegistreringType adresse(StsObject o, Instant time) {
		var r = new dk.orghub.xsd.sts.adresse.RegistreringType();
		this.codec.header(r, time);
		var a = new dk.orghub.xsd.sts.adresse.AttributListeType();
		for (Props p : o.properties()) {
			var e = new dk.orghub.xsd.sts.adresse.EgenskabType();
			e.setVirkning(this.codec.virkning(p.period()));
			e.setBrugervendtNoegleTekst(p.userKey());
			e.setAdresseTekst(p.name());
			a.getEgenskab().add(e);
		}
		r.setAttributListe(a);
		r.setTilstandListe(new dk.orghub.xsd.sts.adresse.TilstandListeType());
		r.setRelationListe(new dk.orghub.xsd.sts.adresse.RelationListeType());
		return r;
	}

	static StsObject adresse(UUID uuid, dk.orghub.xsd.sts.adresse.RegistreringType r) {
		List<Props> props = r.getAttributListe()
			.getEgenskab()
			.stream()
			.map(e -> JaxbCodec.props(e.getVirkning(), e.getBrugervendtNoegleTekst(), e.getAdresseTekst(), null))
			.toList();
		return new StsObject(StsKind.ADRESSE, uuid, userKey(props), "sts", props, List.of(), List.of());
	}

	private static String userKey(List<Props> props) {
		return props.isEmpty() ? null : props.get(props.size() - 1).userKey();
	}

}
