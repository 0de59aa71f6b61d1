package dk.orghub.adapters.ad.autoconfigure;

import dk.orghub.adapters.ad.AdAdapter;
import dk.orghub.adapters.ad.AdReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * The report of the directory's last read: accounts given to no person (with masked CPR
 * numbers), persons whose accounts disagree, values left out. Kept in memory: a restart
 * forgets it until the next run.
 */
@RestController
@RequestMapping("/api/v1/sources/ad")
@Tag(name = "sources", description = "What the sources reported on their last read.")
class AdReportController {

	private final ObjectProvider<AdAdapter> adapter;

	AdReportController(ObjectProvider<AdAdapter> adapter) {
		this.adapter = adapter;
	}

	@GetMapping("/report")
	@Operation(summary = "The Active Directory source's last report",
			description = "Unmatched accounts (CPR masked), conflicts and warnings of the last full or incremental "
					+ "read; 404 before the first read since the start.")
	AdReport report() {
		AdAdapter ad = this.adapter.getIfAvailable();
		if (ad == null) {
			throw notFound("No directory source is configured (hub.sources.ad.url)");
		}
		return ad.lastReport().orElseThrow(() -> notFound("The directory has not been read since the hub started"));
	}

	private static ErrorResponseException notFound(String detail) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

}
