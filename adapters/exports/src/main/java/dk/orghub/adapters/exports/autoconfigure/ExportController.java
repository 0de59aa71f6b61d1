package dk.orghub.adapters.exports.autoconfigure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.ExportFormat;
import dk.orghub.adapters.exports.UnknownUnitException;
import dk.orghub.adapters.exports.organisation.OrganisationExporter;
import dk.orghub.adapters.exports.organisation.OrganisationOptions;
import dk.orghub.adapters.exports.organisation.OrganisationTable;
import dk.orghub.adapters.exports.survey.Finding;
import dk.orghub.adapters.exports.survey.RowMode;
import dk.orghub.adapters.exports.survey.SurveyExport;
import dk.orghub.adapters.exports.survey.SurveyExporter;
import dk.orghub.adapters.exports.survey.SurveyOptions;
import dk.orghub.core.spi.CprAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads of the survey list and the organisation at a date, as XLSX or CSV. The export
 * is computed before the response starts (so a bad root is a 404, not a broken file) and
 * then streamed. Age band and sex come from CPR numbers: {@link CprAccess} decides on the
 * bound values of {@code ageBand} and {@code sex} (the role administer) and audits the
 * download with its number of respondents.
 */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "exports", description = "Survey lists (APV, trivsel) and the organisation at a date as XLSX or CSV.")
class ExportController {

	private final SurveyExporter surveys;

	private final OrganisationExporter organisation;

	private final ExportProperties properties;

	private final CprAccess sensitive;

	ExportController(SurveyExporter surveys, OrganisationExporter organisation, ExportProperties properties,
			CprAccess sensitive) {
		this.surveys = surveys;
		this.organisation = organisation;
		this.properties = properties;
		this.sensitive = sensitive;
	}

	@GetMapping("/survey")
	@Operation(summary = "The survey list at a date",
			description = "Units with their (inherited) manager, respondents, and data-quality findings. "
					+ "CSV is a ZIP of one file per table unless `table` names one. "
					+ "`ageBand` and `sex` need the role administer and are audited. "
					+ "`medGroups` also groups respondents by the MED committee covering their line unit "
					+ "(a column, and the table `med-groups` naming each group's work-environment representatives); "
					+ "without it the setting hub.exports.survey.med-groups decides.")
	ResponseEntity<StreamingResponseBody> survey(@RequestParam(required = false) LocalDate at,
			@RequestParam(required = false) String root, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) String rows, @RequestParam(defaultValue = "false") boolean ageBand,
			@RequestParam(defaultValue = "false") boolean sex, @RequestParam(required = false) Boolean medGroups,
			@RequestParam(required = false) String table) {
		this.sensitive.check("ageBand", ageBand);
		this.sensitive.check("sex", sex);
		ExportFormat exportFormat = parse("format", () -> ExportFormat.parse(format));
		SurveyOptions options = this.properties.surveyOptions().withAgeBand(ageBand).withSex(sex);
		if (rows != null && !rows.isBlank()) {
			options = options.withRows(parse("rows", () -> RowMode.parse(rows)));
		}
		if (medGroups != null) {
			options = options.withMedGroups(medGroups);
		}
		SurveyExport export;
		try {
			export = this.surveys.export(at, root, options);
		}
		catch (UnknownUnitException ex) {
			throw problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
		}
		ExportDocument document = export.toDocument();
		if (table != null && !table.isBlank()) {
			ExportDocument whole = document;
			document = parse("table", () -> whole.only(table.trim()));
		}
		if (options.usesCpr()) {
			this.sensitive.record("GET /api/v1/exports/survey with" + (options.ageBand() ? " ageBand" : "")
					+ (options.sex() ? " sex" : "") + " at=" + export.at() + " root=" + ((root != null) ? root : "all"),
					export.respondents().size());
		}
		return download(document, exportFormat);
	}

	@GetMapping("/survey/findings")
	@Operation(summary = "The survey list's data-quality findings at a date, as JSON",
			description = "Units without a manager, persons without a primary engagement (one row per person), "
					+ "employees without e-mail and the rest, errors first. Never a CPR number.")
	List<Finding> surveyFindings(@RequestParam(required = false) LocalDate at,
			@RequestParam(required = false) String root) {
		SurveyOptions options = this.properties.surveyOptions()
			.withAgeBand(false)
			.withSex(false)
			.withRows(RowMode.PER_PERSON);
		try {
			return this.surveys.export(at, root, options).findings();
		}
		catch (UnknownUnitException ex) {
			throw problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
		}
	}

	@GetMapping("/organisation")
	@Operation(summary = "The organisation at a date",
			description = "Units, engagements, managers and addresses (or the `tables` named), with class titles. "
					+ "CSV is a ZIP of one file per table unless one table is asked for.")
	ResponseEntity<StreamingResponseBody> organisation(@RequestParam(required = false) LocalDate at,
			@RequestParam(required = false) String root, @RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) String tables) {
		ExportFormat exportFormat = parse("format", () -> ExportFormat.parse(format));
		OrganisationOptions options = this.properties.organisationOptions()
			.withTables(parse("tables", () -> OrganisationTable.parse(tables)));
		try {
			return download(this.organisation.export(at, root, options), exportFormat);
		}
		catch (UnknownUnitException ex) {
			throw problem(HttpStatus.NOT_FOUND, ex.getMessage(), null);
		}
	}

	private ResponseEntity<StreamingResponseBody> download(ExportDocument document, ExportFormat format) {
		StreamingResponseBody body = (out) -> document.write(format, this.properties.csvOptions(), out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName(format)).build().toString())
			.contentType(MediaType.parseMediaType(document.contentType(format)))
			.body(body);
	}

	private static <T> T parse(String parameter, java.util.function.Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			Map<String, String> error = new LinkedHashMap<>();
			error.put("parameter", parameter);
			error.put("message", ex.getMessage());
			throw problem(HttpStatus.BAD_REQUEST, "Invalid parameter '" + parameter + "': " + ex.getMessage(),
					List.of(error));
		}
	}

	/**
	 * A problem detail as the rest of the API answers: 404, or 400 naming the parameter.
	 */
	private static ErrorResponseException problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return new ErrorResponseException(status, problem, null);
	}

}
