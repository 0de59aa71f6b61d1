package dk.orghub.adapters.ad;

import java.time.LocalDate;

/**
 * One directory account as read, checked and normalised.
 *
 * @param id the stable id: the objectGUID as a UUID string (AD) or the entryUUID
 * @param cpr ten digits, or {@code null} when the account has none
 * @param created the creation date, {@code null} when unknown
 * @param token the value of the change-tracking attribute, {@code null} when absent
 */
record Account(String dn, String id, String accountName, String cpr, String mail, String phone, String title,
		boolean enabled, LocalDate created, String token) {

	String label() {
		return "'" + this.accountName + "' (" + this.dn + ")";
	}

}
