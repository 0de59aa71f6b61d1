package dk.orghub.adapters.exports.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.SampleEstate;
import dk.orghub.adapters.exports.table.CsvOptions;
import dk.orghub.adapters.exports.table.CsvParser;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation export of the sample municipality at two dates. */
class OrganisationExportTest {

	private final SampleEstate estate = SampleEstate.of(1_500);

	private final Municipality municipality = this.estate.municipality();

	private final OrganisationExporter exporter = new OrganisationExporter(this.estate.store(), Clock.systemUTC());

	@ParameterizedTest
	@ValueSource(strings = { "2025-01-01", "2022-06-01" })
	void everyUnitEngagementManagerAndAddressValidAtTheDateIsExported(String date) {
		LocalDate at = LocalDate.parse(date);
		ExportDocument document = this.exporter.export(at, null, OrganisationOptions.defaults());

		assertThat(document.keys()).containsExactly("units", "engagements", "managers", "addresses", "med-units",
				"associations");
		List<OrgUnit> units = valid(this.municipality.units(), at);
		assertThat(column(document.table("units"), 1))
			.containsExactlyInAnyOrderElementsOf(units.stream().map(OrgUnit::userKey).toList());
		assertThat(document.table("units").rows().get(0)).startsWith(this.municipality.root().toString(), "U00000",
				"Sample Kommune", null);

		List<Engagement> engagements = valid(this.municipality.engagements(), at);
		assertThat(column(document.table("engagements"), 0))
			.containsExactlyInAnyOrderElementsOf(engagements.stream().map(Engagement::userKey).toList());
		List<Object> first = document.table("engagements").rows().get(0);
		Engagement engagement = engagements.stream().filter(e -> e.userKey().equals(first.get(0))).findFirst().get();
		assertThat(first.get(6)).isIn(DefaultClasses.classes().stream().map(k -> k.title()).toList());
		assertThat(first.get(8)).isEqualTo(engagement.fraction());
		assertThat(first.get(9)).isEqualTo(engagement.primary() ? "yes" : "no");

		List<Manager> managers = valid(this.municipality.managers(), at);
		assertThat(column(document.table("managers"), 0))
			.containsExactlyInAnyOrderElementsOf(managers.stream().map(Manager::userKey).toList());
		assertThat(document.table("managers").rows()).anyMatch(r -> r.get(6).equals("yes") && r.get(4) == null);

		Set<UUID> employed = new HashSet<>();
		engagements.forEach(e -> employed.add(e.person()));
		List<Object> workEmails = employed.stream()
			.map(this.estate.workEmails()::get)
			.filter(Objects::nonNull)
			.map(Object.class::cast)
			.toList();
		List<Object> values = column(document.table("addresses"), 6);
		assertThat(values).hasSize(valid(this.municipality.addresses(), at).size() + workEmails.size())
			.containsAll(workEmails)
			.noneMatch(v -> v.toString().endsWith("@private.example"));
	}

	@Test
	void secretAddressesOnlyWhenAskedFor() {
		LocalDate at = LocalDate.parse("2025-01-01");
		ExportDocument plain = this.exporter.export(at, null, OrganisationOptions.defaults());
		ExportDocument all = this.exporter.export(at, null, OrganisationOptions.defaults().withSecretAddresses(true));

		List<Object> secret = column(all.table("addresses"), 6).stream()
			.filter(v -> v.toString().endsWith("@private.example"))
			.toList();
		assertThat(secret).isNotEmpty();
		assertThat(all.table("addresses").rows()).hasSize(plain.table("addresses").rows().size() + secret.size());
	}

	@Test
	void noCprNumberAppearsAnywhere() {
		Set<String> cprs = new HashSet<>();
		this.municipality.persons().values().forEach(t -> cprs.add(t.segments().get(0).value().cpr()));
		ExportDocument document = this.exporter.export(LocalDate.parse("2025-01-01"), null,
				OrganisationOptions.defaults().withSecretAddresses(true));
		Pattern tenDigits = Pattern.compile("\\d{10}");
		int cells = 0;
		for (Table table : document.tables()) {
			for (List<Object> row : table.rows()) {
				for (Object cell : row) {
					if (cell == null) {
						continue;
					}
					cells++;
					Matcher matcher = tenDigits.matcher(cell.toString());
					while (matcher.find()) {
						assertThat(cprs).doesNotContain(matcher.group());
					}
				}
			}
		}
		assertThat(cells).isGreaterThan(10_000);
	}

	@Test
	void aSubtreeAndChosenTables() {
		LocalDate at = LocalDate.parse("2025-01-01");
		OrgUnit department = valid(this.municipality.units(), at).stream()
			.filter(u -> this.municipality.root().equals(u.parent()))
			.findFirst()
			.orElseThrow();
		ExportDocument document = this.exporter.export(at, department.userKey(),
				OrganisationOptions.defaults().withTables(OrganisationTable.parse("managers, units")));

		assertThat(document.baseName()).isEqualTo("organisation-2025-01-01-" + department.userKey());
		assertThat(document.keys()).containsExactly("units", "managers");
		assertThat(document.table("units").rows())
			.allSatisfy(r -> assertThat(r.get(8).toString()).startsWith("Sample Kommune / " + department.name()));
		assertThat(document.table("units").rows().size()).isLessThan(valid(this.municipality.units(), at).size());
		Set<Object> unitIds = new HashSet<>(column(document.table("units"), 0));
		assertThat(document.table("managers").rows()).isNotEmpty()
			.allSatisfy(r -> assertThat(unitIds).contains(r.get(1)));
	}

	@Test
	void theMedOrganisationAndTheAssociationsHaveTablesOfTheirOwn() {
		LocalDate at = LocalDate.parse("2025-01-01");
		ExportDocument document = this.exporter.export(at, null, OrganisationOptions.defaults());

		List<OrgUnit> committees = valid(this.municipality.actors().medUnits(), at);
		assertThat(committees).isNotEmpty();
		assertThat(column(document.table("med-units"), 1))
			.containsExactlyInAnyOrderElementsOf(committees.stream().map(OrgUnit::userKey).toList());
		assertThat(column(document.table("units"), 1))
			.doesNotContainAnyElementsOf(committees.stream().map(OrgUnit::userKey).toList());
		OrgUnit local = committees.stream().filter(c -> !c.covers().isEmpty() && c.parent() != null).findFirst().get();
		List<Object> row = document.table("med-units")
			.rows()
			.stream()
			.filter(r -> r.get(1).equals(local.userKey()))
			.findFirst()
			.orElseThrow();
		assertThat(row.get(5).toString()).contains(" / ").endsWith(local.name());
		assertThat(row.get(6).toString().split("; ")).containsExactlyInAnyOrderElementsOf(local.covers()
			.stream()
			.map(u -> this.municipality.units().get(u).at(at).orElseThrow().userKey())
			.toList());

		List<Association> associations = valid(this.municipality.actors().associations(), at);
		assertThat(column(document.table("associations"), 0))
			.containsExactlyInAnyOrderElementsOf(associations.stream().map(Association::userKey).toList());
		assertThat(column(document.table("associations"), 7)).contains("Linjeorganisation", "MED-organisation");
		assertThat(column(document.table("associations"), 8)).contains("Arbejdsmiljørepræsentant", "Praktikant");
	}

	@Test
	void aSubtreeHasTheCommitteesCoveringItsUnits() {
		LocalDate at = LocalDate.parse("2025-01-01");
		OrgUnit local = valid(this.municipality.actors().medUnits(), at).stream()
			.filter(c -> !c.covers().isEmpty() && c.parent() != null)
			.findFirst()
			.orElseThrow();
		UUID covered = local.covers().get(0);
		ExportDocument document = this.exporter.export(at, covered.toString(), OrganisationOptions.defaults());

		assertThat(column(document.table("med-units"), 1)).contains(local.userKey())
			.hasSizeLessThan(valid(this.municipality.actors().medUnits(), at).size());
		Set<Object> units = new HashSet<>(column(document.table("units"), 0));
		units.addAll(column(document.table("med-units"), 0));
		assertThat(document.table("associations").rows()).allSatisfy(r -> assertThat(units).contains(r.get(4)));
	}

	@Test
	void multiLineOpeningHoursSurviveTheCsvFile() throws IOException {
		ExportDocument document = this.exporter.export(LocalDate.parse("2025-01-01"), null,
				OrganisationOptions.defaults().withTables(Set.of(OrganisationTable.ADDRESSES)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.write(ExportFormat.CSV, CsvOptions.defaults().withByteOrderMark(false), out);

		List<List<String>> records = CsvParser.parse(out.toString(StandardCharsets.UTF_8), ';');
		List<String> multiLine = records.stream().map(r -> r.get(6)).filter(v -> v.contains("\n")).toList();
		assertThat(multiLine).isNotEmpty();
		assertThat(column(document.table("addresses"), 6)).containsAll(multiLine);
		assertThat(records).hasSize(document.table("addresses").rows().size() + 1);
	}

	@Test
	void theConfiguredHierarchiesAreExportedAndAnExcludedSubtreeIsLeftOutWithWhatIsInIt() {
		LocalDate at = LocalDate.parse("2025-01-01");
		List<OrgUnit> units = valid(this.municipality.units(), at);
		UUID excluded = units.stream()
			.filter(u -> this.municipality.root().equals(u.parent()))
			.findFirst()
			.orElseThrow()
			.uuid();
		Set<UUID> subtree = new HashSet<>(Set.of(excluded));
		for (int added = 1; added > 0;) {
			added = 0;
			for (OrgUnit unit : units) {
				if (subtree.contains(unit.parent()) && subtree.add(unit.uuid())) {
					added++;
				}
			}
		}
		List<String> medKeys = valid(this.municipality.actors().medUnits(), at).stream().map(OrgUnit::userKey).toList();
		assertThat(medKeys).isNotEmpty();
		OrganisationExporter scoped = new OrganisationExporter(this.estate.store(), Clock.systemUTC(),
				UnitScope.of(List.of("Linjeorganisation", "MED-organisation"), List.of(excluded)));

		ExportDocument document = scoped.export(at, null, OrganisationOptions.defaults());

		List<String> expected = new ArrayList<>(
				units.stream().filter(u -> !subtree.contains(u.uuid())).map(OrgUnit::userKey).toList());
		expected.addAll(medKeys);
		assertThat(column(document.table("units"), 1)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(column(document.table("engagements"), 0))
			.containsExactlyInAnyOrderElementsOf(valid(this.municipality.engagements(), at).stream()
				.filter(e -> !subtree.contains(e.unit()))
				.map(Engagement::userKey)
				.toList());
		assertThat(column(document.table("managers"), 0))
			.containsExactlyInAnyOrderElementsOf(valid(this.municipality.managers(), at).stream()
				.filter(m -> !subtree.contains(m.unit()))
				.map(Manager::userKey)
				.toList());
		assertThat(column(document.table("med-units"), 1)).containsExactlyInAnyOrderElementsOf(medKeys);
	}

	private static <T extends OrgObject> List<T> valid(Map<UUID, Timeline<T>> timelines, LocalDate at) {
		List<T> result = new ArrayList<>();
		timelines.values().forEach(t -> t.at(at).ifPresent(result::add));
		return result;
	}

	private static List<Object> column(Table table, int index) {
		List<Object> values = new ArrayList<>();
		table.rows().forEach(r -> values.add(r.get(index)));
		return values;
	}

}
