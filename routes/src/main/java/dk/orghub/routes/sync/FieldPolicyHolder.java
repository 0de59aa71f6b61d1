package dk.orghub.routes.sync;

import java.util.Map;

import dk.orghub.core.reconcile.FieldPolicy;

/**
 * Which source wins a field ({@code hub.field-policy}, e.g. {@code ORG_UNIT.name: opus});
 * parsed once at start, so a bad key stops the start.
 */
public final class FieldPolicyHolder {

	private final FieldPolicy policy;

	public FieldPolicyHolder(Map<String, String> entries) {
		this.policy = entries.isEmpty() ? FieldPolicy.none() : FieldPolicy.of(entries);
	}

	public FieldPolicy policy() {
		return this.policy;
	}

}
