package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.rules.RuleContext;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.SourceRules;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.opus.OpusDump;
import dk.orghub.samples.opus.OpusDumpWriter;
import dk.orghub.samples.opus.OpusSampleDumps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's rule pipeline on a mapped OPUS dump of the sample municipality (the mapper
 * applies no rule): OPUS's defaults give one primary engagement per employee on every
 * date and managers only while employed; an excluded unit takes its whole subtree.
 */
class OpusRulePipelineTest {

	private static final Municipality MUNICIPALITY = MunicipalityGenerator.generate(20150601L, 300);

	@TempDir
	Path dir;

	@Test
	void opusDefaultsGiveOnePrimaryPerEmployeeAndManagersOnlyWhileEmployed() {
		OpusConfig config = OpusConfig.of(cvr(), this.dir);
		List<DesiredObject<?>> mapped = read(config);
		assertThat(engagements(mapped).values())
			.allSatisfy((timeline) -> assertThat(timeline.segments().stream().noneMatch((s) -> s.value().primary()))
				.as("the mapper sets no primary flag")
				.isTrue());

		List<DesiredObject<?>> ruled = RulePipeline.of(config.rules()).apply(mapped, RuleContext.NONE);

		LocalDate date = MUNICIPALITY.referenceDate();
		Map<UUID, List<Engagement>> byPerson = new HashMap<>();
		engagements(ruled).values()
			.forEach((t) -> t.at(date)
				.ifPresent((e) -> byPerson.computeIfAbsent(e.person(), (p) -> new ArrayList<>()).add(e)));
		assertThat(byPerson).isNotEmpty();
		assertThat(byPerson.values())
			.allSatisfy((jobs) -> assertThat(jobs.stream().filter(Engagement::primary)).as("one primary").hasSize(1));

		Map<UUID, List<Validity>> employed = new HashMap<>();
		engagements(ruled).values()
			.forEach((t) -> t.segments()
				.forEach((s) -> employed.computeIfAbsent(s.value().person(), (p) -> new ArrayList<>())
					.add(s.validity())));
		int held = 0;
		for (DesiredObject<?> object : ruled) {
			if (object.type() != ObjectType.MANAGER) {
				continue;
			}
			for (Segment<?> segment : object.timeline().segments()) {
				Manager manager = (Manager) segment.value();
				held++;
				assertThat(employed.getOrDefault(manager.person(), List.of())
					.stream()
					.anyMatch((v) -> v.contains(segment.validity().from())))
					.as("manager %s is employed when the role starts", manager.userKey())
					.isTrue();
			}
		}
		assertThat(held).as("the sample has managers").isPositive();
	}

	@Test
	void anExcludedUnitTakesItsSubtreeAndWhatIsPlacedInIt() {
		OpusConfig config = OpusConfig.of(cvr(), this.dir);
		List<DesiredObject<?>> mapped = read(config);
		Map<UUID, Timeline<OrgUnit>> units = new HashMap<>();
		Map<UUID, String> ids = new HashMap<>();
		mapped.stream().filter((o) -> o.type() == ObjectType.ORG_UNIT).forEach((o) -> {
			@SuppressWarnings("unchecked")
			Timeline<OrgUnit> timeline = (Timeline<OrgUnit>) o.timeline();
			units.put(o.uuid(), timeline);
			ids.put(o.uuid(), o.externalId());
		});
		UUID area = units.values()
			.stream()
			.map((t) -> t.segments().get(0).value())
			.filter((u) -> u.parent() != null
					&& units.values().stream().anyMatch((c) -> u.uuid().equals(c.segments().get(0).value().parent())))
			.findFirst()
			.orElseThrow()
			.uuid();
		Set<UUID> subtree = new HashSet<>(Set.of(area));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Timeline<OrgUnit> t : units.values()) {
				OrgUnit unit = t.segments().get(0).value();
				if (unit.parent() != null && subtree.contains(unit.parent()) && subtree.add(unit.uuid())) {
					grew = true;
				}
			}
		}
		long placedThere = engagements(mapped).values()
			.stream()
			.filter((t) -> subtree.contains(t.segments().get(0).value().unit()))
			.count();

		List<DesiredObject<?>> ruled = RulePipeline.of(SourceRules.NONE.withExcludedUnits(Set.of(ids.get(area))))
			.apply(mapped, RuleContext.NONE);

		assertThat(ruled).noneMatch((o) -> o.type() == ObjectType.ORG_UNIT && subtree.contains(o.uuid()));
		assertThat(engagements(ruled).values())
			.noneMatch((t) -> t.segments().stream().anyMatch((s) -> subtree.contains(s.value().unit())));
		assertThat(engagements(ruled)).hasSize((int) (engagements(mapped).size() - placedThere));
		assertThat(placedThere).as("the excluded area has staff").isPositive();
	}

	private List<DesiredObject<?>> read(OpusConfig config) {
		OpusDump dump = OpusSampleDumps.first(MUNICIPALITY);
		Path file = OpusDumpWriter.write(dump, this.dir);
		Map<String, UUID> persons = new HashMap<>();
		MappedDump mapped = new OpusDumpReader(config).read(file,
				(cpr) -> persons.computeIfAbsent(cpr, (c) -> UUID.randomUUID()));
		return mapped.objectList();
	}

	@SuppressWarnings("unchecked")
	private static Map<UUID, Timeline<Engagement>> engagements(List<DesiredObject<?>> objects) {
		Map<UUID, Timeline<Engagement>> result = new HashMap<>();
		objects.stream()
			.filter((o) -> o.type() == ObjectType.ENGAGEMENT)
			.forEach((o) -> result.put(o.uuid(), (Timeline<Engagement>) o.timeline()));
		return result;
	}

	private static String cvr() {
		return MUNICIPALITY.organisation().latest().orElseThrow().cvr();
	}

}
