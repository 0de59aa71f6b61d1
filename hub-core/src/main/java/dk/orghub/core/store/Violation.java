package dk.orghub.core.store;

import java.util.UUID;

import dk.orghub.core.model.Cpr;
import dk.orghub.core.model.ObjectType;

/**
 * A broken rule of the model, naming the object and the rule. A person's user key that is
 * a CPR number (which a rule refuses) is kept masked, as everywhere else.
 *
 * @param userKey the object's user key (a person's masked when it is a CPR number)
 * @param rule a stable identifier of the rule, e.g. {@code no-cycle}
 */
public record Violation(ObjectType type, UUID uuid, String userKey, String rule, String message) {

	public Violation {
		if (type == ObjectType.PERSON) {
			userKey = Cpr.maskIfCpr(userKey);
		}
	}

	@Override
	public String toString() {
		return type.collection() + " " + ((this.userKey != null) ? "'" + this.userKey + "' " : "") + "(" + this.uuid
				+ "): " + this.message + " [" + this.rule + "]";
	}

}
