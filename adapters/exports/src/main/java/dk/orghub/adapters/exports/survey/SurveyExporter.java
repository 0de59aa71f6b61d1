package dk.orghub.adapters.exports.survey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.adapters.exports.UnknownUnitException;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

/**
 * Builds survey lists (APV, trivsel) from the store: for a date and an optional root
 * unit, the units with their managers (the nearest manager above when a unit has none),
 * the respondents and the data-quality findings. Reads only; thread-safe when the store
 * is.
 */
public final class SurveyExporter {

	private final OrgStore store;

	private final Clock clock;

	private final UnitScope scope;

	/** An exporter of the line organisation, whole. */
	public SurveyExporter(OrgStore store, Clock clock) {
		this(store, clock, UnitScope.lineOrganisation());
	}

	/**
	 * @param scope the units exported (and what is placed in them)
	 */
	public SurveyExporter(OrgStore store, Clock clock, UnitScope scope) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.scope = Objects.requireNonNull(scope, "scope");
	}

	/**
	 * The survey at a date as known now.
	 * @param at the date, {@code null} for today (Europe/Copenhagen)
	 * @param root the root unit's UUID or user key, {@code null} or blank for the whole
	 * organisation
	 * @throws UnknownUnitException when the root unit is not valid at the date
	 */
	public SurveyExport export(LocalDate at, String root, SurveyOptions options) {
		return export(ReadPoint.of(at, null, this.clock), root, options);
	}

	/** The survey at a read point (as at a date, as known at a time). */
	public SurveyExport export(ReadPoint point, String root, SurveyOptions options) {
		return export(OrgSnapshot.load(this.store, point, this.scope), root, options);
	}

	/** The survey of a snapshot already read. */
	public static SurveyExport export(OrgSnapshot snapshot, String root, SurveyOptions options) {
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(options, "options");
		UUID rootUnit = null;
		if (root != null && !root.isBlank()) {
			rootUnit = snapshot.findUnit(root).orElseThrow(() -> new UnknownUnitException(root, snapshot.at()));
		}
		return new SurveyBuilder(snapshot, rootUnit, options).build();
	}

}
