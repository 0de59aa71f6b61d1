package dk.orghub.samples.municipality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MunicipalityRulesTest {

	private static final Map<UUID, Klasse> CLASSES = DefaultClasses.classes()
		.stream()
		.collect(Collectors.toMap(Klasse::uuid, Function.identity()));

	@ParameterizedTest
	@ValueSource(ints = { 100, 500, 45_000 })
	void everyObjectLiesWithinWhatItRefersToAndEachPersonHasOnePrimaryEngagement(int employees) {
		assertThat(ModelRules.check(Samples.of(employees))).isEmpty();
	}

	@Test
	void theRulesFindBrokenData() {
		Municipality valid = Samples.of(100);
		Timeline<Engagement> first = valid.engagements().values().iterator().next();
		Engagement engagement = first.segments().get(0).value();
		UUID unit = valid.units().keySet().stream().skip(3).findFirst().orElseThrow();
		Timeline<OrgUnit> child = valid.units().get(unit);
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>(valid.engagements());
		// before the person was born, and a second primary engagement beside it
		engagements.put(engagement.uuid(), Timeline.of(Validity.from(LocalDate.of(1901, 1, 1)), engagement));
		UUID twin = UUID.randomUUID();
		engagements.put(twin,
				Timeline.of(Validity.from(LocalDate.of(1901, 1, 1)), new Engagement(twin, "twin", engagement.person(),
						engagement.unit(), engagement.jobFunction(), engagement.engagementType(), null, true)));
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(valid.units());
		// before the municipality existed
		units.put(unit, Timeline.of(Validity.from(LocalDate.of(2000, 1, 1)), child.segments().get(0).value()));
		Municipality broken = new Municipality(valid.seed(), valid.employees(), valid.referenceDate(),
				valid.organisation(), units, valid.persons(), engagements, valid.managers(), valid.addresses(),
				valid.kle());

		assertThat(ModelRules.check(broken)).anyMatch((p) -> p.contains("is not within its person"))
			.anyMatch((p) -> p.contains("is not within its unit"))
			.anyMatch((p) -> p.contains("is not within its parent"))
			.anyMatch((p) -> p.contains("2 primary engagements"));
	}

	@Test
	void everyClassReferredToIsADefaultClassOfTheRightFacet() {
		Municipality municipality = Samples.of(45_000);
		List<String> wrong = new ArrayList<>();
		values(municipality.units()).forEach((u) -> {
			klass(wrong, u, u.unitType(), DefaultClasses.ORG_UNIT_TYPE);
			klass(wrong, u, u.unitLevel(), DefaultClasses.ORG_UNIT_LEVEL);
		});
		values(municipality.engagements()).forEach((e) -> {
			klass(wrong, e, e.jobFunction(), DefaultClasses.JOB_FUNCTION);
			klass(wrong, e, e.engagementType(), DefaultClasses.ENGAGEMENT_TYPE);
		});
		values(municipality.managers()).forEach((m) -> {
			klass(wrong, m, m.managerType(), DefaultClasses.MANAGER_TYPE);
			klass(wrong, m, m.managerLevel(), DefaultClasses.MANAGER_LEVEL);
			m.responsibilities().forEach((r) -> klass(wrong, m, r, DefaultClasses.RESPONSIBILITY));
		});
		values(municipality.addresses()).forEach((a) -> {
			klass(wrong, a, a.addressType(), DefaultClasses.ADDRESS_TYPE);
			klass(wrong, a, a.visibility(), DefaultClasses.VISIBILITY);
		});
		values(municipality.kle()).forEach((k) -> klass(wrong, k, k.aspect(), DefaultClasses.KLE_ASPECT));

		assertThat(wrong).isEmpty();
	}

	@Test
	void everyAddressValueIsValidForItsType() {
		Municipality municipality = Samples.of(45_000);

		List<String> invalid = new ArrayList<>();
		for (Address address : values(municipality.addresses()).toList()) {
			AddressScope scope = AddressScope.valueOf(CLASSES.get(address.addressType()).scope());
			scope.validate(address.value()).ifPresent((message) -> invalid.add(address.userKey() + ": " + message));
		}

		assertThat(invalid).isEmpty();
		Map<String, Long> byType = values(municipality.addresses())
			.collect(Collectors.groupingBy((a) -> CLASSES.get(a.addressType()).userKey(), Collectors.counting()));
		assertThat(byType).containsKeys("POSTAL", "PHONE", "EMAIL", "EAN", "PNUMBER", "OPENING_HOURS",
				"LOS_SHORT_NAME");
	}

	@Test
	void uuidsAreUniqueAcrossAllObjectsAndUserKeysWithinEachType() {
		Municipality municipality = Samples.of(45_000);
		List<Map<UUID, ? extends Timeline<?>>> all = List.of(
				both(municipality.units(), municipality.actors().medUnits()),
				both(municipality.persons(), municipality.actors().persons()), municipality.engagements(),
				municipality.actors().associations(), municipality.managers(), municipality.addresses(),
				municipality.kle());

		Set<UUID> uuids = new HashSet<>();
		for (Map<UUID, ? extends Timeline<?>> objects : all) {
			uuids.addAll(objects.keySet());
			Set<String> userKeys = new HashSet<>();
			for (Timeline<?> timeline : objects.values()) {
				for (Segment<?> segment : timeline.segments()) {
					assertThat(segment.value().uuid()).isEqualTo(timeline.segments().get(0).value().uuid());
				}
				String userKey = timeline.segments().get(0).value().userKey();
				assertThat(userKey).hasSizeLessThanOrEqualTo(50);
				assertThat(userKeys.add(userKey)).as("user key %s is unique", userKey).isTrue();
			}
		}
		assertThat(uuids).hasSize(municipality.objectCount() - 1);
	}

	@Test
	void unitsAreAfdelingOrTeamWithTheirForvaltningAsPayoutUnit() {
		Municipality municipality = Samples.of(45_000);
		Map<UUID, OrgUnit> units = new HashMap<>();
		values(municipality.units()).forEach((u) -> units.put(u.uuid(), u));
		UUID ny1 = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_LEVEL, "NY1-niveau");
		UUID team = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Team");

		for (OrgUnit unit : units.values()) {
			UUID expected = null;
			for (OrgUnit u = unit; u != null; u = (u.parent() != null) ? units.get(u.parent()) : null) {
				if (u.unitLevel().equals(ny1)) {
					expected = u.uuid();
				}
			}
			assertThat(unit.payoutUnit()).as("payout unit of %s", unit.name()).isEqualTo(expected);
			assertThat(unit.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
		}
		assertThat(units.values()).filteredOn((u) -> u.unitType().equals(team)).hasSizeGreaterThan(1_000);
	}

	@Test
	void mostUnitsAboveTheTeamsHaveAManagerWithAnEngagementThereAndAFewAreVacant() {
		Municipality municipality = Samples.of(45_000);
		UUID team = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Team");
		Set<UUID> nonTeamUnits = values(municipality.units()).filter((u) -> !u.unitType().equals(team))
			.map(OrgUnit::uuid)
			.collect(Collectors.toSet());
		List<Manager> managers = values(municipality.managers()).toList();

		long managed = managers.stream().map(Manager::unit).filter(nonTeamUnits::contains).distinct().count();
		long vacant = managers.stream().filter(Manager::isVacant).count();
		assertThat(managed).isGreaterThan(nonTeamUnits.size() * 9L / 10);
		assertThat(vacant).isPositive().isLessThan(managers.size() / 10);
		assertThat(managers).anyMatch((m) -> !nonTeamUnits.contains(m.unit()));
	}

	@Test
	void historyHasClosedUnitsRenamesEndedAndFutureEngagementsAndSecondJobs() {
		Municipality municipality = Samples.of(45_000);
		LocalDate today = municipality.referenceDate();

		List<Timeline<OrgUnit>> closed = municipality.units()
			.values()
			.stream()
			.filter((t) -> last(t).validity().to() != null)
			.toList();
		assertThat(closed).hasSizeBetween(10, 300);
		assertThat(municipality.units().values()).anyMatch((t) -> t.segments().size() == 2
				&& !t.segments().get(0).value().name().equals(t.segments().get(1).value().name()));
		Set<UUID> closedUnits = closed.stream()
			.map((t) -> t.segments().get(0).value().uuid())
			.collect(Collectors.toSet());
		for (Timeline<OrgUnit> unit : closed) {
			LocalDate end = last(unit).validity().to();
			UUID uuid = unit.segments().get(0).value().uuid();
			assertThat(municipality.engagements().values())
				.noneMatch((t) -> t.at(end).map(Engagement::unit).filter(uuid::equals).isPresent());
			assertThat(municipality.units().values())
				.noneMatch((t) -> t.at(end).map(OrgUnit::parent).filter(uuid::equals).isPresent());
		}
		assertThat(closedUnits).isNotEmpty();

		List<Timeline<Engagement>> engagements = List.copyOf(municipality.engagements().values());
		assertThat(engagements)
			.filteredOn((t) -> last(t).validity().to() != null && !last(t).validity().to().isAfter(today))
			.hasSizeGreaterThan(1_000);
		assertThat(engagements).filteredOn((t) -> t.segments().get(0).validity().from().isAfter(today))
			.hasSizeGreaterThan(500);
		assertThat(engagements).filteredOn((t) -> t.segments().size() == 2).hasSizeGreaterThan(100);
		Map<UUID, Long> perPerson = values(municipality.engagements())
			.collect(Collectors.groupingBy(Engagement::person, Collectors.counting()));
		assertThat(perPerson).hasSize(45_000);
		assertThat(perPerson.values()).filteredOn((n) -> n >= 2).hasSizeGreaterThan(2_000);
		assertThat(values(municipality.engagements())).anyMatch((e) -> !e.primary())
			.anyMatch((e) -> e.fraction() == null)
			.anyMatch((e) -> e.fraction() != null && e.fraction().signum() > 0
					&& e.fraction().compareTo(BigDecimal.ONE) < 0);
	}

	@Test
	void kleNumbersHaveTheKleFormat() {
		Municipality municipality = Samples.of(45_000);

		assertThat(values(municipality.kle())).isNotEmpty()
			.allMatch((k) -> k.kleNumber().matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}"));
		assertThat(values(municipality.kle()).map(Kle::unit).distinct().count()).isGreaterThan(100);
	}

	private static void klass(List<String> wrong, OrgObject object, UUID klass, String facet) {
		Klasse found = CLASSES.get(klass);
		if (found == null || !found.facet().equals(DefaultClasses.facetUuid(facet))) {
			wrong.add(object.type().collection() + " '" + object.userKey() + "' refers to " + klass
					+ ", not a class of " + facet);
		}
	}

	private static <T extends OrgObject> Stream<T> values(Map<UUID, Timeline<T>> timelines) {
		return timelines.values().stream().flatMap((t) -> t.segments().stream()).map(Segment::value);
	}

	private static <T extends OrgObject> Segment<T> last(Timeline<T> timeline) {
		return timeline.segments().get(timeline.segments().size() - 1);
	}

	private static <T extends Timeline<?>> Map<UUID, T> both(Map<UUID, T> first, Map<UUID, T> second) {
		Map<UUID, T> result = new java.util.LinkedHashMap<>(first);
		result.putAll(second);
		assertThat(result).hasSize(first.size() + second.size());
		return result;
	}

}
