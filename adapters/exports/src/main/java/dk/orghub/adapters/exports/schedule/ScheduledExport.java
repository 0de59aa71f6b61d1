package dk.orghub.adapters.exports.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.adapters.exports.organisation.OrganisationExporter;
import dk.orghub.adapters.exports.survey.SurveyExport;
import dk.orghub.adapters.exports.survey.SurveyExporter;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

/**
 * Writes one configured export of today's organisation to a folder: call {@link #run()}
 * from a schedule. The file is named like the download ({@code survey-2025-01-01.xlsx},
 * {@code organisation-2025-01-01-U00012.zip}), so a second run on the same day replaces
 * the first; it appears atomically (see {@link ExportFolder}); older files of the same
 * export beyond {@code keep} are deleted, and temporary files of killed runs older than
 * an hour too. Not meant to run twice at once with the same settings.
 */
public final class ScheduledExport {

	private static final Logger log = LoggerFactory.getLogger(ScheduledExport.class);

	private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

	private final ScheduledExportSettings settings;

	private final OrgStore store;

	private final Clock clock;

	private final ExportFolder folder;

	private final UnitScope scope;

	/** What a run wrote. */
	public record Result(Path file, LocalDate at, int rows, int findings, Duration duration, List<Path> deleted) {

	}

	/** A scheduled export of the line organisation, whole. */
	public ScheduledExport(ScheduledExportSettings settings, OrgStore store, Clock clock) {
		this(settings, store, clock, UnitScope.lineOrganisation());
	}

	/**
	 * @param scope the units exported (and what is placed in them)
	 */
	public ScheduledExport(ScheduledExportSettings settings, OrgStore store, Clock clock, UnitScope scope) {
		this.scope = Objects.requireNonNull(scope, "scope");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.folder = new ExportFolder(settings.folder());
	}

	public ScheduledExportSettings settings() {
		return this.settings;
	}

	/**
	 * Exports the organisation of today as known now and writes the file.
	 * @throws UncheckedIOException when the folder cannot be written
	 * @throws dk.orghub.adapters.exports.UnknownUnitException when the root unit is not
	 * valid today
	 */
	public Result run() {
		return write(prepare());
	}

	/**
	 * Exports the organisation of today as known now, without writing it: what
	 * {@link #write} would write.
	 * @throws dk.orghub.adapters.exports.UnknownUnitException when the root unit is not
	 * valid today
	 */
	public Prepared prepare() {
		Instant start = this.clock.instant();
		long started = System.nanoTime();
		ReadPoint point = ReadPoint.now(this.clock);
		OrgSnapshot snapshot = OrgSnapshot.load(this.store, point, this.scope);
		if (this.settings.kind() == ExportKind.SURVEY) {
			SurveyExport survey = SurveyExporter.export(snapshot, this.settings.root(), this.settings.survey());
			return new Prepared(survey.toDocument(), point.at(), survey.findings().size(), start, started);
		}
		return new Prepared(OrganisationExporter.export(snapshot, this.settings.root(), this.settings.organisation()),
				point.at(), 0, start, started);
	}

	/**
	 * Writes a prepared export to the folder, atomically, and deletes older files of it
	 * beyond {@code keep}.
	 * @throws UncheckedIOException when the folder cannot be written
	 */
	public Result write(Prepared prepared) {
		ExportDocument document = prepared.document();
		try {
			this.folder.deleteStaleTemporaryFiles(prepared.start(), STALE_TEMPORARY);
			Path file = this.folder.write(document.fileName(this.settings.format()),
					out -> document.write(this.settings.format(), this.settings.csv(), out));
			List<Path> deleted = this.folder.prune(pattern(document, prepared.at()), this.settings.keep());
			Duration duration = Duration.ofNanos(System.nanoTime() - prepared.started());
			log.info("Wrote {} export {}: {} rows, {} findings, in {} ms; deleted {} older file(s)",
					this.settings.kind().id(), file, document.rowCount(), prepared.findings(), duration.toMillis(),
					deleted.size());
			return new Result(file, prepared.at(), document.rowCount(), prepared.findings(), duration, deleted);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the " + this.settings.kind().id() + " export to "
					+ this.folder.folder() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * An export made and not written yet.
	 *
	 * @param at the day it shows
	 * @param findings the survey's data-quality findings (0 for the organisation export)
	 * @param start when it was begun
	 * @param started {@link System#nanoTime()} when it was begun
	 */
	public record Prepared(ExportDocument document, LocalDate at, int findings, Instant start, long started) {

		/** The rows it has. */
		public int rows() {
			return this.document.rowCount();
		}

	}

	/** The name of the file {@link #write} writes. */
	public String fileName(Prepared prepared) {
		return prepared.document().fileName(this.settings.format());
	}

	/**
	 * The names of this export's files on any date: the document's base name with any
	 * date in place of this one, and this format's extension.
	 */
	private Pattern pattern(ExportDocument document, LocalDate at) {
		String base = document.baseName();
		int index = base.indexOf(at.toString());
		String before = base.substring(0, index);
		String after = base.substring(index + at.toString().length());
		return Pattern.compile(Pattern.quote(before) + "\\d{4}-\\d{2}-\\d{2}" + Pattern.quote(after) + "\\."
				+ Pattern.quote(document.extension(this.settings.format())));
	}

}
