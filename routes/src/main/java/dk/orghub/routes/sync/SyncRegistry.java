package dk.orghub.routes.sync;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dk.orghub.core.outbox.OutboxDrain;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.PlanningTarget;
import dk.orghub.core.spi.SourceAdapter;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetJob;
import org.quartz.CronExpression;

/**
 * The configured syncs, each bound to its adapter. Built once at start: an unknown
 * adapter, an adapter whose configuration does not validate, or a bad cron expression
 * stops the start with a message naming the {@code hub.syncs.<name>} key.
 */
public final class SyncRegistry {

	/** The suffix of the sync the hub makes to drain a target's outbox. */
	public static final String CHANGES = "-changes";

	private final Map<String, Sync> syncs;

	/**
	 * @param settings the syncs' settings by name
	 * @param adapters the adapter beans by bean name; each {@link PlanningTarget} among
	 * them adds a sync for each of its {@link PlanningTarget#jobs() jobs}
	 */
	public SyncRegistry(Map<String, SyncProperties.SyncSettings> settings, Map<String, Adapter> adapters) {
		this(settings, adapters, targetSyncs(adapters, null));
	}

	/**
	 * As above, and each {@link ChangePublisher} among the adapters has its outbox
	 * drained by a sync: the job of its own that {@link ChangePublisher.Outbox#sync()}
	 * names, or one the hub makes, {@code <name>-changes}.
	 * @param drains makes the drain of a target's outbox
	 */
	public SyncRegistry(Map<String, SyncProperties.SyncSettings> settings, Map<String, Adapter> adapters,
			Drains drains) {
		this(settings, adapters, targetSyncs(adapters, Objects.requireNonNull(drains, "drains")));
	}

	/**
	 * @param settings the syncs' settings by name
	 * @param adapters the adapter beans by bean name
	 * @param targets the target syncs (with the settings their jobs give)
	 */
	public SyncRegistry(Map<String, SyncProperties.SyncSettings> settings, Map<String, Adapter> adapters,
			List<TargetSync> targets) {
		Map<String, Sync> built = new LinkedHashMap<>();
		Map<String, Adapter> targetSettings = new LinkedHashMap<>();
		settings.keySet().stream().sorted().forEach((name) -> {
			SyncProperties.SyncSettings sync = settings.get(name);
			String key = "hub.syncs." + name;
			if (sync.scheduled() && !CronExpression.isValidExpression(sync.cron())) {
				throw new IllegalStateException(key + ".cron '" + sync.cron()
						+ "' is not a Quartz cron expression (seconds minutes hours day-of-month month "
						+ "day-of-week, e.g. '0 0 2 * * ?')");
			}
			Adapter adapter = find(adapters, sync.adapter()).orElseThrow(() -> new IllegalStateException(
					key + ".adapter '" + sync.adapter() + "' names no adapter; installed: " + describe(adapters)));
			try {
				adapter.validate();
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(
						key + ": adapter '" + adapter.name() + "' is misconfigured: " + ex.getMessage(), ex);
			}
			if (adapter instanceof FileSource inbox) {
				built.put(name, new InboxSync(name, inbox, sync));
			}
			else if (adapter instanceof SourceAdapter source) {
				built.put(name, new ImportSync(name, source, sync));
			}
			else if (adapter instanceof TargetAdapter) {
				// the target makes its syncs; this entry sets the schedule and thresholds
				// of one
				targetSettings.put(name, adapter);
			}
			else {
				throw new IllegalStateException(
						key + ": adapter '" + adapter.name() + "' is neither a source nor a target");
			}
		});
		// an inbox no sync names gets one of its own, under its name: each file dropped
		// in
		// it is a run
		adapters.forEach((bean, adapter) -> {
			if (adapter instanceof FileSource inbox && built.values().stream().noneMatch((s) -> s.adapter() == inbox)) {
				if (built.containsKey(inbox.name())) {
					throw new IllegalStateException(
							"hub.syncs." + inbox.name() + " names another adapter, and the inbox '" + inbox.name()
									+ "' needs a sync of that name; name the inbox in a sync's adapter setting");
				}
				try {
					inbox.validate();
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("inbox '" + inbox.name() + "' is misconfigured: " + ex.getMessage(),
							ex);
				}
				built.put(inbox.name(), new InboxSync(inbox.name(), inbox, defaults(inbox)));
			}
		});
		for (TargetSync made : targets) {
			TargetSync target = made;
			Adapter configured = targetSettings.remove(target.name());
			if (configured != null) {
				if (configured != target.adapter()) {
					throw new IllegalStateException(
							"hub.syncs." + target.name() + ".adapter '" + settings.get(target.name()).adapter()
									+ "' is not the target of that sync ('" + target.adapter().name() + "')");
				}
				target = target.withSettings(settings.get(target.name()));
			}
			if (built.containsKey(target.name())) {
				throw new IllegalStateException("hub.syncs." + target.name() + ": the target '"
						+ target.adapter().name() + "' has a sync of that name; name the sync otherwise");
			}
			if (target.settings().scheduled() && !CronExpression.isValidExpression(target.settings().cron())) {
				throw new IllegalStateException("the cron '" + target.settings().cron() + "' of the sync "
						+ target.name() + " is not a Quartz cron expression (seconds first, e.g. '0 30 1 * * ?')");
			}
			built.put(target.name(), target);
		}
		targetSettings.forEach((name, adapter) -> {
			List<String> own = targets.stream().filter((t) -> t.adapter() == adapter).map(TargetSync::name).toList();
			throw new IllegalStateException("hub.syncs." + name + ": adapter '" + adapter.name()
					+ "' is a target, whose syncs it makes itself: "
					+ (own.isEmpty() ? "none (is the target configured?)" : String.join(", ", own))
					+ "; use one of those names to set its schedule and thresholds");
		});
		this.syncs = Collections.unmodifiableMap(built);
	}

	/** Makes the drain of a target's outbox. */
	@FunctionalInterface
	public interface Drains {

		/**
		 * @param keepRefused whether the outbox keeps what the target refuses (the hub's
		 * sync) or the target does (its own job with its quarantine)
		 */
		OutboxDrain of(ChangePublisher target, boolean keepRefused);

	}

	/**
	 * A sync of each job of each planning target, with the job's settings; with
	 * {@code drains}, the outbox drain of each change publisher as the change runs of the
	 * job it names or of a sync the hub makes.
	 */
	static List<TargetSync> targetSyncs(Map<String, Adapter> adapters, Drains drains) {
		List<TargetSync> syncs = new ArrayList<>();
		adapters.values().stream().distinct().forEach((adapter) -> {
			List<TargetJob> jobs = new ArrayList<>();
			if (adapter instanceof PlanningTarget target) {
				jobs.addAll(target.jobs());
			}
			if (drains != null && adapter instanceof ChangePublisher publisher) {
				jobs = drained(publisher, jobs, drains);
			}
			for (TargetJob job : jobs) {
				syncs.add(new TargetSync(job, (TargetAdapter) adapter,
						TargetSync.defaults(job, (TargetAdapter) adapter)));
			}
		});
		return syncs;
	}

	/** The target's jobs with its outbox drained by one of them. */
	private static List<TargetJob> drained(ChangePublisher target, List<TargetJob> jobs, Drains drains) {
		ChangePublisher.Outbox outbox = target.outbox();
		String own = outbox.sync();
		List<TargetJob> result = new ArrayList<>(jobs);
		if (own != null) {
			int index = result.stream().map(TargetJob::name).toList().indexOf(own);
			if (index < 0) {
				throw new IllegalStateException("the target '" + target.name()
						+ "' has its outbox drained by the sync '" + own + "', which is none of its own");
			}
			TargetJob job = result.get(index);
			OutboxDrain drain = drains.of(target, job.quarantine() == null);
			if (job.quarantine() == null) {
				job = job.withQuarantine(drain.quarantine());
			}
			if (outbox.drains()) {
				job = job.withChanges(drain::drain, drain::waiting, outbox.every());
			}
			result.set(index, job);
			return result;
		}
		OutboxDrain drain = drains.of(target, true);
		TargetJob job = TargetJob
			.of(target.name() + CHANGES, "Sends the store's changes to " + target.name() + " as they are committed",
					null, drain::plan)
			.unguarded()
			.withQuarantine(drain.quarantine());
		if (outbox.drains()) {
			job = job.withChanges(drain::drain, drain::waiting, outbox.every());
		}
		result.add(job);
		return result;
	}

	private static SyncProperties.SyncSettings defaults(FileSource inbox) {
		return new SyncProperties.SyncSettings(inbox.name(), "Files dropped in " + inbox.location(), null,
				ZoneId.of("Europe/Copenhagen"), false, new SyncProperties.Thresholds(true, 0.05, 20));
	}

	public List<Sync> all() {
		return new ArrayList<>(this.syncs.values());
	}

	public Optional<Sync> find(String name) {
		return Optional.ofNullable(this.syncs.get(name));
	}

	private static Optional<Adapter> find(Map<String, Adapter> adapters, String wanted) {
		if (adapters.containsKey(wanted)) {
			return Optional.of(adapters.get(wanted));
		}
		List<Adapter> byName = adapters.values().stream().filter((a) -> a.name().equals(wanted)).toList();
		return (byName.size() == 1) ? Optional.of(byName.get(0)) : Optional.empty();
	}

	private static String describe(Map<String, Adapter> adapters) {
		List<String> names = new ArrayList<>();
		adapters.forEach((bean, adapter) -> names.add(bean + " (" + adapter.name() + ")"));
		return names.isEmpty() ? "none" : String.join(", ", names);
	}

}
