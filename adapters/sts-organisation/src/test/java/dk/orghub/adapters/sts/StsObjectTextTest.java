package dk.orghub.adapters.sts;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.diff.ChangeDiff;
import dk.orghub.core.model.Organisation;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the ledger keeps of a sent object, and the old and new values a plan shows from
 * it.
 */
class StsObjectTextTest {

	private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

	@Test
	void everyObjectMappedFromTheSampleMunicipalityReadsBackAsItWasSent() {
		Municipality m = StsSamples.municipality(200);
		Organisation organisation = StsSamples.organisation(m);
		StsSettings settings = StsSettings.defaults(URI.create("http://localhost/"), organisation.uuid(),
				organisation.cvr());
		Map<Key, StsObject> mapped = new StsMapper(settings).map(StsSamples.state(m), StsSamples.TODAY);

		assertThat(mapped).hasSizeGreaterThan(500);
		assertThat(mapped.values()).allSatisfy(o -> {
			StsObject back = StsObjectText.decode(StsObjectText.encode(o));
			assertThat(back).isEqualTo(o);
			assertThat(back.hash()).isEqualTo(o.hash());
		});
	}

	@Test
	void aCprNumberIsKeptMaskedAndTextWithTabsAndLineBreaksSurvives() {
		StsObject person = new StsObject(StsKind.PERSON, UUID.randomUUID(), "p-1", "persons:1",
				List.of(new StsObject.Props(new StsObject.Period(StsSamples.TODAY, null), "p-1",
						"Anna\tHansen\nback\\slash", "0105801234")),
				List.of(), List.of());

		String text = StsObjectText.encode(person);
		StsObject back = StsObjectText.decode(text);

		assertThat(text).doesNotContain("0105801234").contains("010580-xxxx");
		assertThat(back.properties().get(0).name()).isEqualTo("Anna\tHansen\nback\\slash");
		assertThat(back.properties().get(0).cpr()).isEqualTo("010580-xxxx");
	}

	@Test
	void textThatIsNoObjectIsRefusedNamingTheLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StsObjectText.decode("O\tENHED\t" + UUID.randomUUID() + "\tu\ts\nX\tnonsense"))
			.withMessageContaining("line 2");
	}

	@Test
	void aRenameFromADayShowsTheOldAndNewNameFromThatDay() {
		UUID uuid = UUID.randomUUID();
		StsObject before = unit(uuid, List.of(props(StsSamples.TODAY, null, "Skolen")));
		StsObject after = unit(uuid,
				List.of(props(StsSamples.TODAY, MARCH, "Skolen"), props(MARCH, null, "Skolen ved Søen")));

		StsPlan.Change change = StsPlan.change(new StsPlan.Send(after, true, before, false));

		assertThat(change.action()).isEqualTo(StsPlan.Action.CHANGE);
		assertThat(change.intervals()).containsExactly(new ChangeDiff.Interval(MARCH, null,
				List.of(new ChangeDiff.FieldChange("EnhedNavn", "Skolen", "Skolen ved Søen"))));
	}

	@Test
	void aNewObjectShowsItsValuesAndAnOrphanItsDeactivation() {
		UUID uuid = UUID.randomUUID();
		StsObject unit = unit(uuid, List.of(props(StsSamples.TODAY, null, "Skolen")));

		StsPlan.Change created = StsPlan.change(new StsPlan.Send(unit, false, null, false));
		StsPlan.Change ended = StsPlan.change(new StsPlan.Orphan(Key.of(unit), unit), MARCH);

		assertThat(created.action()).isEqualTo(StsPlan.Action.CREATE);
		assertThat(created.intervals().get(0).fields()).contains(
				new ChangeDiff.FieldChange(ChangeDiff.EXISTS, "no", "yes"),
				new ChangeDiff.FieldChange("EnhedNavn", null, "Skolen"),
				new ChangeDiff.FieldChange("Gyldighed", null, "Aktiv"));
		assertThat(ended.action()).isEqualTo(StsPlan.Action.DEACTIVATE);
		assertThat(ended.intervals()).hasSize(1);
		assertThat(ended.intervals().get(0).from()).isEqualTo(MARCH);
		assertThat(ended.intervals().get(0).to()).isNull();
		assertThat(ended.intervals().get(0).fields()).containsExactlyInAnyOrder(
				new ChangeDiff.FieldChange("BrugervendtNoegle", "u-1", null),
				new ChangeDiff.FieldChange("EnhedNavn", "Skolen", null),
				new ChangeDiff.FieldChange("Gyldighed", "Aktiv", "Inaktiv"));
	}

	private static StsObject unit(UUID uuid, List<StsObject.Props> props) {
		return new StsObject(StsKind.ENHED, uuid, "u-1", "org-units:" + uuid, props,
				List.of(new StsObject.State(new StsObject.Period(StsSamples.TODAY, null), true)), List.of());
	}

	private static StsObject.Props props(LocalDate from, LocalDate to, String name) {
		return new StsObject.Props(new StsObject.Period(from, to), "u-1", name, null);
	}

}
