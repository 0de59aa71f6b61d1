package dk.orghub.core.store;

import java.util.UUID;

import dk.orghub.core.model.ObjectType;

/**
 * A broken rule of the model, naming the object and the rule.
 *
 * @param rule a stable identifier of the rule, e.g. {@code no-cycle}
 */
public record Violation(ObjectType type, UUID uuid, String userKey, String rule, String message) {

	@Override
	public String toString() {
		return type.collection() + " " + ((this.userKey != null) ? "'" + this.userKey + "' " : "") + "(" + this.uuid
				+ "): " + this.message + " [" + this.rule + "]";
	}

}
