package dk.orghub.routes.run;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import dk.orghub.routes.sync.SyncProperties.SyncSettings;
import org.quartz.CronExpression;

/** The next fire times of a sync's cron expression. */
final class SyncSchedules {

	private SyncSchedules() {
	}

	static List<Instant> next(SyncSettings settings, Instant after, int count) {
		List<Instant> times = new ArrayList<>();
		if (!settings.scheduled()) {
			return times;
		}
		try {
			CronExpression cron = new CronExpression(settings.cron());
			cron.setTimeZone(TimeZone.getTimeZone(settings.timeZone()));
			Date next = Date.from(after);
			for (int i = 0; i < count; i++) {
				next = cron.getNextValidTimeAfter(next);
				if (next == null) {
					break;
				}
				times.add(next.toInstant());
			}
		}
		catch (ParseException ex) {
			throw new IllegalStateException("bad cron " + settings.cron(), ex);
		}
		return times;
	}

}
