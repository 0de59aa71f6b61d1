package dk.orghub.adapters.exports.survey;

import java.util.List;
import java.util.Objects;

import dk.orghub.adapters.exports.Language;

/**
 * What a survey export contains.
 *
 * @param rows one respondent row per engagement (default) or per person by primary
 * engagement
 * @param ageBand whether respondents get an age band derived from the CPR number; off by
 * default because it is sensitive
 * @param sex whether respondents get the sex derived from the CPR number (last digit odd:
 * male, even: female); off by default because it is sensitive
 * @param ageBandLimits the lower limits of the age bands after the first, strictly
 * increasing, from 1 to 120; the default {@code 25, 35, 45, 55, 65} gives "under 25",
 * "25-34", ..., "65 and over"
 * @param language of sheet names, headers and labels
 * @param medGroups whether respondents are also grouped by the MED committee covering
 * their line unit (a column, and a sheet of the groups naming their work-environment
 * representatives); off by default
 */
public record SurveyOptions(RowMode rows, boolean ageBand, boolean sex, List<Integer> ageBandLimits, Language language,
		boolean medGroups) {

	/** The default age band limits. */
	public static final List<Integer> DEFAULT_AGE_BAND_LIMITS = List.of(25, 35, 45, 55, 65);

	public SurveyOptions {
		Objects.requireNonNull(rows, "rows");
		Objects.requireNonNull(language, "language");
		ageBandLimits = (ageBandLimits == null || ageBandLimits.isEmpty()) ? DEFAULT_AGE_BAND_LIMITS
				: List.copyOf(ageBandLimits);
		int previous = 0;
		for (int limit : ageBandLimits) {
			if (limit <= previous || limit > 120) {
				throw new IllegalArgumentException(
						"ageBandLimits must increase strictly, from 1 to 120, was " + ageBandLimits);
			}
			previous = limit;
		}
	}

	/** Options grouped by the line organisation only. */
	public SurveyOptions(RowMode rows, boolean ageBand, boolean sex, List<Integer> ageBandLimits, Language language) {
		this(rows, ageBand, sex, ageBandLimits, language, false);
	}

	/** One row per engagement, no CPR-derived columns, English. */
	public static SurveyOptions defaults() {
		return new SurveyOptions(RowMode.PER_ENGAGEMENT, false, false, DEFAULT_AGE_BAND_LIMITS, Language.EN);
	}

	public SurveyOptions withRows(RowMode rows) {
		return new SurveyOptions(rows, this.ageBand, this.sex, this.ageBandLimits, this.language, this.medGroups);
	}

	public SurveyOptions withAgeBand(boolean ageBand) {
		return new SurveyOptions(this.rows, ageBand, this.sex, this.ageBandLimits, this.language, this.medGroups);
	}

	public SurveyOptions withSex(boolean sex) {
		return new SurveyOptions(this.rows, this.ageBand, sex, this.ageBandLimits, this.language, this.medGroups);
	}

	public SurveyOptions withAgeBandLimits(List<Integer> limits) {
		return new SurveyOptions(this.rows, this.ageBand, this.sex, limits, this.language, this.medGroups);
	}

	public SurveyOptions withLanguage(Language language) {
		return new SurveyOptions(this.rows, this.ageBand, this.sex, this.ageBandLimits, language, this.medGroups);
	}

	public SurveyOptions withMedGroups(boolean medGroups) {
		return new SurveyOptions(this.rows, this.ageBand, this.sex, this.ageBandLimits, this.language, medGroups);
	}

	/** Whether the export reads CPR numbers at all. */
	public boolean usesCpr() {
		return this.ageBand || this.sex;
	}

}
