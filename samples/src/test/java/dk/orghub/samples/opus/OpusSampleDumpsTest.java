package dk.orghub.samples.opus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class OpusSampleDumpsTest {

	static Municipality municipality;

	static OpusDump first;

	@BeforeAll
	static void generate() {
		municipality = MunicipalityGenerator.generate(20070101L, 500);
		first = OpusSampleDumps.first(municipality);
	}

	@Test
	void theFirstDumpHasEveryCurrentUnitAndEmploymentParentsFirst() {
		long current = municipality.engagements()
			.values()
			.stream()
			.filter(t -> t.at(municipality.referenceDate()).isPresent())
			.count();
		assertThat(first.employees().size()).isGreaterThanOrEqualTo((int) current);
		assertThat(first.fileName()).isEqualTo("ZLPE20250101020000_delta.xml");
		Set<String> seen = new HashSet<>();
		for (OpusUnitRecord unit : first.units()) {
			assertThat(unit.parentId() == null || seen.contains(unit.parentId())).as(unit.id()).isTrue();
			seen.add(unit.id());
		}
		assertThat(first.employees()).allMatch(e -> seen.contains(e.orgUnit()));
		assertThat(first.units().get(0).cvrNr()).matches("[0-9]{8}");
		assertThat(first.employees().stream().filter(OpusEmployeeRecord::isManager)).isNotEmpty();
	}

	@Test
	void writesWellFormedXmlWithEmptyElementsForMissingValues(@TempDir Path dir) throws Exception {
		Path file = OpusDumpWriter.write(first, dir);
		String xml = Files.readString(file);
		assertThat(xml).startsWith("<?xml").contains("<kmd>").contains("<leaveDate/>").contains("9999-12-31");
		assertThat(xml.split("<employee ", -1)).hasSize(first.employees().size() + 1);
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		OpusDumpWriter.write(first, again);
		assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(xml);
	}

	@Test
	void aLaterDumpHasEveryKindOfChange() {
		OpusScenario.Step step = new OpusScenario(1L).next(first, LocalDateTime.of(2025, 2, 1, 2, 0), 20);
		OpusDump second = step.dump();
		assertThat(step.hired()).isNotEmpty();
		assertThat(step.left()).isNotEmpty();
		assertThat(step.dropped()).isNotEmpty();
		assertThat(step.moved()).isNotEmpty();
		assertThat(step.renamed()).isNotEmpty();
		Set<String> ids = second.employees().stream().map(OpusEmployeeRecord::id).collect(Collectors.toSet());
		assertThat(ids).containsAll(step.hired()).doesNotContainAnyElementsOf(step.dropped());
		assertThat(second.units()
			.stream()
			.filter(u -> u.id().equals(step.closedUnit()))
			.findFirst()
			.orElseThrow()
			.endDate()).isEqualTo(second.exportedAt().toLocalDate().minusDays(1));
		assertThat(second.employees()).noneMatch(e -> e.orgUnit().equals(step.closedUnit()));
		assertThat(second.units()).anyMatch(u -> u.id().equals(step.newUnit()));
		assertThat(second.units()
			.stream()
			.filter(u -> u.id().equals(step.movedUnit()))
			.findFirst()
			.orElseThrow()
			.parentId()).isEqualTo(step.movedUnitParent());

		OpusScenario.Step third = new OpusScenario(1L).next(second, LocalDateTime.of(2025, 3, 1, 2, 0), 20);
		assertThat(third.dump().units()).noneMatch(u -> u.id().equals(step.closedUnit()));
		assertThat(new OpusScenario(1L).next(first, LocalDateTime.of(2025, 2, 1, 2, 0), 20).dump()).isEqualTo(second);
	}

}
