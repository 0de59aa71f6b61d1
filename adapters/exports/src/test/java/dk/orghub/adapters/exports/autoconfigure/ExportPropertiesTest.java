package dk.orghub.adapters.exports.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.Language;
import dk.orghub.adapters.exports.schedule.ExportKind;
import dk.orghub.adapters.exports.survey.RowMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code hub.exports.*} into the export module's records, and messages naming the key.
 */
class ExportPropertiesTest {

	private static final ExportProperties.Units LINE = new ExportProperties.Units(List.of("Linjeorganisation"),
			List.of());

	@Test
	void theDefaultsAreTheRecordsDefaults() {
		ExportProperties properties = properties("en", ';', true, "per-engagement", scheduled(null, "survey"));

		assertThat(properties.surveyOptions().rows()).isEqualTo(RowMode.PER_ENGAGEMENT);
		assertThat(properties.surveyOptions().usesCpr()).isFalse();
		assertThat(properties.surveyOptions().medGroups()).isFalse();
		assertThat(properties.csvOptions().separator()).isEqualTo(';');
		assertThat(properties.organisationOptions().language()).isEqualTo(Language.EN);
	}

	@Test
	void theScheduledExportTakesItsSettings() {
		ExportProperties properties = properties("da", ';', true, "per-person",
				scheduled(Path.of("/var/exports"), "organisation"), true);

		assertThat(properties.scheduledSettings().folder()).isEqualTo(Path.of("/var/exports"));
		assertThat(properties.scheduledSettings().kind()).isEqualTo(ExportKind.ORGANISATION);
		assertThat(properties.scheduledSettings().format()).isEqualTo(ExportFormat.CSV);
		assertThat(properties.scheduledSettings().keep()).isEqualTo(3);
		assertThat(properties.scheduledSettings().survey().rows()).isEqualTo(RowMode.PER_PERSON);
		assertThat(properties.scheduledSettings().survey().language()).isEqualTo(Language.DA);
		assertThat(properties.scheduledSettings().survey().medGroups()).isTrue();
	}

	@Test
	void aBadValueNamesItsKey() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> properties("klingon", ';', true, "per-engagement", scheduled(null, "survey")).surveyOptions())
			.withMessageStartingWith("hub.exports.");
		assertThatIllegalStateException()
			.isThrownBy(() -> properties("en", ',', true, "per-engagement", scheduled(null, "survey")).csvOptions())
			.withMessageStartingWith("hub.exports.csv:");
		assertThatIllegalStateException()
			.isThrownBy(() -> properties("en", ';', true, "sometimes", scheduled(null, "survey")).surveyOptions())
			.withMessageStartingWith("hub.exports.survey:");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> properties("en", ';', true, "per-engagement", scheduled(null, "survey")).scheduledSettings())
			.withMessageContaining("folder is required");
	}

	private static ExportProperties.Scheduled scheduled(Path folder, String kind) {
		return new ExportProperties.Scheduled(true, "0 0 5 * * ?", "Europe/Copenhagen", folder, kind, "csv", null, 3);
	}

	private static ExportProperties properties(String language, char separator, boolean decimalComma, String rows,
			ExportProperties.Scheduled scheduled) {
		return properties(language, separator, decimalComma, rows, scheduled, false);
	}

	private static ExportProperties properties(String language, char separator, boolean decimalComma, String rows,
			ExportProperties.Scheduled scheduled, boolean medGroups) {
		return new ExportProperties(language, new ExportProperties.Csv(separator, true, decimalComma),
				new ExportProperties.Survey(rows, false, false, List.of(25, 35, 45, 55, 65), medGroups, LINE),
				new ExportProperties.Organisation(false, LINE), scheduled);
	}

}
