package dk.orghub.routes.export;

import java.time.ZoneId;

import dk.orghub.adapters.exports.schedule.ExportKind;
import dk.orghub.adapters.exports.schedule.ScheduledExport;
import dk.orghub.adapters.exports.schedule.ScheduledExportSettings;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.routes.security.SensitiveReads;
import dk.orghub.routes.sync.SyncProperties;
import dk.orghub.routes.sync.TargetSync;
import org.quartz.CronExpression;

/**
 * The scheduled export as the sync {@value #NAME}: a target that writes files to a
 * folder. Its runs are recorded like every sync's, on the schedule of
 * {@code hub.exports.scheduled.cron}, and can be run now, previewed (the export is made
 * and its rows counted; no file is written), paused and resumed. A run's counts: read =
 * the rows written, created = the file written, ended = older files deleted beyond
 * {@code keep}. A survey with age band or sex (derived from CPR numbers) is audited at
 * each file written.
 */
final class ExportSync {

	/** The sync's name. */
	static final String NAME = "export";

	private ExportSync() {
	}

	static TargetSync of(ExportProperties.Scheduled scheduled, ScheduledExport export, SensitiveReads sensitive) {
		if (scheduled.cron() == null || !CronExpression.isValidExpression(scheduled.cron())) {
			throw new IllegalStateException("hub.exports.scheduled.cron '" + scheduled.cron()
					+ "' is not a Quartz cron expression (seconds first, e.g. '0 0 5 * * ?'); it is required when "
					+ "hub.exports.scheduled.enabled is true");
		}
		TargetAdapter folder = () -> "export-folder";
		SyncProperties.SyncSettings settings = new SyncProperties.SyncSettings(folder.name(),
				"Writes the " + export.settings().kind().id() + " export to " + export.settings().folder(),
				scheduled.cron(), ZoneId.of(scheduled.timeZone()), false, new SyncProperties.Thresholds(false, 1.0, 0));
		return new TargetSync(NAME, folder, settings, () -> new Written(export, export.prepare(), sensitive), null,
				null);
	}

	/** A prepared export: its rows are known, the file is written when it is sent. */
	private record Written(ScheduledExport export, ScheduledExport.Prepared prepared,
			SensitiveReads sensitive) implements TargetSync.Plan {

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
		public TargetSync.Outcome send() {
			ScheduledExport.Result result = this.export.write(this.prepared);
			ScheduledExportSettings settings = this.export.settings();
			if (settings.kind() == ExportKind.SURVEY && settings.survey().usesCpr()) {
				this.sensitive.record("scheduled export " + result.file() + " with"
						+ (settings.survey().ageBand() ? " ageBand" : "") + (settings.survey().sex() ? " sex" : ""),
						result.rows());
			}
			return new TargetSync.Outcome(result.rows(), 1, 0, result.deleted().size(), 0, 0,
					"Wrote " + result.file() + ": " + result.rows() + " rows"
							+ ((result.findings() > 0) ? ", " + result.findings() + " data-quality findings" : "")
							+ "; deleted " + result.deleted().size() + " older file(s)");
		}

	}

}
