package dk.orghub.routes.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. READ is in every role; OPERATE and EDIT are separate (an operator
 * does not edit data, an editor does not run syncs); ADMINISTER includes them all.
 */
public enum Role {

	/** See everything but CPR numbers. */
	READ,
	/**
	 * Run, preview, pause, resume, retry, approve and reject syncs; test connections.
	 */
	OPERATE,
	/**
	 * Local edits of the facts no source has (a unit's addresses, opening hours, KLE),
	 * everywhere or only under the units {@code hub.security.users[i].units} names
	 * (decided by {@link EditScope}).
	 */
	EDIT,
	/**
	 * Everything: local edits everywhere; CPR numbers and what derives from them (age
	 * band, sex); the Camel console (Hawtio, Jolokia).
	 */
	ADMINISTER;

	/** The role and every role it includes. */
	public Set<Role> included() {
		return switch (this) {
			case READ -> EnumSet.of(READ);
			case OPERATE -> EnumSet.of(READ, OPERATE);
			case EDIT -> EnumSet.of(READ, EDIT);
			case ADMINISTER -> EnumSet.allOf(Role.class);
		};
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
