package dk.orghub.adapters.sts;

/** The STS Organisation object types the hub writes, in the order they are written. */
public enum StsKind {

	/** Adresse: one address value. */
	ADRESSE("adresse"),
	/** Person: a person's name (and CPR number where configured). */
	PERSON("person"),
	/** OrganisationEnhed: a unit; parents before children. */
	ENHED("organisationenhed"),
	/** Bruger: a user account of a person. */
	BRUGER("bruger"),
	/** OrganisationFunktion: memberships, managers, payout units, contact places. */
	FUNKTION("organisationfunktion");

	private final String service;

	StsKind(String service) {
		this.service = service;
	}

	/** The service's path segment below {@code <base-url>/organisation/}. */
	public String service() {
		return this.service;
	}

}
