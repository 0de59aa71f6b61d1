package dk.orghub.routes.sync;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.rules.RulePipeline;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.SourceAdapter;
import dk.orghub.core.spi.SourceRules;

/**
 * Each source's rule pipeline and reconciler options: the source's defaults
 * ({@link SourceAdapter#rules()}) with {@code hub.sources.<source>.*} over them, made
 * once per source.
 */
public final class SourceSettings {

	private final Map<String, SourceProperties.Source> sources;

	private final Map<String, RulePipeline> pipelines = new ConcurrentHashMap<>();

	public SourceSettings(SourceProperties properties) {
		this.sources = Map.copyOf(properties.sources());
	}

	/** The rules the hub runs on what the adapter delivers; none for a target. */
	public RulePipeline pipeline(Adapter adapter) {
		if (!(adapter instanceof SourceAdapter source)) {
			return RulePipeline.of(SourceRules.NONE);
		}
		return this.pipelines.computeIfAbsent(source.name(), (name) -> {
			SourceProperties.Source settings = this.sources.get(name);
			SourceRules defaults = Objects.requireNonNull(source.rules(), "rules() of " + name);
			return RulePipeline
				.of((settings != null && settings.rules() != null) ? settings.rules().over(defaults) : defaults);
		});
	}

	/** The reconciler's options for the source, {@code today} being the run's date. */
	public Reconciler.Options reconcile(String source, LocalDate today) {
		SourceProperties.Source settings = this.sources.get(source);
		if (settings == null || settings.reconcile() == null) {
			return Reconciler.Options.NONE;
		}
		return new Reconciler.Options(settings.reconcile().endAtEarlierEnd(),
				settings.reconcile().keepStoredParents() ? today : null);
	}

}
