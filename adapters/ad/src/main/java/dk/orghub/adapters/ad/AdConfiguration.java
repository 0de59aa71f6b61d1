package dk.orghub.adapters.ad;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import dk.orghub.core.spi.AdapterConfigurationException;

/**
 * The configuration of the directory source, bound from {@code hub.sources.ad.*}. A
 * {@code null} component takes its default, which for several settings depends on the
 * {@link #mode()}; {@link #validate()} checks the result without the network.
 *
 * @param name the source's name in registrations and logs (default {@code ad})
 * @param mode {@code ad} (Active Directory) or {@code ldap} (a standard inetOrgPerson
 * directory); default {@code ad}
 * @param url {@code ldap://host:389} or {@code ldaps://host:636}
 * @param bindDn the account the hub binds as
 * @param password the bind password; from the environment
 * ({@code HUB_SOURCES_AD_PASSWORD}), never from a committed file, never logged
 * @param baseDns where the accounts are; each is searched with its whole subtree
 * @param filter which entries are accounts; default
 * {@code (&(objectClass=user)(!(objectClass=computer)))} on AD,
 * {@code (objectClass=inetOrgPerson)} otherwise
 * @param cprAttribute the attribute with the CPR number; default {@code employeeID} on
 * AD, {@code employeeNumber} otherwise
 * @param cprSeparator text removed from the CPR value before it is checked (e.g.
 * {@code -} for {@code DDMMYY-SSSS}); default none
 * @param accountNameAttribute default {@code sAMAccountName} on AD, {@code uid} otherwise
 * @param email whether the directory owns the persons' e-mail addresses (default true)
 * @param emailAttribute default {@code mail}
 * @param phone whether the directory owns the persons' phone numbers (default true)
 * @param phoneAttribute default {@code telephoneNumber}
 * @param title whether the directory owns the persons' job titles (default false)
 * @param titleAttribute default {@code title}
 * @param titleAddressType the user key of the address type class a title is stored as
 * (the model has no title field; the class must exist, e.g. added by
 * {@code hub.classes}); required when {@code title} is true
 * @param addressVisibility the visibility class of the addresses; default {@code PUBLIC}
 * @param itSystem the user key of the IT system class; default {@code Active Directory}
 * @param changeTracking how changes are found: {@code usn-changed} (default on AD) or
 * {@code modify-timestamp} (default otherwise)
 * @param disabledAccounts {@code end} (default: a disabled account ends its IT user) or
 * {@code keep} (the IT user stays, with enabled false)
 * @param primaryAccount which of a person's enabled accounts gives the person's e-mail
 * and phone: {@code oldest} (default) or {@code account-name} (the first by name)
 * @param secondaryAccountPattern account names never chosen as primary while the person
 * has another (e.g. {@code ^(adm|svc)-}); default none
 * @param pageSize entries per page of a paged search (default 1000, AD's maximum)
 * @param connectTimeout default 5 s
 * @param readTimeout how long one response may take; default 30 s
 * @param deletedObjectsDn where AD keeps tombstones; default {@code CN=Deleted Objects}
 * under the domain of the first base DN
 * @param personUuidAttribute an attribute holding the UUID of the person an account
 * without a CPR number belongs to (an external consultant without one, say
 * {@code extensionAttribute2}); none by default, and then such accounts are unmatched
 */
public record AdConfiguration(String name, Mode mode, String url, String bindDn, String password, List<String> baseDns,
		String filter, String cprAttribute, String cprSeparator, String accountNameAttribute, Boolean email,
		String emailAttribute, Boolean phone, String phoneAttribute, Boolean title, String titleAttribute,
		String titleAddressType, String addressVisibility, String itSystem, ChangeTracking changeTracking,
		DisabledAccounts disabledAccounts, PrimaryAccount primaryAccount, String secondaryAccountPattern,
		Integer pageSize, Duration connectTimeout, Duration readTimeout, String deletedObjectsDn,
		String personUuidAttribute) {

	/** The configuration prefix, for messages. */
	public static final String PREFIX = "hub.sources.ad";

	/** The environment variable the password comes from in a Spring Boot installation. */
	public static final String PASSWORD_VARIABLE = "HUB_SOURCES_AD_PASSWORD";

	private static final Pattern ATTRIBUTE = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+)$");

	private static final Pattern NAME = Pattern.compile("^[a-z0-9-]+$");

	/** The kind of directory. */
	public enum Mode {

		/** Active Directory: objectGUID, sAMAccountName, userAccountControl. */
		AD,
		/** A standard directory: entryUUID, uid, inetOrgPerson. */
		LDAP

	}

	/** How an incremental run finds changed accounts. */
	public enum ChangeTracking {

		/** AD's update sequence number. */
		USN_CHANGED,
		/** The standard operational attribute. */
		MODIFY_TIMESTAMP

	}

	/** What a disabled account does to its IT user. */
	public enum DisabledAccounts {

		/** The IT user ends. */
		END,
		/** The IT user stays, marked not enabled. */
		KEEP

	}

	/** Which of a person's accounts is primary. */
	public enum PrimaryAccount {

		/** The one created first. */
		OLDEST,
		/** The first by account name. */
		ACCOUNT_NAME

	}

	public AdConfiguration {
		boolean ad = (mode == null || mode == Mode.AD);
		name = orDefault(name, "ad");
		mode = ad ? Mode.AD : Mode.LDAP;
		baseDns = (baseDns != null) ? List.copyOf(baseDns) : List.of();
		filter = orDefault(filter,
				ad ? "(&(objectClass=user)(!(objectClass=computer)))" : "(objectClass=inetOrgPerson)");
		cprAttribute = orDefault(cprAttribute, ad ? "employeeID" : "employeeNumber");
		cprSeparator = (cprSeparator != null) ? cprSeparator : "";
		accountNameAttribute = orDefault(accountNameAttribute, ad ? "sAMAccountName" : "uid");
		email = (email != null) ? email : Boolean.TRUE;
		emailAttribute = orDefault(emailAttribute, "mail");
		phone = (phone != null) ? phone : Boolean.TRUE;
		phoneAttribute = orDefault(phoneAttribute, "telephoneNumber");
		title = (title != null) ? title : Boolean.FALSE;
		titleAttribute = orDefault(titleAttribute, "title");
		addressVisibility = orDefault(addressVisibility, "PUBLIC");
		itSystem = orDefault(itSystem, "Active Directory");
		changeTracking = (changeTracking != null) ? changeTracking
				: ad ? ChangeTracking.USN_CHANGED : ChangeTracking.MODIFY_TIMESTAMP;
		disabledAccounts = (disabledAccounts != null) ? disabledAccounts : DisabledAccounts.END;
		primaryAccount = (primaryAccount != null) ? primaryAccount : PrimaryAccount.OLDEST;
		pageSize = (pageSize != null) ? pageSize : 1000;
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(30);
		if (deletedObjectsDn == null && !baseDns.isEmpty()) {
			deletedObjectsDn = deletedObjectsOf(baseDns.get(0));
		}
		if (personUuidAttribute != null && personUuidAttribute.isBlank()) {
			personUuidAttribute = null;
		}
	}

	/**
	 * A configuration with every default for a mode, to adjust with the {@code with}
	 * methods.
	 */
	public static AdConfiguration of(Mode mode, String url, String bindDn, String password, List<String> baseDns) {
		return new AdConfiguration(null, mode, url, bindDn, password, baseDns, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Accounts without a CPR number are matched to the person whose UUID the attribute
	 * holds ({@code null}: not at all).
	 */
	public AdConfiguration withPersonUuidAttribute(String attribute) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email,
				this.emailAttribute, this.phone, this.phoneAttribute, this.title, this.titleAttribute,
				this.titleAddressType, this.addressVisibility, this.itSystem, this.changeTracking,
				this.disabledAccounts, this.primaryAccount, this.secondaryAccountPattern, this.pageSize,
				this.connectTimeout, this.readTimeout, this.deletedObjectsDn, attribute);
	}

	public AdConfiguration withCpr(String attribute, String separator) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, attribute, separator, this.accountNameAttribute, this.email, this.emailAttribute,
				this.phone, this.phoneAttribute, this.title, this.titleAttribute, this.titleAddressType,
				this.addressVisibility, this.itSystem, this.changeTracking, this.disabledAccounts, this.primaryAccount,
				this.secondaryAccountPattern, this.pageSize, this.connectTimeout, this.readTimeout,
				this.deletedObjectsDn, this.personUuidAttribute);
	}

	public AdConfiguration withTimeouts(Duration connect, Duration read) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email,
				this.emailAttribute, this.phone, this.phoneAttribute, this.title, this.titleAttribute,
				this.titleAddressType, this.addressVisibility, this.itSystem, this.changeTracking,
				this.disabledAccounts, this.primaryAccount, this.secondaryAccountPattern, this.pageSize, connect, read,
				this.deletedObjectsDn, this.personUuidAttribute);
	}

	public AdConfiguration withUrl(String url, String password) {
		return new AdConfiguration(this.name, this.mode, url, this.bindDn, password, this.baseDns, this.filter,
				this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email, this.emailAttribute,
				this.phone, this.phoneAttribute, this.title, this.titleAttribute, this.titleAddressType,
				this.addressVisibility, this.itSystem, this.changeTracking, this.disabledAccounts, this.primaryAccount,
				this.secondaryAccountPattern, this.pageSize, this.connectTimeout, this.readTimeout,
				this.deletedObjectsDn, this.personUuidAttribute);
	}

	public AdConfiguration withTitle(String addressType) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email,
				this.emailAttribute, this.phone, this.phoneAttribute, addressType != null, this.titleAttribute,
				addressType, this.addressVisibility, this.itSystem, this.changeTracking, this.disabledAccounts,
				this.primaryAccount, this.secondaryAccountPattern, this.pageSize, this.connectTimeout, this.readTimeout,
				this.deletedObjectsDn, this.personUuidAttribute);
	}

	public AdConfiguration withPrimary(PrimaryAccount primary, String secondaryPattern, DisabledAccounts disabled) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email,
				this.emailAttribute, this.phone, this.phoneAttribute, this.title, this.titleAttribute,
				this.titleAddressType, this.addressVisibility, this.itSystem, this.changeTracking, disabled, primary,
				secondaryPattern, this.pageSize, this.connectTimeout, this.readTimeout, this.deletedObjectsDn,
				this.personUuidAttribute);
	}

	/**
	 * Other base DNs; the tombstone container is {@code deletedObjectsDn}, or the default
	 * for the first base DN when it is {@code null}.
	 */
	public AdConfiguration withBaseDns(List<String> baseDns, String deletedObjectsDn) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, baseDns, this.filter,
				this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email, this.emailAttribute,
				this.phone, this.phoneAttribute, this.title, this.titleAttribute, this.titleAddressType,
				this.addressVisibility, this.itSystem, this.changeTracking, this.disabledAccounts, this.primaryAccount,
				this.secondaryAccountPattern, this.pageSize, this.connectTimeout, this.readTimeout, deletedObjectsDn,
				this.personUuidAttribute);
	}

	public AdConfiguration withPageSize(int size) {
		return new AdConfiguration(this.name, this.mode, this.url, this.bindDn, this.password, this.baseDns,
				this.filter, this.cprAttribute, this.cprSeparator, this.accountNameAttribute, this.email,
				this.emailAttribute, this.phone, this.phoneAttribute, this.title, this.titleAttribute,
				this.titleAddressType, this.addressVisibility, this.itSystem, this.changeTracking,
				this.disabledAccounts, this.primaryAccount, this.secondaryAccountPattern, size, this.connectTimeout,
				this.readTimeout, this.deletedObjectsDn, this.personUuidAttribute);
	}

	/**
	 * The attribute with the account's stable id: objectGUID on AD, entryUUID otherwise.
	 */
	public String idAttribute() {
		return (this.mode == Mode.AD) ? "objectGUID" : "entryUUID";
	}

	/**
	 * The attribute with the creation time: whenCreated on AD, createTimestamp otherwise.
	 */
	public String createdAttribute() {
		return (this.mode == Mode.AD) ? "whenCreated" : "createTimestamp";
	}

	/** The attribute the change feed follows. */
	public String trackingAttribute() {
		return (this.changeTracking == ChangeTracking.USN_CHANGED) ? "uSNChanged" : "modifyTimestamp";
	}

	/**
	 * Checks every setting without the network.
	 * @throws AdapterConfigurationException naming the first wrong setting
	 */
	public void validate() {
		if (!NAME.matcher(this.name).matches()) {
			throw wrong("name", "must be lower-case letters, digits and dashes, was '" + this.name + "'");
		}
		validateUrl();
		if (this.bindDn == null || this.bindDn.isBlank()) {
			throw wrong("bind-dn", "is required");
		}
		dn("bind-dn", this.bindDn);
		if (this.password == null || this.password.isEmpty()) {
			throw wrong("password", "is required; set the environment variable " + PASSWORD_VARIABLE);
		}
		if (this.baseDns.isEmpty()) {
			throw wrong("base-dns", "needs at least one DN");
		}
		for (String base : this.baseDns) {
			dn("base-dns", base);
		}
		validateFilter();
		attribute("cpr-attribute", this.cprAttribute);
		if (this.cprSeparator.chars().anyMatch(Character::isDigit)) {
			throw wrong("cpr-separator", "must not contain digits, was '" + this.cprSeparator + "'");
		}
		attribute("account-name-attribute", this.accountNameAttribute);
		attribute("email-attribute", this.emailAttribute);
		attribute("phone-attribute", this.phoneAttribute);
		attribute("title-attribute", this.titleAttribute);
		if (this.personUuidAttribute != null) {
			attribute("person-uuid-attribute", this.personUuidAttribute);
		}
		if (this.title && (this.titleAddressType == null || this.titleAddressType.isBlank())) {
			throw wrong("title-address-type",
					"is required when title is true: the user key of an address type class for job titles");
		}
		if (this.secondaryAccountPattern != null) {
			try {
				Pattern.compile(this.secondaryAccountPattern);
			}
			catch (PatternSyntaxException ex) {
				throw wrong("secondary-account-pattern", "is not a regular expression: " + ex.getDescription());
			}
		}
		if (this.pageSize < 1 || this.pageSize > 100_000) {
			throw wrong("page-size", "must be between 1 and 100000, was " + this.pageSize);
		}
		positive("connect-timeout", this.connectTimeout);
		positive("read-timeout", this.readTimeout);
		if (this.deletedObjectsDn != null && !this.deletedObjectsDn.isEmpty()) {
			dn("deleted-objects-dn", this.deletedObjectsDn);
		}
	}

	/** Whether an incremental run reads AD's tombstones to find deleted accounts. */
	boolean readsTombstones() {
		return this.mode == Mode.AD && this.changeTracking == ChangeTracking.USN_CHANGED
				&& this.deletedObjectsDn != null && !this.deletedObjectsDn.isEmpty();
	}

	@Override
	public String toString() {
		return "AdConfiguration[name=" + this.name + ", mode=" + this.mode + ", url=" + this.url + ", bindDn="
				+ this.bindDn + ", password=" + ((this.password != null) ? "(secret)" : "(none)") + ", baseDns="
				+ this.baseDns + ", filter=" + this.filter + ", cprAttribute=" + this.cprAttribute + ", changeTracking="
				+ this.changeTracking + "]";
	}

	private void validateUrl() {
		if (this.url == null || this.url.isBlank()) {
			throw wrong("url", "is required, e.g. ldaps://dc01.kommune.local:636");
		}
		try {
			URI uri = new URI(this.url.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
				throw wrong("url", "must start with ldap:// or ldaps://, was '" + this.url + "'");
			}
			if (uri.getHost() == null) {
				throw wrong("url", "has no host: '" + this.url + "'");
			}
		}
		catch (URISyntaxException ex) {
			throw wrong("url", "is not a URL: " + ex.getMessage());
		}
	}

	private void validateFilter() {
		String f = this.filter.trim();
		int depth = 0;
		for (int i = 0; i < f.length(); i++) {
			char c = f.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth < 0) {
					break;
				}
			}
		}
		if (!f.startsWith("(") || !f.endsWith(")") || depth != 0) {
			throw wrong("filter", "is not an LDAP filter in balanced parentheses: '" + this.filter + "'");
		}
	}

	private static void dn(String key, String value) {
		try {
			new LdapName(value);
		}
		catch (InvalidNameException | IllegalArgumentException ex) {
			throw wrong(key, "'" + value + "' is not a distinguished name");
		}
	}

	private static void attribute(String key, String value) {
		if (!ATTRIBUTE.matcher(value).matches()) {
			throw wrong(key, "'" + value + "' is not an attribute name");
		}
	}

	private static void positive(String key, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw wrong(key, "must be positive, was " + value);
		}
	}

	private static AdapterConfigurationException wrong(String key, String message) {
		return new AdapterConfigurationException(PREFIX + "." + key + " " + message);
	}

	private static String orDefault(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static String deletedObjectsOf(String baseDn) {
		try {
			StringBuilder domain = new StringBuilder();
			List<Rdn> rdns = new LdapName(baseDn).getRdns();
			for (int i = rdns.size() - 1; i >= 0; i--) {
				Rdn rdn = rdns.get(i);
				if (rdn.getType().equalsIgnoreCase("DC")) {
					domain.append((domain.length() > 0) ? "," : "").append(rdn);
				}
			}
			return (domain.length() > 0) ? "CN=Deleted Objects," + domain : null;
		}
		catch (InvalidNameException | IllegalArgumentException ex) {
			return null;
		}
	}

}
