package dk.orghub.adapters.sts;

/** The STS Organisation object types the hub writes, in the order they are written. */
public enum StsKind {

	/** Adresse: one address value. */
	ADRESSE("adresse", "Adresse"),
	/** Person: a person's name (and CPR number where configured). */
	PERSON("person", "Person"),
	/** OrganisationEnhed: a unit; parents before children. */
	ENHED("organisationenhed", "OrganisationEnhed"),
	/** Bruger: a user account of a person. */
	BRUGER("bruger", "Bruger"),
	/** OrganisationFunktion: memberships, managers, payout units, contact places. */
	FUNKTION("organisationfunktion", "OrganisationFunktion");

	private final String service;

	private final String objectName;

	StsKind(String service, String objectName) {
		this.service = service;
		this.objectName = objectName;
	}

	/** The object type's name in STS Organisation, e.g. {@code OrganisationEnhed}. */
	public String objectName() {
		return this.objectName;
	}

	/** The service's path segment below {@code <base-url>/organisation/}. */
	public String service() {
		return this.service;
	}

}
