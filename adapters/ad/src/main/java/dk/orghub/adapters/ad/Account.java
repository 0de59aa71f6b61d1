package dk.orghub.adapters.ad;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One directory account as read, checked and normalised.
 *
 * @param id the stable id: the objectGUID as a UUID string (AD) or the entryUUID
 * @param cpr ten digits, or {@code null} when the account has none
 * @param created the creation date, {@code null} when unknown
 * @param token the value of the change-tracking attribute, {@code null} when absent
 * @param personUuid the person's UUID from the person-UUID attribute, {@code null} when
 * none is configured or the account has none
 */
record Account(String dn, String id, String accountName, String cpr, String mail, String phone, String title,
		boolean enabled, LocalDate created, String token, UUID personUuid) {

	String label() {
		return "'" + this.accountName + "' (" + this.dn + ")";
	}

}
