package dk.orghub.samples.ldap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFWriter;

/**
 * Writes the sample accounts as directory entries and LDIF, in the shape of Active
 * Directory or of a standard inetOrgPerson directory ({@link SampleDirectory}).
 * <p>
 * On AD every account has {@code objectGUID} (the 16 bytes in AD's order: the first three
 * fields little-endian), {@code sAMAccountName}, {@code userPrincipalName}, {@code mail},
 * {@code telephoneNumber}, {@code title}, {@code userAccountControl} (512 enabled, 514
 * disabled), {@code whenCreated}, {@code uSNCreated} and {@code uSNChanged} (from
 * {@link #FIRST_USN} on) and the CPR number where the account has one. On a standard
 * directory the server adds {@code entryUUID} and {@code modifyTimestamp} itself.
 */
public final class SampleLdif {

	/** The update sequence number of the first account. */
	public static final long FIRST_USN = 20_000;

	private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMdd");

	private SampleLdif() {
	}

	/** The entries of the directory: the base, the OUs, then one per account. */
	public static List<Entry> entries(SampleDirectory directory, SampleAccounts accounts) {
		List<Entry> entries = new ArrayList<>(accounts.all().size() + 6);
		entries.add(base(directory));
		for (String ou : List.of(SampleAccounts.EMPLOYEES, SampleAccounts.EXTERNALS, SampleAccounts.SERVICES)) {
			Entry entry = new Entry(directory.ouDn(ou));
			entry.addAttribute("objectClass", "top", "organizationalUnit");
			entry.addAttribute("ou", ou);
			entries.add(entry);
		}
		if (directory.isActiveDirectory()) {
			Entry deleted = new Entry(directory.deletedObjectsDn());
			deleted.addAttribute("objectClass", "top", "container");
			deleted.addAttribute("cn", "Deleted Objects");
			deleted.addAttribute("isDeleted", "TRUE");
			entries.add(deleted);
		}
		long usn = FIRST_USN;
		for (SampleAccount account : accounts.all()) {
			if (!directory.isActiveDirectory() && !account.enabled()) {
				continue;
			}
			entries.add(entry(directory, account, usn++));
		}
		return entries;
	}

	/** Writes the directory as LDIF (UTF-8, non-ASCII and binary values base64). */
	public static void write(SampleDirectory directory, SampleAccounts accounts, OutputStream out) throws IOException {
		LDIFWriter writer = new LDIFWriter(out);
		for (Entry entry : entries(directory, accounts)) {
			writer.writeEntry(entry);
		}
		writer.flush();
	}

	/** The entry of one account, with {@code usn} as its update sequence number (AD). */
	public static Entry entry(SampleDirectory directory, SampleAccount account, long usn) {
		Entry entry = new Entry(directory.dn(account));
		if (directory.isActiveDirectory()) {
			entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
			entry.addAttribute("cn", account.accountName());
			entry.addAttribute("sAMAccountName", account.accountName());
			entry.addAttribute("userPrincipalName", account.userPrincipalName());
			entry.addAttribute("objectGUID", guidBytes(account.id()));
			entry.addAttribute("userAccountControl", account.enabled() ? "512" : "514");
			entry.addAttribute("whenCreated", generalizedTime(account.created()));
			entry.addAttribute("uSNCreated", Long.toString(usn));
			entry.addAttribute("uSNChanged", Long.toString(usn));
			entry.addAttribute("objectCategory", "CN=Person,CN=Schema,CN=Configuration," + directory.baseDn());
			entry.addAttribute("displayName", account.displayName());
		}
		else {
			entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
			entry.addAttribute("uid", account.accountName());
			entry.addAttribute("cn", account.displayName());
		}
		entry.addAttribute("sn", account.surname());
		if (account.givenName() != null) {
			entry.addAttribute("givenName", account.givenName());
		}
		if (account.mail() != null) {
			entry.addAttribute("mail", account.mail());
		}
		if (account.phone() != null) {
			entry.addAttribute("telephoneNumber", account.phone());
		}
		if (account.title() != null) {
			entry.addAttribute("title", account.title());
		}
		if (account.cpr() != null) {
			entry.addAttribute(directory.cprAttribute(), directory.cprValue(account.cpr()));
		}
		return entry;
	}

	/**
	 * The 16 bytes AD stores for a GUID: the first three fields little-endian, the last
	 * eight as they are.
	 */
	public static byte[] guidBytes(UUID guid) {
		byte[] big = ByteBuffer.allocate(16)
			.putLong(guid.getMostSignificantBits())
			.putLong(guid.getLeastSignificantBits())
			.array();
		byte[] ad = big.clone();
		int[] order = { 3, 2, 1, 0, 5, 4, 7, 6 };
		for (int i = 0; i < order.length; i++) {
			ad[i] = big[order[i]];
		}
		return ad;
	}

	/** A date as AD's generalized time at midnight UTC ({@code 20240101000000.0Z}). */
	public static String generalizedTime(LocalDate date) {
		return GENERALIZED.format(date) + "000000.0Z";
	}

	private static Entry base(SampleDirectory directory) {
		Entry entry = new Entry(directory.baseDn());
		entry.addAttribute("objectClass", "top", "domain");
		entry.addAttribute("dc", "samplekommune");
		return entry;
	}

}
