package dk.orghub.adapters.exports.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.Language;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.core.store.ReadPoint;

/**
 * The survey list of one date: the units (with their managers, inherited where a unit has
 * none), the respondents and the data-quality findings. Immutable.
 *
 * @param point the read point it was read at
 * @param root the root unit of the export, {@code null} for the whole organisation
 * @param rootKey the root unit's user key, {@code null} for the whole organisation
 * @param options the options it was built with
 * @param units the units, depth first from the root (a unit before its children)
 * @param respondents the respondents, grouped by unit in the units' order, by employment
 * number within a unit
 * @param findings the data-quality findings, errors first, then by kind
 * @param medGroups the MED groups when {@link SurveyOptions#medGroups} is set, else empty
 */
public record SurveyExport(ReadPoint point, UUID root, String rootKey, SurveyOptions options, List<UnitRow> units,
		List<RespondentRow> respondents, List<Finding> findings, List<MedGroupRow> medGroups) {

	/** Table key of the units sheet. */
	public static final String UNITS = "units";

	/** Table key of the respondents sheet. */
	public static final String RESPONDENTS = "respondents";

	/** Table key of the data-quality sheet. */
	public static final String DATA_QUALITY = "data-quality";

	/** Table key of the MED groups sheet. */
	public static final String MED_GROUPS = "med-groups";

	public SurveyExport {
		Objects.requireNonNull(point, "point");
		Objects.requireNonNull(options, "options");
		units = List.copyOf(units);
		respondents = List.copyOf(respondents);
		findings = List.copyOf(findings);
		medGroups = List.copyOf(medGroups);
	}

	public LocalDate at() {
		return this.point.at();
	}

	/** The findings of one kind. */
	public List<Finding> findings(FindingKind kind) {
		return this.findings.stream().filter(f -> f.kind() == kind).toList();
	}

	/** How many findings there are of each kind (kinds without any are absent). */
	public Map<FindingKind, Integer> findingCounts() {
		Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
		this.findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
		return counts;
	}

	/**
	 * The export as a document of three tables (units, respondents, data quality), and
	 * with {@link SurveyOptions#medGroups} a fourth (the MED groups), named
	 * {@code survey-<date>} or {@code survey-<date>-<root unit key>}.
	 */
	public ExportDocument toDocument() {
		List<Table> tables = new ArrayList<>(List.of(unitsTable(), respondentsTable(), dataQualityTable()));
		if (this.options.medGroups()) {
			tables.add(medGroupsTable());
		}
		return new ExportDocument(baseName(), tables);
	}

	private String baseName() {
		String name = "survey-" + at();
		if (this.rootKey != null) {
			String safe = this.rootKey.replaceAll("[^A-Za-z0-9._-]", "_");
			name += "-" + safe;
		}
		return name;
	}

	private Table unitsTable() {
		Language l = this.options.language();
		Table.Builder table = Table.builder(UNITS, l.pick("Units", "Enheder"),
				List.of(l.pick("Unit id", "Enheds-id"), l.pick("Unit key", "Enhedsnøgle"),
						l.pick("Parent id", "Overordnet enheds-id"), l.pick("Unit name", "Enhedsnavn"),
						l.pick("Unit path", "Enhedssti"), l.pick("Manager", "Leder"),
						l.pick("Manager e-mail", "Leders e-mail"), l.pick("Manager inherited", "Leder nedarvet"),
						l.pick("Manager of unit", "Leder af enhed"), l.pick("Respondents", "Respondenter")));
		for (UnitRow row : this.units) {
			table.row(text(row.unit()), row.userKey(), text(row.parent()), row.name(), row.path(), row.managerName(),
					row.managerEmail(), row.hasManager() ? l.yesNo(row.managerInherited()) : null,
					row.managerUnitName(), row.respondents());
		}
		return table.build();
	}

	private Table respondentsTable() {
		Language l = this.options.language();
		List<String> headers = new ArrayList<>(List.of(l.pick("Employment number", "Ansættelsesnummer"),
				l.pick("Person key", "Personnøgle"), l.pick("Name", "Navn"), l.pick("Unit id", "Enheds-id"),
				l.pick("Unit key", "Enhedsnøgle"), l.pick("Unit name", "Enhedsnavn"), l.pick("E-mail", "E-mail"),
				l.pick("Manager of unit", "Leder af enheden"), l.pick("Primary engagement", "Primær ansættelse")));
		if (this.options.ageBand()) {
			headers.add(l.pick("Age band", "Aldersgruppe"));
		}
		if (this.options.sex()) {
			headers.add(l.pick("Sex", "Køn"));
		}
		if (this.options.medGroups()) {
			headers.add(l.pick("MED group", "MED-gruppe"));
		}
		List<List<Object>> rows = new ArrayList<>(this.respondents.size());
		for (RespondentRow row : this.respondents) {
			List<Object> cells = new ArrayList<>(headers.size());
			cells.add(row.employmentNumber());
			cells.add(row.personKey());
			cells.add(row.name());
			cells.add(text(row.unit()));
			cells.add(row.unitKey());
			cells.add(row.unitName());
			cells.add(row.email());
			cells.add(l.yesNo(row.manager()));
			cells.add(l.yesNo(row.primary()));
			if (this.options.ageBand()) {
				cells.add(row.ageBand());
			}
			if (this.options.sex()) {
				cells.add((row.sex() != null) ? row.sex().label(l) : null);
			}
			if (this.options.medGroups()) {
				cells.add(row.medGroupName());
			}
			rows.add(cells);
		}
		return new Table(RESPONDENTS, l.pick("Respondents", "Respondenter"), headers, rows);
	}

	private Table medGroupsTable() {
		Language l = this.options.language();
		Table.Builder table = Table.builder(MED_GROUPS, l.pick("MED groups", "MED-grupper"),
				List.of(l.pick("Committee id", "Udvalgs-id"), l.pick("Committee key", "Udvalgsnøgle"),
						l.pick("Committee", "Udvalg"), l.pick("Covers", "Dækker"),
						l.pick("Respondents", "Respondenter"),
						l.pick("Work-environment representatives", "Arbejdsmiljørepræsentanter"),
						l.pick("Representatives' e-mail", "Repræsentanternes e-mail")));
		for (MedGroupRow row : this.medGroups) {
			table.row(text(row.committee()), row.userKey(), row.name(), row.covers(), row.respondents(),
					row.representatives(), row.representativeEmails());
		}
		return table.build();
	}

	private Table dataQualityTable() {
		Language l = this.options.language();
		Table.Builder table = Table.builder(DATA_QUALITY, l.pick("Data quality", "Datakvalitet"),
				List.of(l.pick("Severity", "Alvor"), l.pick("Finding", "Fund"), l.pick("Description", "Beskrivelse"),
						l.pick("Object id", "Objekt-id"), l.pick("Key", "Nøgle"), l.pick("Name", "Navn"),
						l.pick("Unit id", "Enheds-id"), l.pick("Unit name", "Enhedsnavn"),
						l.pick("Detail", "Detaljer")));
		for (Finding finding : this.findings) {
			table.row(finding.severity().label(l), finding.kind().name(), finding.kind().description(l),
					text(finding.object()), finding.userKey(), finding.name(), text(finding.unit()), finding.unitName(),
					finding.detail());
		}
		return table.build();
	}

	private static String text(UUID uuid) {
		return (uuid != null) ? uuid.toString() : null;
	}

}
