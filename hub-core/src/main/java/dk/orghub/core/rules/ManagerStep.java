package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;

/**
 * {@link ManagerRule} on a delivery: each manager role is held only while its holder has
 * an engagement of the same delivery (then ended or left vacant); a role with nothing
 * left is left out.
 */
final class ManagerStep implements RuleStep {

	private final ManagerRule rule;

	ManagerStep(ManagerRule rule) {
		this.rule = rule;
	}

	@Override
	public String name() {
		return "managers";
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context) {
		Map<UUID, List<Timeline<Engagement>>> byPerson = new HashMap<>();
		Delivered.<Engagement>timelines(delivered, ObjectType.ENGAGEMENT)
			.values()
			.forEach((timeline) -> byPerson
				.computeIfAbsent(timeline.segments().get(0).value().person(), (p) -> new ArrayList<>())
				.add(timeline));
		Map<UUID, Timeline<OrgUnit>> units = Delivered.units(delivered);
		List<DesiredObject<?>> result = new ArrayList<>(delivered.size());
		for (DesiredObject<?> object : delivered) {
			if (object.type() != ObjectType.MANAGER) {
				result.add(object);
				continue;
			}
			Timeline<Manager> role = (Timeline<Manager>) object.timeline();
			Manager first = role.segments().get(0).value();
			DesiredObject<?> ruled = Delivered.with(object,
					this.rule.apply(role, byPerson.getOrDefault(first.person(), List.of()), units.get(first.unit())));
			if (ruled != null) {
				result.add(ruled);
			}
		}
		return result;
	}

}
