package dk.orghub.adapters.exports.schedule;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import dk.orghub.core.spi.CprAccess;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.TargetJob;
import dk.orghub.core.spi.TargetOutcome;
import dk.orghub.core.spi.TargetPlan;

/**
 * The scheduled export as a target (named {@value #ADAPTER}) that writes files to a
 * folder, offering the sync {@value #NAME}. Its runs are recorded like every sync's, on
 * its schedule, and can be run now, previewed (the export is made and its rows counted;
 * no file is written), paused and resumed; the safety thresholds do not apply. A run's
 * counts: read = the rows written, created = the file written, ended = older files
 * deleted beyond {@code keep}. A survey with age band or sex (derived from CPR numbers)
 * is audited at each file written.
 */
public final class ScheduledExportTarget implements PlanningTarget {

	/** The adapter's name. */
	public static final String ADAPTER = "export-folder";

	/** The sync's name. */
	public static final String NAME = "export";

	private final ScheduledExport export;

	private final String cron;

	private final ZoneId timeZone;

	private final CprAccess cpr;

	/**
	 * @param export the export it writes
	 * @param cron when (a Quartz cron expression)
	 * @param timeZone the zone the cron is read in
	 * @param cpr records each file that carries what derives from CPR numbers
	 */
	public ScheduledExportTarget(ScheduledExport export, String cron, ZoneId timeZone, CprAccess cpr) {
		this.export = Objects.requireNonNull(export, "export");
		this.cron = Objects.requireNonNull(cron, "cron");
		this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
		this.cpr = Objects.requireNonNull(cpr, "cpr");
	}

	@Override
	public String name() {
		return ADAPTER;
	}

	@Override
	public List<TargetJob> jobs() {
		ScheduledExportSettings settings = this.export.settings();
		return List
			.of(TargetJob
				.of(NAME, "Writes the " + settings.kind().id() + " export to " + settings.folder(), this.cron,
						() -> new Written(this.export, this.export.prepare(), this.cpr))
				.inZone(this.timeZone)
				.unguarded());
	}

	/** A prepared export: its rows are known, the file is written when it is sent. */
	private record Written(ScheduledExport export, ScheduledExport.Prepared prepared,
			CprAccess cpr) implements TargetPlan {

		@Override
		public int read() {
			return this.prepared.rows();
		}

		@Override
		public String note() {
			return this.export.fileName(this.prepared) + ": " + this.prepared.rows() + " rows"
					+ ((this.prepared.findings() > 0) ? ", " + this.prepared.findings() + " data-quality findings"
							: "");
		}

		@Override
		public TargetOutcome send() {
			ScheduledExport.Result result = this.export.write(this.prepared);
			ScheduledExportSettings settings = this.export.settings();
			if (settings.kind() == ExportKind.SURVEY && settings.survey().usesCpr()) {
				this.cpr.record("scheduled export " + result.file() + " with"
						+ (settings.survey().ageBand() ? " ageBand" : "") + (settings.survey().sex() ? " sex" : ""),
						result.rows());
			}
			return new TargetOutcome(result.rows(), 1, 0, result.deleted().size(), 0, 0,
					"Wrote " + result.file() + ": " + result.rows() + " rows"
							+ ((result.findings() > 0) ? ", " + result.findings() + " data-quality findings" : "")
							+ "; deleted " + result.deleted().size() + " older file(s)");
		}

	}

}
