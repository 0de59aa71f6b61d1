package dk.orghub.core.model;

import java.util.Objects;

/**
 * Who a registration comes from: a source adapter, a business rule, a user or the system.
 */
public record Actor(Kind kind, String name) {

	public enum Kind {

		SOURCE, RULE, USER, SYSTEM

	}

	public Actor {
		Objects.requireNonNull(kind, "kind");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("actor name is required");
		}
	}

	public static Actor source(String name) {
		return new Actor(Kind.SOURCE, name);
	}

	public static Actor rule(String name) {
		return new Actor(Kind.RULE, name);
	}

	public static Actor user(String name) {
		return new Actor(Kind.USER, name);
	}

	public static Actor system(String name) {
		return new Actor(Kind.SYSTEM, name);
	}

	@Override
	public String toString() {
		return this.kind.name().toLowerCase() + ":" + this.name;
	}

}
