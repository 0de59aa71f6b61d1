package dk.orghub.adapters.sts;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.adapters.sts.StsProfiles.ProfileReport;
import dk.orghub.core.model.Organisation;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer profiles on the sample municipality. */
class StsProfilesTest {

	private final Municipality m = StsSamples.municipality(300);

	private final StsSettings settings = settings(this.m);

	private static StsSettings settings(Municipality m) {
		Organisation o = StsSamples.organisation(m);
		return StsSettings.defaults(URI.create("http://localhost/"), o.uuid(), o.cvr());
	}

	private Map<Key, StsObject> mapped() {
		return new StsMapper(this.settings).map(StsSamples.state(this.m), StsSamples.TODAY);
	}

	@Test
	void everyProfileReportsWhatItCheckedAndEachObjectThatFallsShort() {
		List<ProfileReport> reports = new StsProfiles(this.settings).check(mapped(), StsSamples.TODAY);
		assertThat(reports).extracting(ProfileReport::name).containsExactly("KY", "KSD", "SAPA");
		for (ProfileReport report : reports) {
			assertThat(report.checked()).as(report.name()).isPositive();
			assertThat(report.ready()).isEqualTo(report.findings().isEmpty());
			assertThat(report.findings()).allSatisfy(f -> {
				assertThat(f.uuid()).isNotNull();
				assertThat(f.problem()).isNotBlank();
			});
		}
	}

	@Test
	void aPayoutUnitWithoutItsLosAddressFailsKyAndKsd() {
		Map<Key, StsObject> mapped = mapped();
		StsObject payout = mapped.values()
			.stream()
			.filter(o -> o.kind() == StsKind.FUNKTION && o.relations()
				.stream()
				.anyMatch(r -> r.target().equals(this.settings.classes().udbetalendeEnhed())))
			.findFirst()
			.orElseThrow();
		java.util.UUID unitUuid = payout.relations()
			.stream()
			.filter(r -> r.name().equals("TilknyttedeEnheder"))
			.findFirst()
			.orElseThrow()
			.target();
		Key unitKey = new Key(StsKind.ENHED, unitUuid);
		StsObject unit = mapped.get(unitKey);
		java.util.UUID los = this.settings.classes().unitAddressRoles().get("LOS_SHORT_NAME");
		StsObject withoutLos = new StsObject(unit.kind(), unit.uuid(), unit.userKey(), unit.source(), unit.properties(),
				unit.states(), unit.relations().stream().filter(r -> !los.equals(r.role())).toList());
		mapped.put(unitKey, withoutLos);
		List<ProfileReport> reports = new StsProfiles(this.settings).check(mapped, StsSamples.TODAY);
		for (String name : List.of("KY", "KSD")) {
			ProfileReport report = reports.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
			assertThat(report.ready()).isFalse();
			assertThat(report.findings()).filteredOn(f -> f.uuid().equals(unitUuid)).singleElement().satisfies(f -> {
				assertThat(f.problem()).contains("LOS address");
				assertThat(f.problems()).contains(StsProfiles.Problem.PAYOUT_UNIT_WITHOUT_LOS);
				assertThat(f.name()).isEqualTo(unit.properties().get(0).name());
				assertThat(f.person()).isNull();
			});
		}
	}

	@Test
	void aBrugerWithoutAnEnhedsrolleFailsSapa() {
		Map<Key, StsObject> mapped = mapped();
		java.util.Set<java.util.UUID> withRole = new java.util.HashSet<>();
		mapped.values()
			.stream()
			.filter(o -> o.relations().stream().anyMatch(r -> r.target().equals(this.settings.classes().enhedsrolle())))
			.forEach(o -> o.relations()
				.stream()
				.filter(r -> r.name().equals("TilknyttedeBrugere"))
				.forEach(r -> withRole.add(r.target())));
		StsObject bruger = mapped.values()
			.stream()
			.filter(o -> o.kind() == StsKind.BRUGER && withRole.contains(o.uuid()))
			.findFirst()
			.orElseThrow();
		ProfileReport before = new StsProfiles(this.settings).check(mapped, StsSamples.TODAY).get(2);
		assertThat(before.findings()).noneMatch(f -> f.uuid().equals(bruger.uuid()));
		mapped.entrySet()
			.removeIf(e -> e.getValue().relations().stream().anyMatch(r -> r.target().equals(bruger.uuid()))
					&& e.getValue()
						.relations()
						.stream()
						.anyMatch(r -> r.target().equals(this.settings.classes().enhedsrolle())));
		ProfileReport after = new StsProfiles(this.settings).check(mapped, StsSamples.TODAY).get(2);
		assertThat(after.name()).isEqualTo("SAPA");
		assertThat(after.findings()).filteredOn(f -> f.uuid().equals(bruger.uuid())).singleElement().satisfies(f -> {
			assertThat(f.problem()).contains("no Enhedsrolle");
			assertThat(f.problems()).containsExactly(StsProfiles.Problem.NO_ENHEDSROLLE);
			assertThat(f.person()).isNotNull()
				.isEqualTo(bruger.relations()
					.stream()
					.filter(r -> r.name().equals("TilknyttedePersoner"))
					.findFirst()
					.orElseThrow()
					.target());
		});
	}

}
