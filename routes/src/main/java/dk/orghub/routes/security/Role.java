package dk.orghub.routes.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Each role includes the ones below it.
 */
public enum Role {

	/** See everything but CPR numbers. */
	READ,
	/**
	 * Run, preview, pause, resume, retry, approve and reject syncs; test connections.
	 */
	OPERATE,
	/**
	 * Local data edits; CPR numbers and what derives from them (age band, sex); the Camel
	 * console (Hawtio, Jolokia).
	 */
	ADMINISTER;

	/** The role and every role it includes. */
	public Set<Role> included() {
		return EnumSet.range(READ, this);
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
