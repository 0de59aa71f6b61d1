package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.Query;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.core.model.Actor;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;
import dk.orghub.samples.opus.OpusScenario;

import static dk.orghub.adapters.opus.Dumps.employee;
import static dk.orghub.adapters.opus.Dumps.kmd;
import static dk.orghub.adapters.opus.Dumps.unit;
import static dk.orghub.adapters.opus.Dumps.write;
import static org.assertj.core.api.Assertions.assertThat;

class OpusImporterTest {

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T03:00:00Z"));

	private JdbcOrgStore store;

	private OpusImporter importer;

	@BeforeEach
	void createStore() {
		this.store = TestStores.h2(this.clock);
		this.importer = new OpusImporter(OpusConfig.of(Dumps.CVR, this.dir), this.store, FieldPolicy.none(),
				this.clock);
	}

	private Path first() {
		return write(this.dir, "ZLPE20250101020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
						employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "30", true, null),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null),
						employee("100003", "0202851234", "2", "2023-01-01", null)));
	}

	private ImportReport run(Path file, Path previous) {
		this.clock.advance(java.time.Duration.ofHours(1));
		return this.importer.importFile(file, previous, false);
	}

	@Test
	void theFirstDumpLoadsEverythingWithTheirWholeValidity() {
		ImportReport report = run(first(), null);
		assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
		assertThat(report.delta()).isFalse();
		UUID school = new OpusMapper(this.importer.config()).unitUuid("2");
		OrgUnit unit = this.store.get(OrgUnit.class, school, point("2024-06-01")).orElseThrow().value();
		assertThat(unit.name()).isEqualTo("Skole");
		assertThat(unit.userKey()).isEqualTo("2");
		UUID engagement = this.store.identity("opus", ObjectType.ENGAGEMENT, "100001").orElseThrow();
		Timeline<Engagement> timeline = this.store.timeline(Engagement.class, engagement, Instant.now());
		assertThat(timeline.coverage()).containsExactly(Validity.from(LocalDate.of(2021, 1, 1)));
		assertThat(timeline.at(LocalDate.of(2024, 6, 1)).orElseThrow().primary())
			.as("Månedslønnet comes before Timelønnet")
			.isTrue();
		assertThat(this.store.token("opus")).contains("ZLPE20250101020000_delta.xml");
	}

	@Test
	void personUuidsAreBoundToTheCprAndNotDerivedFromIt() {
		run(first(), null);
		UUID person = this.store.identity("opus", ObjectType.PERSON, "0101801234").orElseThrow();
		assertThat(person).isNotEqualTo(UUID.nameUUIDFromBytes("0101801234".getBytes()));
		Person value = this.store.get(Person.class, person, point("2024-06-01")).orElseThrow().value();
		assertThat(value.userKey()).doesNotContain("0101801234");
	}

	@Test
	void aNewPersonGetsTheSameUuidAtEveryPlanningAndWhenApplied() {
		Path first = first();
		run(first, null);
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"), unit("3", "1", "Ny afdeling"),
						employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "30", true, null),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null),
						employee("100003", "0202851234", "2", "2023-01-01", null),
						employee("100004", "0303901234", "3", "2025-02-01", null)));
		UUID planned = newPerson(this.importer.importFile(second, first, true));
		assertThat(newPerson(this.importer.importFile(second, first, true))).isEqualTo(planned);
		assertThat(newPerson(this.importer.importFile(second, null, true))).isEqualTo(planned);
		assertThat(planned).isNotEqualTo(UUID.nameUUIDFromBytes("0303901234".getBytes()));
		run(second, first);
		assertThat(this.store.identity("opus", ObjectType.PERSON, "0303901234")).contains(planned);
	}

	private static UUID newPerson(ImportReport preview) {
		return preview.result()
			.changes()
			.stream()
			.filter((c) -> c.type() == ObjectType.PERSON && c.kind() == dk.orghub.core.store.ObjectChange.Kind.CREATED)
			.map(dk.orghub.core.store.ObjectChange::uuid)
			.reduce((a, b) -> {
				throw new AssertionError("more than one new person");
			})
			.orElseThrow();
	}

	@Test
	void aBareLeaveRecordIsInformationNotARejection() {
		Path first = first();
		run(first, null);
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
						employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "30", true, null),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null),
						"  <employee id=\"100003\" client=\"999\" action=\"leave\"/>\n",
						"  <employee id=\"999\" client=\"999\" action=\"leave\"/>\n"));
		ImportReport report = run(second, first);
		assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
		assertThat(report.rejected()).isEmpty();
		assertThat(report.notes()).extracting(RecordProblem::reason)
			.containsExactly("leave of employment 100003: ended from 2025-02-01",
					"leave of unknown employment 999: nothing to end");
		assertThat(report.text()).contains("Information:").contains("leave of unknown employment 999");
		UUID left = this.store.identity("opus", ObjectType.ENGAGEMENT, "100003").orElseThrow();
		assertThat(this.store.get(Engagement.class, left, point("2025-01-31"))).isPresent();
		assertThat(this.store.get(Engagement.class, left, point("2025-02-01"))).isEmpty();
	}

	@Test
	void thePrimaryRuleIsASetting() {
		String xml = kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
				employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "10", false, null),
				employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "37", false, null));
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml", xml);
		run(file, null);
		assertThat(primary("100001")).as("engagement-type order: Månedslønnet first").isTrue();
		assertThat(primary("100002")).isFalse();

		JdbcOrgStore other = TestStores.h2(this.clock);
		OpusImporter byFraction = new OpusImporter(
				OpusConfig.of(Dumps.CVR, this.dir).withPrimaryRule(OpusConfig.PrimaryRule.HIGHEST_FRACTION), other,
				FieldPolicy.none(), this.clock);
		this.clock.advance(java.time.Duration.ofHours(1));
		byFraction.importFile(file, null, false);
		assertThat(primary(other, "100002")).as("highest occupation rate: 37/37 before 10/37").isTrue();
		assertThat(primary(other, "100001")).isFalse();
	}

	private boolean primary(String employment) {
		return primary(this.store, employment);
	}

	private boolean primary(JdbcOrgStore store, String employment) {
		UUID uuid = store.identity("opus", ObjectType.ENGAGEMENT, employment).orElseThrow();
		return store.get(Engagement.class, uuid, point("2024-06-01")).orElseThrow().value().primary();
	}

	@Test
	void contactDataBecomeTheAddressesAndItUsersOfThePerson() {
		Path file = write(this.dir, "ZLPE20250101020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
						contactRecord("100001", "0101801234", "anne@kommune.dk", "70 10 20 30", "ANJE",
								"<address>Testvej 10</address><postalCode>9900</postalCode><city>Frederikshavn</city>"),
						contactRecord("100003", "0202851234", "not an e-mail", "", "",
								"<address><protected/></address><postalCode><protected/></postalCode><city/>")));
		ImportReport report = run(file, null);
		assertThat(report.rejected()).isEmpty();
		assertThat(report.warnings()).extracting(RecordProblem::toString)
			.anySatisfy((w) -> assertThat(w).contains("employee '100003'").contains("email left out"));
		UUID anne = this.store.identity("opus", ObjectType.PERSON, "0101801234").orElseThrow();
		assertThat(addresses(anne)).containsOnlyKeys("EMAIL", "PHONE")
			.containsEntry("EMAIL", "anne@kommune.dk")
			.containsEntry("PHONE", "70 10 20 30");
		List<ItUser> users = this.store.list(Query.of(ItUser.class, point("2024-06-01")).where("person", anne))
			.items()
			.stream()
			.map((v) -> v.value())
			.toList();
		assertThat(users).singleElement().satisfies((u) -> {
			assertThat(u.userKey()).isEqualTo("ANJE");
			assertThat(u.itSystem()).isEqualTo(DefaultClasses.classUuid(DefaultClasses.IT_SYSTEM, "OPUS"));
		});
		UUID other = this.store.identity("opus", ObjectType.PERSON, "0202851234").orElseThrow();
		assertThat(addresses(other)).isEmpty();

		// the home address only when asked for, and never a protected one
		JdbcOrgStore withHome = TestStores.h2(this.clock);
		this.clock.advance(java.time.Duration.ofHours(1));
		new OpusImporter(
				OpusConfig.of(Dumps.CVR, this.dir)
					.withContacts(new OpusConfig.Contacts(true, true, true, true, "OPUS")),
				withHome, FieldPolicy.none(), this.clock)
			.importFile(file, null, false);
		UUID anneThere = withHome.identity("opus", ObjectType.PERSON, "0101801234").orElseThrow();
		List<Address> home = withHome.list(Query.of(Address.class, point("2024-06-01")).where("owner", anneThere))
			.items()
			.stream()
			.map((v) -> v.value())
			.filter((a) -> a.addressType().equals(DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "POSTAL")))
			.toList();
		assertThat(home).singleElement().satisfies((a) -> {
			assertThat(a.value()).isEqualTo("Testvej 10, 9900 Frederikshavn");
			assertThat(a.visibility()).isEqualTo(DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "SECRET"));
		});
		UUID otherThere = withHome.identity("opus", ObjectType.PERSON, "0202851234").orElseThrow();
		assertThat(withHome.list(Query.of(Address.class, point("2024-06-01")).where("owner", otherThere)).items())
			.as("a protected home address is never imported")
			.isEmpty();
	}

	private java.util.Map<String, String> addresses(UUID person) {
		java.util.Map<String, String> byType = new java.util.HashMap<>();
		for (var version : this.store.list(Query.of(Address.class, point("2024-06-01")).where("owner", person))
			.items()) {
			Address a = version.value();
			DefaultClasses.classes()
				.stream()
				.filter((k) -> k.uuid().equals(a.addressType()))
				.forEach((k) -> byType.put(k.userKey(), a.value()));
		}
		return byType;
	}

	private static String contactRecord(String id, String cpr, String email, String phone, String userId, String home) {
		return "  <employee id=\"" + id + "\" client=\"999\" lastChanged=\"2024-12-01\">\n"
				+ "    <entryDate>2021-01-01</entryDate>\n    <leaveDate/>\n    <cpr suppId=\"0\">" + cpr
				+ "</cpr>\n    <firstName>Anne</firstName>\n    <lastName>Jensen</lastName>\n    " + home
				+ "\n    <email>" + email + "</email>\n    <workPhone>" + phone + "</workPhone>\n    <userId>" + userId
				+ "</userId>\n    <workContract>01</workContract>\n"
				+ "    <workContractText>Månedslønnet</workContractText>\n    <position>Pædagog</position>\n"
				+ "    <isManager>false</isManager>\n    <orgUnit>2</orgUnit>\n    <numerator>37</numerator>\n"
				+ "    <denominator>37</denominator>\n  </employee>\n";
	}

	@Test
	void reimportingTheSameDumpWritesNothing() {
		Path file = first();
		run(file, null);
		ImportReport again = run(file, file);
		assertThat(again.delta()).isTrue();
		assertThat(again.status()).isEqualTo(ImportReport.Status.UNCHANGED);
		assertThat(again.result().registration()).isNull();
		ImportReport againAgainstTheStore = run(file, null);
		assertThat(againAgainstTheStore.status()).isEqualTo(ImportReport.Status.UNCHANGED);
	}

	@Test
	void aLaterDumpAppliesFromItsDateKeepsHistoryAndEndsWhatIsMissing() {
		Path first = first();
		run(first, null);
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skolen ved Søen"),
						employee("100001", "0101801234", "2", "2021-01-01", "2025-01-31", "Månedslønnet", "30", true,
								"leave"),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null)));
		ImportReport report = run(second, first);
		assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
		UUID school = new OpusMapper(this.importer.config()).unitUuid("2");
		assertThat(this.store.get(OrgUnit.class, school, point("2025-01-15")).orElseThrow().value().name())
			.isEqualTo("Skole");
		assertThat(this.store.get(OrgUnit.class, school, point("2025-02-01")).orElseThrow().value().name())
			.isEqualTo("Skolen ved Søen");
		UUID left = this.store.identity("opus", ObjectType.ENGAGEMENT, "100001").orElseThrow();
		assertThat(this.store.get(Engagement.class, left, point("2025-01-31"))).isPresent();
		assertThat(this.store.get(Engagement.class, left, point("2025-02-01"))).isEmpty();
		UUID other = this.store.identity("opus", ObjectType.ENGAGEMENT, "100002").orElseThrow();
		assertThat(this.store.get(Engagement.class, other, point("2025-02-01")).orElseThrow().value().primary())
			.as("the remaining engagement becomes primary when the other ends")
			.isTrue();
		UUID missing = this.store.identity("opus", ObjectType.ENGAGEMENT, "100003").orElseThrow();
		assertThat(this.store.get(Engagement.class, missing, point("2025-01-31"))).isPresent();
		assertThat(this.store.get(Engagement.class, missing, point("2025-02-01"))).isEmpty();
		UUID manager = this.store.identity("opus", ObjectType.MANAGER, "100001").orElseThrow();
		assertThat(this.store.get(dk.orghub.core.model.Manager.class, manager, point("2025-02-01"))).isEmpty();
	}

	@Test
	void aRejectedRecordIsQuarantinedAndKeepsWhatTheStoreHas() {
		Path first = first();
		run(first, null);
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
						employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "30", true, null),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null),
						employee("100003", "3102851234", "2", "2023-01-01", null), unit("3", "1", "Ny"),
						employee("100004", "0303901234", "3", "2025-02-01", null)));
		ImportReport report = run(second, first);
		assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
		assertThat(report.rejected()).singleElement().satisfies(p -> {
			assertThat(p.id()).isEqualTo("100003");
			assertThat(p.reason()).contains("invalid CPR");
		});
		UUID kept = this.store.identity("opus", ObjectType.ENGAGEMENT, "100003").orElseThrow();
		assertThat(this.store.get(Engagement.class, kept, point("2025-03-01"))).as("not ended by a rejected record")
			.isPresent();
		UUID person = this.store.identity("opus", ObjectType.PERSON, "0202851234").orElseThrow();
		assertThat(this.store.get(Person.class, person, point("2025-03-01"))).isPresent();
		assertThat(this.store.identity("opus", ObjectType.ENGAGEMENT, "100004")).isPresent();
		assertThat(report.text()).contains("employee '100003'").doesNotContain("3102851234");
	}

	@Test
	void aFileTheStoreRefusesChangesNothing() {
		Path first = first();
		run(first, null);
		UUID school = new OpusMapper(this.importer.config()).unitUuid("2");
		UUID person = this.store.identity("opus", ObjectType.PERSON, "0202851234").orElseThrow();
		this.clock.advance(java.time.Duration.ofMinutes(5));
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(new Engagement(UUID.randomUUID(), "LOCAL-1", person, school, null, null, null, false),
					Validity.from(LocalDate.of(2024, 1, 1)))
			.build());
		int before = this.store.history(OrgUnit.class, school).size();
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole", "2020-01-01", "2025-01-31"),
						employee("100001", "0101801234", "1", "2021-01-01", null, "Månedslønnet", "30", true, null),
						employee("100002", "0101801234", "1", "2022-01-01", null, "Timelønnet", "0", false, null),
						employee("100003", "0202851234", "1", "2023-01-01", null)));
		ImportReport report = run(second, first);
		assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
		assertThat(report.error()).contains("LOCAL-1").contains("within-unit");
		assertThat(this.store.history(OrgUnit.class, school)).hasSize(before);
		assertThat(this.store.token("opus")).contains("ZLPE20250101020000_delta.xml");
	}

	@Test
	void aDumpOlderThanTheLastOneIsRefused() {
		run(first(), null);
		Path older = write(this.dir, "ZLPE20241201020000_delta.xml", kmd(unit("1", null, "Kommune")));
		ImportReport report = run(older, null);
		assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
		assertThat(report.error()).contains("dates out of order").contains("ZLPE20250101020000_delta.xml");
	}

	@Test
	void aPrimaryChosenByHandIsKept() {
		Path first = first();
		run(first, null);
		UUID side = this.store.identity("opus", ObjectType.ENGAGEMENT, "100002").orElseThrow();
		UUID main = this.store.identity("opus", ObjectType.ENGAGEMENT, "100001").orElseThrow();
		Engagement sideValue = this.store.get(Engagement.class, side, point("2025-01-01")).orElseThrow().value();
		Engagement mainValue = this.store.get(Engagement.class, main, point("2025-01-01")).orElseThrow().value();
		this.clock.advance(java.time.Duration.ofMinutes(5));
		this.store.apply(ChangeSet.by(Actor.user("alice"))
			.put(new Engagement(sideValue.uuid(), sideValue.userKey(), sideValue.person(), sideValue.unit(),
					sideValue.jobFunction(), sideValue.engagementType(), sideValue.fraction(), true, true, null),
					Validity.from(LocalDate.of(2025, 1, 1)))
			.put(mainValue.withPrimary(false), Validity.from(LocalDate.of(2025, 1, 1)))
			.build());
		Path second = write(this.dir, "ZLPE20250201020000_delta.xml",
				kmd(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
						employee("100001", "0101801234", "2", "2021-01-01", null, "Månedslønnet", "20", true, null),
						employee("100002", "0101801234", "2", "2022-01-01", null, "Timelønnet", "0", false, null),
						employee("100003", "0202851234", "2", "2023-01-01", null)));
		ImportReport report = run(second, first);
		assertThat(report.status()).as(report.text()).isEqualTo(ImportReport.Status.APPLIED);
		assertThat(this.store.get(Engagement.class, side, point("2025-03-01")).orElseThrow().value().primary())
			.isTrue();
		assertThat(this.store.get(Engagement.class, main, point("2025-03-01")).orElseThrow().value().primary())
			.isFalse();
	}

	private ReadPoint point(String date) {
		return ReadPoint.of(LocalDate.parse(date), null, this.clock);
	}

	/**
	 * The next dump is diffed against the dump read last, kept as it was mapped, and
	 * plans as it does against the previous file read again.
	 */
	@Test
	void theDumpKeptFromTheLastImportPlansAsTheFileReadAgain() throws Exception {
		Municipality municipality = MunicipalityGenerator.generate(20240301L, 200);
		OpusDump first = OpusSampleDumps.first(municipality);
		Path firstFile = OpusDumpWriter.write(first, this.dir);
		OpusConfig config = OpusConfig.of(municipality.organisation().latest().orElseThrow().cvr(), this.dir);
		OpusImporter importer = new OpusImporter(config, this.store, FieldPolicy.none(), this.clock);
		OpusImporter.Read firstRead = importer.read(firstFile, null);
		this.store.apply(importer.plan(firstRead).changes());
		Path secondFile = OpusDumpWriter
			.write(new OpusScenario(7L).next(first, LocalDateTime.of(2025, 5, 1, 2, 0), 20).dump(), this.dir);
		this.clock.advance(java.time.Duration.ofHours(1));

		OpusImporter.Read kept = importer.read(secondFile, firstFile);
		OpusImporter.Read again = new OpusImporter(config, this.store, FieldPolicy.none(), this.clock).read(secondFile,
				firstFile);

		assertThat(kept.before()).isSameAs(firstRead.current());
		assertThat(again.before()).isNotSameAs(firstRead.current()).isEqualTo(firstRead.current());
		ChangeSet planned = importer.plan(secondFile, firstFile).changes();
		ChangeSet fresh = new OpusImporter(config, this.store, FieldPolicy.none(), this.clock)
			.plan(secondFile, firstFile)
			.changes();
		assertThat(planned.operations()).isNotEmpty().isEqualTo(fresh.operations());
		assertThat(planned.bindings()).isEqualTo(fresh.bindings());
		assertThat(planned.releases()).isEqualTo(fresh.releases());
		assertThat(planned.tokens()).isEqualTo(fresh.tokens());
	}

}
