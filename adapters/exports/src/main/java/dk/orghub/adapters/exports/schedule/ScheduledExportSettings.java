package dk.orghub.adapters.exports.schedule;

import java.nio.file.Path;
import java.util.Objects;

import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.organisation.OrganisationOptions;
import dk.orghub.adapters.exports.survey.SurveyOptions;
import dk.orghub.adapters.exports.table.CsvOptions;

/**
 * One export written to a folder on a schedule (the schedule itself is the caller's).
 *
 * @param folder where the files go; created when missing
 * @param kind survey or organisation
 * @param format XLSX (default) or CSV (a ZIP of one CSV per table)
 * @param root the root unit's UUID or user key, {@code null} for the whole organisation
 * @param keep how many files of this export to keep in the folder, newest by date; 0
 * keeps all
 * @param survey the survey options (for {@link ExportKind#SURVEY})
 * @param organisation the organisation options (for {@link ExportKind#ORGANISATION})
 * @param csv the CSV options
 */
public record ScheduledExportSettings(Path folder, ExportKind kind, ExportFormat format, String root, int keep,
		SurveyOptions survey, OrganisationOptions organisation, CsvOptions csv) {

	public ScheduledExportSettings {
		Objects.requireNonNull(folder, "folder: the folder scheduled exports are written to is required");
		kind = (kind != null) ? kind : ExportKind.SURVEY;
		format = (format != null) ? format : ExportFormat.XLSX;
		root = (root != null && !root.isBlank()) ? root.trim() : null;
		if (keep < 0) {
			throw new IllegalArgumentException("keep must be 0 (keep all) or more, was " + keep);
		}
		survey = (survey != null) ? survey : SurveyOptions.defaults();
		organisation = (organisation != null) ? organisation : OrganisationOptions.defaults();
		csv = (csv != null) ? csv : CsvOptions.defaults();
	}

	/**
	 * A survey of the whole organisation as XLSX into {@code folder}, keeping all files.
	 */
	public static ScheduledExportSettings survey(Path folder) {
		return new ScheduledExportSettings(folder, ExportKind.SURVEY, ExportFormat.XLSX, null, 0, null, null, null);
	}

	public ScheduledExportSettings withFormat(ExportFormat format) {
		return new ScheduledExportSettings(this.folder, this.kind, format, this.root, this.keep, this.survey,
				this.organisation, this.csv);
	}

	public ScheduledExportSettings withKind(ExportKind kind) {
		return new ScheduledExportSettings(this.folder, kind, this.format, this.root, this.keep, this.survey,
				this.organisation, this.csv);
	}

	public ScheduledExportSettings withRoot(String root) {
		return new ScheduledExportSettings(this.folder, this.kind, this.format, root, this.keep, this.survey,
				this.organisation, this.csv);
	}

	public ScheduledExportSettings withKeep(int keep) {
		return new ScheduledExportSettings(this.folder, this.kind, this.format, this.root, keep, this.survey,
				this.organisation, this.csv);
	}

	public ScheduledExportSettings withSurvey(SurveyOptions survey) {
		return new ScheduledExportSettings(this.folder, this.kind, this.format, this.root, this.keep, survey,
				this.organisation, this.csv);
	}

}
