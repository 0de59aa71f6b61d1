package dk.orghub.samples.ldap;

import java.util.Objects;

/**
 * How the sample accounts are laid out in a directory: the flavour, where the CPR number
 * is kept and how it is written, and the names a client needs (base DN, the OUs, the
 * hub's bind account).
 *
 * @param flavour Active Directory or a standard inetOrgPerson directory
 * @param cprAttribute the attribute holding the CPR number ({@code employeeID} on AD,
 * {@code employeeNumber} on a standard directory, by default)
 * @param cprSeparator written between the date and the serial number ({@code "-"} gives
 * {@code DDMMYY-SSSS}); empty for ten plain digits
 */
public record SampleDirectory(DirectoryFlavour flavour, String cprAttribute, String cprSeparator) {

	/** The password of the hub's bind account in the fake directory (test data only). */
	public static final String BIND_PASSWORD = "sample-bind-secret";

	public SampleDirectory {
		Objects.requireNonNull(flavour, "flavour");
		if (cprAttribute == null || cprAttribute.isBlank()) {
			cprAttribute = (flavour == DirectoryFlavour.ACTIVE_DIRECTORY) ? "employeeID" : "employeeNumber";
		}
		cprSeparator = (cprSeparator != null) ? cprSeparator : "";
	}

	/** Active Directory with the CPR number as ten digits in {@code employeeID}. */
	public static SampleDirectory activeDirectory() {
		return new SampleDirectory(DirectoryFlavour.ACTIVE_DIRECTORY, null, null);
	}

	/** A standard directory with the CPR number in {@code employeeNumber}. */
	public static SampleDirectory inetOrgPerson() {
		return new SampleDirectory(DirectoryFlavour.INET_ORG_PERSON, null, null);
	}

	public SampleDirectory withCpr(String attribute, String separator) {
		return new SampleDirectory(this.flavour, attribute, separator);
	}

	public boolean isActiveDirectory() {
		return this.flavour == DirectoryFlavour.ACTIVE_DIRECTORY;
	}

	public String baseDn() {
		return isActiveDirectory() ? "DC=samplekommune,DC=example" : "dc=samplekommune,dc=example";
	}

	/** The DN of one of the OUs of {@link SampleAccounts}. */
	public String ouDn(String ou) {
		return (isActiveDirectory() ? "OU=" : "ou=") + ou + "," + baseDn();
	}

	/** Where AD keeps tombstones of deleted objects. */
	public String deletedObjectsDn() {
		return "CN=Deleted Objects," + baseDn();
	}

	/** The DN of an account. */
	public String dn(SampleAccount account) {
		return isActiveDirectory() ? "CN=" + account.accountName() + "," + ouDn(account.ou())
				: "uid=" + account.accountName() + "," + ouDn(account.ou());
	}

	/** The account the hub binds as ({@link #BIND_PASSWORD}). */
	public String bindDn() {
		return isActiveDirectory() ? "CN=svc-orghub," + ouDn(SampleAccounts.SERVICES)
				: "uid=svc-orghub," + ouDn(SampleAccounts.SERVICES);
	}

	/** The CPR number as written in the directory. */
	public String cprValue(String cpr) {
		return cpr.substring(0, 6) + this.cprSeparator + cpr.substring(6);
	}

}
