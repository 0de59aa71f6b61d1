package dk.orghub.adapters.exports.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Versioned;

/**
 * Which MED committee a line unit belongs to: the committee covering the unit, else the
 * one covering its nearest ancestor that is covered; where several committees cover one
 * unit, the lowest in the MED tree wins (a local committee before its area committee),
 * then the first by user key.
 */
final class MedGroups {

	static final UUID WORK_ENVIRONMENT_REPRESENTATIVE = DefaultClasses.classUuid(DefaultClasses.ASSOCIATION_TYPE,
			"Arbejdsmiljørepræsentant");

	private final OrgSnapshot snapshot;

	private final Map<UUID, OrgUnit> committeeOfCovered = new HashMap<>();

	MedGroups(OrgSnapshot snapshot) {
		this.snapshot = snapshot;
		Map<UUID, OrgUnit> byUuid = new HashMap<>();
		snapshot.medUnits().forEach(u -> byUuid.put(u.uuid(), u));
		for (OrgUnit committee : snapshot.medUnits()) {
			for (UUID covered : committee.covers()) {
				OrgUnit other = this.committeeOfCovered.get(covered);
				if (other == null || depth(committee, byUuid) > depth(other, byUuid)) {
					this.committeeOfCovered.put(covered, committee);
				}
			}
		}
	}

	/** The committee of a line unit; empty when neither it nor an ancestor is covered. */
	Optional<OrgUnit> committeeOf(UUID unit) {
		OrgUnit committee = this.committeeOfCovered.get(unit);
		if (committee != null) {
			return Optional.of(committee);
		}
		for (Versioned<OrgUnit> ancestor : this.snapshot.tree().ancestors(unit)) {
			committee = this.committeeOfCovered.get(ancestor.value().uuid());
			if (committee != null) {
				return Optional.of(committee);
			}
		}
		return Optional.empty();
	}

	/**
	 * The groups, in the order of the MED units (by user key), with their respondents.
	 */
	List<MedGroupRow> rows(List<RespondentRow> respondents) {
		Map<UUID, Integer> counts = new HashMap<>();
		respondents.stream()
			.map(RespondentRow::medGroup)
			.filter(Objects::nonNull)
			.forEach(g -> counts.merge(g, 1, Integer::sum));
		List<MedGroupRow> rows = new ArrayList<>();
		for (OrgUnit committee : this.snapshot.medUnits()) {
			List<String> covers = committee.covers()
				.stream()
				.map(u -> this.snapshot.tree().unit(u).map(v -> v.value().name()).orElse(null))
				.filter(Objects::nonNull)
				.toList();
			List<String> names = new ArrayList<>();
			List<String> emails = new ArrayList<>();
			for (Association association : this.snapshot.associationsOf(committee.uuid())) {
				if (WORK_ENVIRONMENT_REPRESENTATIVE.equals(association.associationType())) {
					names.add(OrgSnapshot.fullName(this.snapshot.person(association.person()).orElse(null)));
					this.snapshot.email(association.person()).ifPresent(emails::add);
				}
			}
			rows.add(new MedGroupRow(committee.uuid(), committee.userKey(), committee.name(), String.join("; ", covers),
					counts.getOrDefault(committee.uuid(), 0), names.isEmpty() ? null : String.join("; ", names),
					emails.isEmpty() ? null : String.join("; ", emails)));
		}
		return rows;
	}

	private static int depth(OrgUnit unit, Map<UUID, OrgUnit> byUuid) {
		int depth = 0;
		OrgUnit current = unit;
		while (current.parent() != null && byUuid.containsKey(current.parent()) && depth < byUuid.size()) {
			current = byUuid.get(current.parent());
			depth++;
		}
		return depth;
	}

}
