package dk.orghub.adapters.opus;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dk.orghub.adapters.opus.Dumps.employee;
import static dk.orghub.adapters.opus.Dumps.kmd;
import static dk.orghub.adapters.opus.Dumps.unit;
import static dk.orghub.adapters.opus.Dumps.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpusValidatorTest {

	static final String FILE = "ZLPE20250101020000_delta.xml";

	@TempDir
	Path dir;

	private final OpusDumpReader reader = new OpusDumpReader(OpusConfig.of(Dumps.CVR, null));

	private ValidatedDump validate(String... records) {
		return this.reader.validate(write(this.dir, FILE, kmd(records)));
	}

	@Test
	void aValidDumpPassesWithWarningsForBadOptionalValues() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"), unit("2", "1", "Skole"),
				employee("100001", "0101801234", "2", "2021-01-01", null));
		assertThat(dump.rejected()).isEmpty();
		assertThat(dump.units()).extracting(ValidatedDump.Unit::id).containsExactly("1", "2");
		assertThat(dump.units().get(0).addresses()).containsKeys("PHONE", "POSTAL", "PNUMBER")
			.doesNotContainKeys("EAN", "CVR");
		assertThat(dump.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("eanNr left out"))
			.anySatisfy(w -> assertThat(w.reason()).contains("cvrNr left out").contains("all zeros"));
		assertThat(dump.employees()).singleElement().satisfies(e -> {
			assertThat(e.fraction()).isEqualByComparingTo("1");
			assertThat(e.validity().from()).hasToString("2021-01-01");
		});
	}

	@Test
	void aUnitWhoseParentDoesNotExistIsRejectedWithItsEmployees() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"), unit("2", "99", "Skole"), unit("3", "2", "Team"),
				employee("100001", "0101801234", "3", "2021-01-01", null));
		assertThat(dump.rejected()).extracting(RecordProblem::id).containsExactly("2", "3", "100001");
		assertThat(dump.rejected().get(0).reason()).contains("parent '99' does not exist");
		assertThat(dump.rejected().get(0).line()).isEqualTo(21);
		assertThat(dump.rejected().get(1).reason()).contains("parent '2' was rejected");
		assertThat(dump.rejected().get(2).reason()).contains("unit '3' was rejected");
		assertThat(dump.rejected().get(2).toString()).startsWith(FILE + " line ").contains("employee '100001'");
		assertThat(dump.units()).extracting(ValidatedDump.Unit::id).containsExactly("1");
	}

	@Test
	void aCycleInTheTreeIsRejected() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"), unit("2", "3", "A"), unit("3", "2", "B"),
				unit("4", "3", "C"));
		assertThat(dump.rejected()).extracting(RecordProblem::id).containsExactlyInAnyOrder("2", "3", "4");
		assertThat(dump.rejected()).filteredOn(p -> !p.id().equals("4"))
			.allSatisfy(p -> assertThat(p.reason()).contains("cycle in the unit tree"));
	}

	@Test
	void duplicateIdsAreRejected() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"), unit("2", "1", "A"), unit("2", "1", "B"),
				employee("100001", "0101801234", "1", "2021-01-01", null),
				employee("100001", "0202801234", "1", "2021-01-01", null));
		assertThat(dump.rejected()).extracting(RecordProblem::reason)
			.filteredOn(r -> r.startsWith("duplicate id"))
			.hasSize(4);
		assertThat(dump.rejected().get(0).reason()).contains("lines 21, 39");
	}

	@Test
	void anInvalidCprIsRejectedWithoutShowingTheNumberAndModulus11IsAWarning() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"),
				employee("100001", "3102801234", "1", "2021-01-01", null),
				employee("100002", "12345", "1", "2021-01-01", null),
				employee("100003", "0101901234", "1", "2021-01-01", null));
		assertThat(dump.rejected()).extracting(RecordProblem::id).containsExactly("100001", "100002");
		assertThat(dump.rejected()).allSatisfy(p -> assertThat(p.reason()).startsWith("invalid CPR number")
			.doesNotContain("3102801234")
			.doesNotContain("12345"));
		assertThat(dump.warnings()).anySatisfy(w -> {
			assertThat(w.id()).isEqualTo("100003");
			assertThat(w.reason()).contains("modulus-11");
		});
	}

	@Test
	void datesOutOfOrderAreRejected() {
		ValidatedDump dump = validate(unit("1", null, "Kommune"), unit("2", "1", "A", "2022-01-01", "2021-01-01"),
				employee("100001", "0101801234", "1", "2021-05-01", "2021-04-30"),
				employee("100002", "0101801234", "1", "", null));
		assertThat(dump.rejected()).extracting(RecordProblem::reason)
			.containsExactly("dates out of order: endDate 2021-01-01 is before startDate 2022-01-01",
					"dates out of order: leaveDate 2021-04-30 is before entryDate 2021-05-01", "entryDate is missing");
	}

	@Test
	void datesOutsideTheParentAreCutWithAWarning() {
		ValidatedDump dump = validate(unit("1", null, "Kommune", "2020-01-01", "9999-12-31"),
				unit("2", "1", "A", "2019-01-01", "9999-12-31"),
				employee("100001", "0101801234", "2", "2018-01-01", "2030-12-31"));
		assertThat(dump.rejected()).isEmpty();
		assertThat(dump.units().get(1).validity().from()).hasToString("2020-01-01");
		assertThat(dump.employees().get(0).validity().from()).hasToString("2020-01-01");
		assertThat(dump.warnings()).extracting(RecordProblem::reason).anyMatch(r -> r.contains("cut to its parent"));
	}

	@Test
	void aFileNameWithoutATimeStampIsRejected() {
		Path file = write(this.dir, "payroll.xml", kmd(unit("1", null, "Kommune")));
		assertThatThrownBy(() -> this.reader.validate(file)).isInstanceOf(OpusFileException.class)
			.hasMessageContaining("ZLPE<yyyyMMddHHmmss>");
	}

}
