package dk.orghub.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.DesiredObject;

/**
 * {@link LineUnitPlacement} on a delivery: each engagement in a unit of a too-deep level
 * is placed in the nearest line unit above, over the delivered unit tree.
 */
final class LineUnitStep implements RuleStep {

	private final LineUnitPlacement placement;

	LineUnitStep(LineUnitPlacement placement) {
		this.placement = placement;
	}

	@Override
	public String name() {
		return "line-unit-lifting";
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<DesiredObject<?>> apply(List<DesiredObject<?>> delivered, RuleContext context) {
		Map<UUID, Timeline<OrgUnit>> units = Delivered.units(delivered);
		List<DesiredObject<?>> result = new ArrayList<>(delivered.size());
		for (DesiredObject<?> object : delivered) {
			result.add((object.type() == ObjectType.ENGAGEMENT)
					? Delivered.with(object, this.placement.apply((Timeline<Engagement>) object.timeline(), units))
					: object);
		}
		return result;
	}

}
