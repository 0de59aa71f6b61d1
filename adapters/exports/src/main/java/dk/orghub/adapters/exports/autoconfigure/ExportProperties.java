package dk.orghub.adapters.exports.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.Language;
import dk.orghub.adapters.exports.organisation.OrganisationOptions;
import dk.orghub.adapters.exports.schedule.ExportKind;
import dk.orghub.adapters.exports.schedule.ScheduledExportSettings;
import dk.orghub.adapters.exports.survey.RowMode;
import dk.orghub.adapters.exports.survey.SurveyOptions;
import dk.orghub.adapters.exports.table.CsvOptions;
import dk.orghub.core.rules.UnitScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The survey and organisation exports ({@code hub.exports.*}): the defaults of the
 * downloads and the scheduled export. The export records validate themselves; a bad value
 * stops the start with a message naming it (see {@link #csvOptions()} and the others).
 *
 * @param language sheet names, headers and labels: {@code en} or {@code da}
 * @param csv how CSV files are written
 * @param survey the survey's defaults (a download may ask for other rows, age band and
 * sex)
 * @param organisation the organisation export's defaults
 * @param scheduled the scheduled export, off unless enabled
 */
@Validated
@ConfigurationProperties("hub.exports")
public record ExportProperties(@NotNull @DefaultValue("en") String language, @Valid @NotNull @DefaultValue Csv csv,
		@Valid @NotNull @DefaultValue Survey survey, @Valid @NotNull @DefaultValue Organisation organisation,
		@Valid @NotNull @DefaultValue Scheduled scheduled) {

	/**
	 * @param separator the field separator ({@code ;} as Danish spreadsheets expect)
	 * @param byteOrderMark whether files start with a UTF-8 byte order mark (Excel needs
	 * it for æ, ø and å)
	 * @param decimalComma decimal numbers with a comma (must be false with separator
	 * {@code ,})
	 */
	public record Csv(@DefaultValue(";") char separator, @DefaultValue("true") boolean byteOrderMark,
			@DefaultValue("true") boolean decimalComma) {

	}

	/**
	 * @param rows {@code per-engagement} or {@code per-person} (by primary engagement)
	 * @param ageBand whether the scheduled survey has an age band column (sensitive)
	 * @param sex whether the scheduled survey has a sex column (sensitive)
	 * @param ageBandLimits the lower limits of the age bands, strictly increasing
	 * @param medGroups whether respondents are also grouped by the MED committee covering
	 * their line unit (a column and the sheet {@code med-groups}); the scheduled survey's
	 * setting and the downloads' default
	 * @param units which units the survey's tree has ({@code hub.exports.survey.units.*})
	 */
	public record Survey(@NotNull @DefaultValue("per-engagement") String rows, @DefaultValue("false") boolean ageBand,
			@DefaultValue("false") boolean sex, @NotNull @DefaultValue( {
					"25", "35", "45", "55", "65" }) List<Integer> ageBandLimits,
			@DefaultValue("false") boolean medGroups, @Valid @NotNull @DefaultValue Units units){

	}

	/**
	 * @param includeSecretAddresses whether addresses with visibility SECRET are exported
	 * @param units which units the organisation export's unit table has
	 * ({@code hub.exports.organisation.units.*})
	 */
	public record Organisation(@DefaultValue("false") boolean includeSecretAddresses,
			@Valid @NotNull @DefaultValue Units units) {

	}

	/**
	 * Which units an export has: those of some hierarchies, without some subtrees. What
	 * is placed in a unit left out (engagements, manager roles, associations, addresses)
	 * is left out with it; the MED organisation's own table and the survey's MED groups
	 * keep the MED units outside the excluded subtrees.
	 *
	 * @param hierarchies user keys or UUIDs of classes of facet
	 * {@code org_unit_hierarchy} (default {@code Linjeorganisation})
	 * @param excludedSubtrees UUIDs of units left out together with every unit below them
	 */
	public record Units(@NotEmpty @DefaultValue("Linjeorganisation") List<@NotBlank String> hierarchies,
			@NotNull @DefaultValue List<UUID> excludedSubtrees) {

		/** The rule these settings make. */
		public UnitScope scope() {
			return UnitScope.of(this.hierarchies, this.excludedSubtrees);
		}

	}

	/**
	 * @param enabled whether the scheduled export runs
	 * @param cron when, as a Quartz cron expression (seconds first); required when
	 * enabled
	 * @param timeZone the zone the cron expression is read in
	 * @param folder where the files go; required when enabled
	 * @param kind {@code survey} or {@code organisation}
	 * @param format {@code xlsx} or {@code csv}
	 * @param root a unit UUID or unit key whose subtree is exported; empty for all
	 * @param keep how many files of the export to keep, 0 for all
	 */
	public record Scheduled(@DefaultValue("false") boolean enabled, @Size(max = 120) String cron,
			@NotNull @DefaultValue("Europe/Copenhagen") String timeZone, Path folder,
			@NotNull @DefaultValue("survey") String kind, @NotNull @DefaultValue("xlsx") String format, String root,
			@Min(0) @DefaultValue("0") int keep) {

	}

	/** The CSV options; throws naming the setting when they do not hold. */
	public CsvOptions csvOptions() {
		return check("hub.exports.csv",
				() -> new CsvOptions(this.csv.separator(), this.csv.byteOrderMark(), this.csv.decimalComma()));
	}

	public Language languageValue() {
		return check("hub.exports.language", () -> Language.parse(this.language));
	}

	/** The survey's default options (no CPR-derived columns unless configured). */
	public SurveyOptions surveyOptions() {
		return check("hub.exports.survey",
				() -> new SurveyOptions(RowMode.parse(this.survey.rows()), this.survey.ageBand(), this.survey.sex(),
						this.survey.ageBandLimits(), languageValue(), this.survey.medGroups()));
	}

	public OrganisationOptions organisationOptions() {
		return OrganisationOptions.defaults()
			.withLanguage(languageValue())
			.withSecretAddresses(this.organisation.includeSecretAddresses());
	}

	/** The units the scheduled export has: those of its kind's settings. */
	public UnitScope scheduledScope() {
		return ExportKind.parse(this.scheduled.kind()) == ExportKind.SURVEY ? this.survey.units().scope()
				: this.organisation.units().scope();
	}

	/** The scheduled export's settings; requires {@code hub.exports.scheduled.folder}. */
	public ScheduledExportSettings scheduledSettings() {
		return check("hub.exports.scheduled", () -> {
			if (this.scheduled.folder() == null) {
				throw new IllegalArgumentException("folder is required when the scheduled export is enabled");
			}
			return new ScheduledExportSettings(this.scheduled.folder(), ExportKind.parse(this.scheduled.kind()),
					ExportFormat.parse(this.scheduled.format()), this.scheduled.root(), this.scheduled.keep(),
					surveyOptions(), organisationOptions(), csvOptions());
		});
	}

	private static <T> T check(String key, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalStateException(key + ": " + ex.getMessage(), ex);
		}
	}

}
