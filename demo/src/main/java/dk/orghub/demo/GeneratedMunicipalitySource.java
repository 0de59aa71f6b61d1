package dk.orghub.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Segment;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ReadPoint;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.municipality.SampleMunicipalitySource;

/**
 * The demo's payroll: the sample municipality generator read again at every snapshot
 * ({@code hub.demo.*}), as a source named {@code samples}. Variants show what a run does
 * with real changes:
 * <ul>
 * <li>{@link Variant#TODAY} is the municipality as generated;
 * <li>{@link Variant#NEXT_MONTH} is the same municipality a month on: about 2% of the
 * employees leave at the first of next month, about 2% change their hours then, and one
 * institution is renamed;
 * <li>{@link Variant#PAYROLL_MISTAKE} is a payroll export cut short: 40% of the
 * engagements are missing, so a run would end them and the safety threshold stops it.
 * </ul>
 */
final class GeneratedMunicipalitySource implements SnapshotSource {

	private static final SourceOwnership OWNERSHIP = new SampleMunicipalitySource(
			MunicipalityGenerator.generate(1, MunicipalityGenerator.MIN_EMPLOYEES))
		.ownership();

	private final DemoProperties settings;

	private final Variant variant;

	private final Clock clock;

	GeneratedMunicipalitySource(DemoProperties settings, Variant variant, Clock clock) {
		this.settings = settings;
		this.variant = variant;
		this.clock = clock;
	}

	@Override
	public String name() {
		return SampleMunicipalitySource.NAME;
	}

	@Override
	public SourceOwnership ownership() {
		return OWNERSHIP;
	}

	Variant variant() {
		return this.variant;
	}

	@Override
	public Snapshot snapshot(SourceContext context) {
		return new SampleMunicipalitySource(municipality()).snapshot(context);
	}

	Municipality municipality() {
		LocalDate reference = (this.settings.referenceDate() != null) ? this.settings.referenceDate()
				: ReadPoint.today(this.clock);
		Municipality base = MunicipalityGenerator.generate(this.settings.seed(), this.settings.employees(), reference);
		return switch (this.variant) {
			case TODAY -> base;
			case NEXT_MONTH -> nextMonth(base);
			case PAYROLL_MISTAKE -> cutShort(base);
		};
	}

	static Municipality nextMonth(Municipality m) {
		LocalDate next = m.referenceDate().withDayOfMonth(1).plusMonths(1);
		Random random = new Random(m.seed() * 31 + 7);
		Set<UUID> managers = new HashSet<>();
		for (Timeline<Manager> manager : m.managers().values()) {
			manager.segments().forEach((s) -> {
				if (s.value().person() != null) {
					managers.add(s.value().person());
				}
			});
		}
		Map<UUID, Integer> perPerson = new java.util.HashMap<>();
		m.engagements().values().forEach((t) -> perPerson.merge(t.segments().get(0).value().person(), 1, Integer::sum));
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>();
		for (Map.Entry<UUID, Timeline<Engagement>> entry : m.engagements().entrySet()) {
			Timeline<Engagement> timeline = entry.getValue();
			Segment<Engagement> last = timeline.segments().get(timeline.segments().size() - 1);
			Engagement e = last.value();
			boolean current = last.validity().isOpen() && last.validity().contains(m.referenceDate());
			double draw = random.nextDouble();
			if (current && draw < 0.02 && !managers.contains(e.person()) && perPerson.get(e.person()) == 1) {
				timeline = timeline.remove(Validity.from(next));
			}
			else if (current && draw < 0.04 && e.fraction() != null) {
				BigDecimal hours = BigDecimal.valueOf((e.fraction().compareTo(new BigDecimal("0.8")) > 0) ? 30 : 37);
				BigDecimal fraction = hours.divide(BigDecimal.valueOf(37), 4, RoundingMode.HALF_UP);
				timeline = timeline.put(Validity.from(next),
						new Engagement(e.uuid(), e.userKey(), e.person(), e.unit(), e.jobFunction(), e.engagementType(),
								fraction, e.primary(), e.primaryByHand(), e.originalUnit()));
			}
			engagements.put(entry.getKey(), timeline);
		}
		Map<UUID, Timeline<OrgUnit>> units = new LinkedHashMap<>(m.units());
		List<Map.Entry<UUID, Timeline<OrgUnit>>> renamable = m.units()
			.entrySet()
			.stream()
			.filter((u) -> u.getValue().segments().size() == 1 && u.getValue().segments().get(0).validity().isOpen()
					&& u.getValue().segments().get(0).value().parent() != null)
			.toList();
		if (!renamable.isEmpty()) {
			Map.Entry<UUID, Timeline<OrgUnit>> chosen = renamable.get(renamable.size() - 1);
			OrgUnit unit = chosen.getValue().segments().get(0).value();
			OrgUnit renamed = new OrgUnit(unit.uuid(), unit.userKey(), unit.name() + " og Omegn", unit.parent(),
					unit.unitType(), unit.unitLevel(), unit.payoutUnit());
			units.put(chosen.getKey(), chosen.getValue().put(Validity.from(next), renamed));
		}
		return new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), units, m.persons(),
				engagements, m.managers(), m.addresses(), m.kle(), m.actors());
	}

	static Municipality cutShort(Municipality m) {
		Map<UUID, Timeline<Engagement>> engagements = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<UUID, Timeline<Engagement>> entry : m.engagements().entrySet()) {
			if (i++ % 5 >= 2) {
				engagements.put(entry.getKey(), entry.getValue());
			}
		}
		return new Municipality(m.seed(), m.employees(), m.referenceDate(), m.organisation(), m.units(), m.persons(),
				engagements, m.managers(), m.addresses(), m.kle(), m.actors());
	}

	/** Which municipality the source delivers. */
	enum Variant {

		TODAY, NEXT_MONTH, PAYROLL_MISTAKE

	}

}
