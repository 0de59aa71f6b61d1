package dk.orghub.adapters.sts;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.adapters.sts.StsObject.Rel;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.UnitScope;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration patterns the mapper produces, on a small hand-made organisation. */
class StsMapperTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

	private static final LocalDate START = LocalDate.of(2020, 1, 1);

	private static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID ROOT = UUID.fromString("00000000-0000-0000-0000-000000000001");

	private static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-000000000002");

	private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-000000000010");

	private static final UUID BO = UUID.fromString("00000000-0000-0000-0000-000000000011");

	private static final UUID ANNA_GUID = UUID.fromString("6f1c2b9e-0d5a-4c8e-9a51-3c1f0b7d2e44");

	private final StsSettings settings = StsSettings.defaults(URI.create("http://localhost/"), ORG, "29189846");

	private final StsClassification sts = this.settings.classes();

	private static UUID cls(String facet, String key) {
		return DefaultClasses.classUuid(facet, key);
	}

	private static UUID id(int n) {
		return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", 100 + n));
	}

	private final List<UUID> addressIds = new ArrayList<>();

	private CanonicalState state() {
		return state(UnitScope.lineOrganisation());
	}

	private CanonicalState state(UnitScope scope) {
		CanonicalState s = CanonicalState.empty(scope);
		Validity always = Validity.from(START);
		s.units()
			.put(ROOT, Timeline.of(always, new OrgUnit(ROOT, "KOMMUNE", "Kommunen", null,
					cls(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null)));
		s.units()
			.put(CHILD, Timeline.of(always, new OrgUnit(CHILD, "JOB", "Jobcenter", ROOT,
					cls(DefaultClasses.ORG_UNIT_TYPE, "Team"), null, ROOT)));
		address(s, 1, ROOT, OwnerKind.ORG_UNIT, "LOS_SHORT_NAME", "KOMM", "PUBLIC");
		address(s, 2, CHILD, OwnerKind.ORG_UNIT, "PHONE", "70101010", "PUBLIC");
		address(s, 3, CHILD, OwnerKind.ORG_UNIT, "EMAIL", "hemmelig@kommune.dk", "SECRET");
		address(s, 4, CHILD, OwnerKind.ORG_UNIT, "CONTACT_PLACE", "Borgerservice", "INTERNAL");
		address(s, 5, ANNA, OwnerKind.PERSON, "EMAIL", "anna@kommune.dk", "PUBLIC");
		s.kle()
			.put(id(20), Timeline.of(always,
					new Kle(id(20), "KLE-1", CHILD, "15.00.00", cls(DefaultClasses.KLE_ASPECT, "Ansvarlig"))));
		s.kle()
			.put(id(21), Timeline.of(always,
					new Kle(id(21), "KLE-2", CHILD, "17.00.00", cls(DefaultClasses.KLE_ASPECT, "Indsigt"))));
		s.persons().put(ANNA, Timeline.of(always, new Person(ANNA, "P-ANNA", "0101901234", "Anna", "Holm", null)));
		s.persons().put(BO, Timeline.of(always, new Person(BO, "P-BO", "0202902345", "Bo", "Berg", null)));
		UUID ad = cls(DefaultClasses.IT_SYSTEM, "Active Directory");
		s.itUsers().put(id(30), Timeline.of(always, new ItUser(id(30), "anho", ANNA, ad, ANNA_GUID.toString(), true)));
		s.engagements()
			.put(id(40), Timeline.of(always, new Engagement(id(40), "E-1", ANNA, CHILD,
					cls(DefaultClasses.JOB_FUNCTION, "Socialrådgiver"), null, BigDecimal.ONE, true)));
		s.engagements()
			.put(id(41), Timeline.of(always, new Engagement(id(41), "E-2", BO, CHILD,
					cls(DefaultClasses.JOB_FUNCTION, "Jurist"), null, BigDecimal.ONE, true)));
		s.engagements()
			.put(id(42), Timeline.of(Validity.between(START, TODAY.plusDays(10)), new Engagement(id(42), "E-3", ANNA,
					ROOT, cls(DefaultClasses.JOB_FUNCTION, "Konsulent"), null, BigDecimal.ONE, false)));
		s.managers()
			.put(id(50), Timeline.of(always, new Manager(id(50), "M-1", CHILD, ANNA,
					cls(DefaultClasses.MANAGER_TYPE, "Leder"), null, List.of())));
		return s;
	}

	private void address(CanonicalState s, int n, UUID owner, OwnerKind kind, String type, String value,
			String visibility) {
		s.addresses()
			.put(id(n), Timeline.of(Validity.from(START), new Address(id(n), "A-" + n, owner, kind,
					cls(DefaultClasses.ADDRESS_TYPE, type), value, cls(DefaultClasses.VISIBILITY, visibility))));
	}

	private Map<Key, StsObject> map() {
		return new StsMapper(this.settings).map(state(), TODAY);
	}

	private static List<Rel> rels(StsObject o, String name) {
		return o.relations().stream().filter(r -> r.name().equals(name)).toList();
	}

	@Test
	void oneRootEveryUnitBelongsToTheOrganisationAndChildrenHaveOverordnet() {
		Map<Key, StsObject> mapped = map();
		StsObject root = mapped.get(new Key(StsKind.ENHED, ROOT));
		StsObject child = mapped.get(new Key(StsKind.ENHED, CHILD));
		assertThat(rels(root, "Overordnet")).isEmpty();
		assertThat(rels(root, "Tilhoerer")).extracting(Rel::target).containsExactly(ORG);
		assertThat(rels(child, "Overordnet")).extracting(Rel::target).containsExactly(ROOT);
		assertThat(rels(child, "Tilhoerer")).extracting(Rel::target).containsExactly(ORG);
		assertThat(rels(root, "Enhedstype")).extracting(Rel::target)
			.containsExactly(this.sts.unitTypes().get("Afdeling"));
		assertThat(rels(child, "Enhedstype")).extracting(Rel::target).containsExactly(this.sts.unitTypes().get("Team"));
		assertThat(root.properties()).singleElement().satisfies(p -> {
			assertThat(p.name()).isEqualTo("Kommunen");
			assertThat(p.period().from()).isEqualTo(START);
			assertThat(p.period().to()).isNull();
		});
		assertThat(root.states()).singleElement().satisfies(s -> assertThat(s.active()).isTrue());
	}

	@Test
	void unitsOfTheMedOrganisationAndTheirRolesAreNotPublished() {
		CanonicalState s = state();
		UUID committee = id(60);
		s.put(ObjectType.ORG_UNIT, committee,
				Timeline.of(Validity.from(START),
						new OrgUnit(committee, "HMU", "Hovedudvalget", null,
								cls(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null,
								DefaultClasses.MED_ORGANISATION, List.of(CHILD))));
		s.managers()
			.put(id(61), Timeline.of(Validity.from(START), new Manager(id(61), "M-HMU", committee, ANNA,
					cls(DefaultClasses.MANAGER_TYPE, "Leder"), null, List.of())));
		address(s, 62, committee, OwnerKind.ORG_UNIT, "PHONE", "70101011", "PUBLIC");

		Map<Key, StsObject> mapped = new StsMapper(this.settings).map(s, TODAY);

		assertThat(s.units()).doesNotContainKey(committee);
		assertThat(mapped).doesNotContainKeys(new Key(StsKind.ENHED, committee), new Key(StsKind.FUNKTION, id(61)),
				new Key(StsKind.ADRESSE, id(62)));
		assertThat(mapped.values()).flatExtracting(StsObject::relations)
			.extracting(Rel::target)
			.doesNotContain(committee);
		assertThat(mapped).containsKeys(new Key(StsKind.ENHED, ROOT), new Key(StsKind.ENHED, CHILD));
	}

	@Test
	void theConfiguredHierarchiesAreSentAndAnExcludedSubtreeIsLeftOutWithWhatIsPlacedInIt() {
		CanonicalState s = state(UnitScope.of(List.of("Linjeorganisation", "MED-organisation"), List.of(CHILD)));
		UUID committee = id(63);
		s.put(ObjectType.ORG_UNIT, committee,
				Timeline.of(Validity.from(START),
						new OrgUnit(committee, "HMU", "Hovedudvalget", null,
								cls(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null,
								DefaultClasses.MED_ORGANISATION, List.of(CHILD))));
		s.associations()
			.put(id(64), Timeline.of(Validity.from(START), new Association(id(64), "AMR-1", ANNA, committee,
					cls(DefaultClasses.ASSOCIATION_TYPE, "Arbejdsmiljørepræsentant"), null)));

		Map<Key, StsObject> mapped = new StsMapper(this.settings).map(s, TODAY);

		assertThat(mapped).containsKeys(new Key(StsKind.ENHED, ROOT), new Key(StsKind.ENHED, committee),
				new Key(StsKind.FUNKTION, id(64)), new Key(StsKind.FUNKTION, id(42)));
		assertThat(mapped).as("the excluded unit, its engagements, manager role and addresses")
			.doesNotContainKeys(new Key(StsKind.ENHED, CHILD), new Key(StsKind.FUNKTION, id(40)),
					new Key(StsKind.FUNKTION, id(41)), new Key(StsKind.FUNKTION, id(50)),
					new Key(StsKind.ADRESSE, id(2)));
		assertThat(mapped.values()).flatExtracting(StsObject::relations).extracting(Rel::target).doesNotContain(CHILD);
	}

	@Test
	void aConsultantWithoutCprIsABrugerWithAnEnhedsrolleInTheLineUnitOnly() {
		CanonicalState s = state();
		UUID consultant = id(70);
		UUID committee = id(71);
		s.persons()
			.put(consultant, Timeline.of(Validity.from(START),
					new Person(consultant, "P-EXT", null, "Eva", "Extern", null, "Bor i udlandet")));
		UUID ad = cls(DefaultClasses.IT_SYSTEM, "Active Directory");
		s.itUsers()
			.put(id(72), Timeline.of(Validity.from(START),
					new ItUser(id(72), "evex", consultant, ad, "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed", true)));
		s.put(ObjectType.ORG_UNIT, committee,
				Timeline.of(Validity.from(START),
						new OrgUnit(committee, "HMU", "Hovedudvalget", null,
								cls(DefaultClasses.ORG_UNIT_TYPE, "Afdeling"), null, null,
								DefaultClasses.MED_ORGANISATION, List.of(CHILD))));
		s.put(ObjectType.ASSOCIATION, id(73),
				Timeline.of(Validity.between(START, TODAY.plusMonths(6)), new Association(id(73), "EXT-1", consultant,
						CHILD, cls(DefaultClasses.ASSOCIATION_TYPE, "Ekstern konsulent"), null)));
		s.put(ObjectType.ASSOCIATION, id(74), Timeline.of(Validity.from(START), new Association(id(74), "HMU-1",
				consultant, committee, cls(DefaultClasses.ASSOCIATION_TYPE, "Udvalgsmedlem"), null)));
		s.put(ObjectType.ASSOCIATION, id(75), Timeline.of(Validity.from(START),
				new Association(id(75), "INT-1", BO, CHILD, cls(DefaultClasses.ASSOCIATION_TYPE, "Praktikant"), null)));

		Map<Key, StsObject> mapped = new StsMapper(this.settings).map(s, TODAY);

		UUID bruger = StsMapper.brugerUuid(s.itUsers().get(id(72)).latest().orElseThrow());
		assertThat(mapped).containsKey(new Key(StsKind.BRUGER, bruger));
		assertThat(rels(mapped.get(new Key(StsKind.BRUGER, bruger)), "TilknyttedePersoner")).extracting(Rel::target)
			.containsExactly(consultant);
		StsObject role = mapped.get(new Key(StsKind.FUNKTION, id(73)));
		assertThat(rels(role, "Funktionstype")).extracting(Rel::target).containsExactly(this.sts.enhedsrolle());
		assertThat(rels(role, "TilknyttedeEnheder")).extracting(Rel::target).containsExactly(CHILD);
		assertThat(rels(role, "TilknyttedeBrugere")).singleElement().satisfies(r -> {
			assertThat(r.target()).isEqualTo(bruger);
			assertThat(r.period().to()).isEqualTo(TODAY.plusMonths(6));
		});
		assertThat(role.properties()).singleElement()
			.satisfies(p -> assertThat(p.name()).isEqualTo("Ekstern konsulent"));
		assertThat(mapped).as("a MED association gives no role; a person without a user gives none")
			.doesNotContainKeys(new Key(StsKind.FUNKTION, id(74)), new Key(StsKind.FUNKTION, id(75)));

		StsProfiles.ProfileReport sapa = new StsProfiles(this.settings).check(mapped, TODAY).get(2);
		assertThat(sapa.findings()).noneMatch(f -> f.uuid().equals(bruger));
		s.associations().remove(id(73));
		StsProfiles.ProfileReport without = new StsProfiles(this.settings)
			.check(new StsMapper(this.settings).map(s, TODAY), TODAY)
			.get(2);
		assertThat(without.findings()).anyMatch(f -> f.uuid().equals(bruger));
	}

	@Test
	void onlyExportedAddressesAreSentAsAdresseObjectsWithTheirRoles() {
		Map<Key, StsObject> mapped = map();
		assertThat(mapped).containsKeys(new Key(StsKind.ADRESSE, id(1)), new Key(StsKind.ADRESSE, id(2)),
				new Key(StsKind.ADRESSE, id(4)), new Key(StsKind.ADRESSE, id(5)));
		assertThat(mapped).doesNotContainKey(new Key(StsKind.ADRESSE, id(3)));
		StsObject child = mapped.get(new Key(StsKind.ENHED, CHILD));
		assertThat(rels(child, "Adresser")).extracting(Rel::target).containsExactlyInAnyOrder(id(2), id(4));
		assertThat(rels(child, "Adresser")).filteredOn(r -> r.target().equals(id(2))).singleElement().satisfies(r -> {
			assertThat(r.role()).isEqualTo(this.sts.unitAddressRoles().get("PHONE"));
			assertThat(r.type()).isEqualTo(this.sts.unitAddressType());
			assertThat(r.index()).isNotNull();
		});
		assertThat(mapped.get(new Key(StsKind.ADRESSE, id(2))).properties()).singleElement()
			.satisfies(p -> assertThat(p.name()).isEqualTo("70101010"));
	}

	@Test
	void kleWithAspectAnsvarligGoesOnOpgaver() {
		StsObject child = map().get(new Key(StsKind.ENHED, CHILD));
		assertThat(rels(child, "Opgaver")).singleElement().satisfies(r -> {
			assertThat(r.target()).isEqualTo(this.sts.kleClass("15.00.00"));
			assertThat(r.role()).isEqualTo(this.sts.opgaverAnsvarlig());
		});
	}

	@Test
	void payoutUnitGetsAnUdbetalendeEnhedFunctionReferencedFromTheUnitsItPaysFor() {
		Map<Key, StsObject> mapped = map();
		UUID function = StsMapper.payoutFunction(ROOT);
		StsObject payout = mapped.get(new Key(StsKind.FUNKTION, function));
		assertThat(rels(payout, "Funktionstype")).extracting(Rel::target).containsExactly(this.sts.udbetalendeEnhed());
		assertThat(rels(payout, "TilknyttedeEnheder")).extracting(Rel::target).containsExactly(ROOT);
		assertThat(rels(mapped.get(new Key(StsKind.ENHED, CHILD)), "TilknyttedeFunktioner")).extracting(Rel::target)
			.contains(function);
		assertThat(rels(mapped.get(new Key(StsKind.ENHED, ROOT)), "Adresser")).singleElement()
			.satisfies(r -> assertThat(r.role()).isEqualTo(this.sts.unitAddressRoles().get("LOS_SHORT_NAME")));
	}

	@Test
	void contactPlaceIsAHenvendelsesstedWithTheUnitsKle() {
		Map<Key, StsObject> mapped = map();
		StsObject contact = mapped.get(new Key(StsKind.FUNKTION, StsMapper.contactFunction(CHILD)));
		assertThat(rels(contact, "Funktionstype")).extracting(Rel::target).containsExactly(this.sts.henvendelsessted());
		assertThat(rels(contact, "TilknyttedeEnheder")).extracting(Rel::target).containsExactly(CHILD);
		assertThat(rels(contact, "TilknyttedeOpgaver")).extracting(Rel::target).contains(this.sts.kleClass("15.00.00"));
		assertThat(mapped).doesNotContainKey(new Key(StsKind.FUNKTION, StsMapper.contactFunction(ROOT)));
	}

	@Test
	void adAccountIsABrugerNamedByItsObjectGuidWithItsPersonAndNoCprByDefault() {
		Map<Key, StsObject> mapped = map();
		StsObject bruger = mapped.get(new Key(StsKind.BRUGER, ANNA_GUID));
		assertThat(rels(bruger, "TilknyttedePersoner")).extracting(Rel::target).containsExactly(ANNA);
		assertThat(rels(bruger, "Tilhoerer")).extracting(Rel::target).containsExactly(ORG);
		assertThat(rels(bruger, "Adresser")).extracting(Rel::target).containsExactly(id(5));
		StsObject person = mapped.get(new Key(StsKind.PERSON, ANNA));
		assertThat(person.properties()).singleElement().satisfies(p -> {
			assertThat(p.name()).isEqualTo("Anna Holm");
			assertThat(p.cpr()).isNull();
			assertThat(p.userKey()).isEqualTo("P-ANNA");
		});
		assertThat(mapped).as("a person without an account is not sent").doesNotContainKey(new Key(StsKind.PERSON, BO));
	}

	@Test
	void cprIsSentOnlyWhenConfigured() {
		StsSettings withCpr = new StsSettings(this.settings.baseUrl(), ORG, "29189846", null,
				this.settings.connectTimeout(), this.settings.receiveTimeout(), 4, 3, this.settings.initialBackoff(),
				this.settings.maxBackoff(), this.settings.registrationLag(), true, this.settings.exportedVisibilities(),
				this.settings.itSystem(), this.sts, this.settings.security(), 10, false);
		StsObject person = new StsMapper(withCpr).map(state(), TODAY).get(new Key(StsKind.PERSON, ANNA));
		assertThat(person.properties()).singleElement().satisfies(p -> assertThat(p.cpr()).isEqualTo("0101901234"));
		assertThat(person.toString()).doesNotContain("0101901234");
	}

	@Test
	void engagementIsAnEnhedsrolleNamedByTheJobTitleAndManagerALederrolle() {
		Map<Key, StsObject> mapped = map();
		StsObject role = mapped.get(new Key(StsKind.FUNKTION, id(40)));
		assertThat(rels(role, "Funktionstype")).extracting(Rel::target).containsExactly(this.sts.enhedsrolle());
		assertThat(rels(role, "TilknyttedeEnheder")).extracting(Rel::target).containsExactly(CHILD);
		assertThat(rels(role, "TilknyttedeBrugere")).extracting(Rel::target).containsExactly(ANNA_GUID);
		assertThat(role.properties()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("Socialrådgiver"));
		assertThat(mapped).as("Bo has no account").doesNotContainKey(new Key(StsKind.FUNKTION, id(41)));
		StsObject manager = mapped.get(new Key(StsKind.FUNKTION, id(50)));
		assertThat(rels(manager, "Funktionstype")).extracting(Rel::target).containsExactly(this.sts.lederrolle());
		assertThat(rels(manager, "TilknyttedeBrugere")).extracting(Rel::target).containsExactly(ANNA_GUID);
	}

	@Test
	void endingEngagementIsInaktivFromItsEndWithRelationsEnded() {
		StsObject ending = map().get(new Key(StsKind.FUNKTION, id(42)));
		LocalDate end = TODAY.plusDays(10);
		assertThat(ending.states()).extracting(StsObject.State::active).containsExactly(true, false);
		assertThat(ending.states().get(1).period().from()).isEqualTo(end);
		assertThat(ending.relations()).allSatisfy(r -> assertThat(r.period().to()).isEqualTo(end));
		StsObject ended = map().get(new Key(StsKind.ENHED, CHILD)).endedOn(TODAY);
		assertThat(ended.states()).last().satisfies(s -> {
			assertThat(s.active()).isFalse();
			assertThat(s.period().from()).isEqualTo(TODAY);
		});
		assertThat(ended.relations()).allSatisfy(r -> assertThat(r.period().to()).isEqualTo(TODAY));
	}

	@Test
	void writingOrderPutsAddressesAndPersonsFirstParentsBeforeChildrenAndFunctionsLast() {
		List<List<StsObject>> waves = StsPublisher.waves(new ArrayList<>(map().values()));
		List<StsKind> kinds = waves.stream().flatMap(List::stream).map(StsObject::kind).toList();
		assertThat(kinds.indexOf(StsKind.ENHED)).isGreaterThan(kinds.lastIndexOf(StsKind.ADRESSE));
		assertThat(kinds.indexOf(StsKind.ENHED)).isGreaterThan(kinds.lastIndexOf(StsKind.PERSON));
		assertThat(kinds.indexOf(StsKind.BRUGER)).isGreaterThan(kinds.lastIndexOf(StsKind.ENHED));
		assertThat(kinds.indexOf(StsKind.FUNKTION)).isGreaterThan(kinds.lastIndexOf(StsKind.BRUGER));
		List<UUID> units = waves.stream()
			.flatMap(List::stream)
			.filter(o -> o.kind() == StsKind.ENHED)
			.map(StsObject::uuid)
			.toList();
		assertThat(units).containsExactly(ROOT, CHILD);
	}

	@Test
	void equalContentGivesAnEqualHashAndAChangeAnother() {
		assertThat(map().get(new Key(StsKind.ENHED, CHILD)).hash())
			.isEqualTo(map().get(new Key(StsKind.ENHED, CHILD)).hash());
		CanonicalState changed = state();
		changed.units()
			.put(CHILD, Timeline.of(Validity.from(START), new OrgUnit(CHILD, "JOB", "Jobcentret", ROOT,
					cls(DefaultClasses.ORG_UNIT_TYPE, "Team"), null, ROOT)));
		assertThat(new StsMapper(this.settings).map(changed, TODAY).get(new Key(StsKind.ENHED, CHILD)).hash())
			.isNotEqualTo(map().get(new Key(StsKind.ENHED, CHILD)).hash());
	}

}
