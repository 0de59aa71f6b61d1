package dk.orghub.samples.ldap;

/** The kind of directory the sample accounts are written for. */
public enum DirectoryFlavour {

	/**
	 * Active Directory: class {@code user}, {@code objectGUID} (binary, AD byte order),
	 * {@code sAMAccountName}, {@code userAccountControl}, {@code uSNChanged},
	 * {@code whenCreated}; the CPR number in {@code employeeID} by default. Deleted
	 * accounts become tombstones in {@code CN=Deleted Objects}.
	 */
	ACTIVE_DIRECTORY,

	/**
	 * A standard directory: class {@code inetOrgPerson}, {@code uid}, the server's
	 * {@code entryUUID} and {@code modifyTimestamp}; the CPR number in
	 * {@code employeeNumber} by default. No disabled accounts (the class has no such
	 * attribute), so the leavers are left out.
	 */
	INET_ORG_PERSON

}
