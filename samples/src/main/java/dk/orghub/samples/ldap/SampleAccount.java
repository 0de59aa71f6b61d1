package dk.orghub.samples.ldap;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One generated directory account.
 *
 * @param id the account's GUID (objectGUID in AD), random from the seed, never from a CPR
 * number
 * @param accountName sAMAccountName (AD) or uid
 * @param ou the organisational unit the account lives in:
 * {@link SampleAccounts#EMPLOYEES}, {@link SampleAccounts#EXTERNALS} or
 * {@link SampleAccounts#SERVICES}
 * @param mail may be {@code null}
 * @param phone may be {@code null}
 * @param title may be {@code null}
 * @param cpr ten digits, or {@code null} for an account without one (service accounts)
 * @param person the sample person the account belongs to, {@code null} when none
 * @param created the day the account was created
 */
public record SampleAccount(UUID id, String accountName, String ou, Kind kind, String givenName, String surname,
		String mail, String phone, String title, boolean enabled, String cpr, UUID person, LocalDate created) {

	/** Why the account exists. */
	public enum Kind {

		/** An employee's (first) account. */
		EMPLOYEE,
		/** An employee's second account (an administrator account, for example). */
		SECOND,
		/** The account of a person whose engagements all ended: disabled. */
		LEAVER,
		/** A consultant with a CPR number that is no person of the municipality. */
		EXTERNAL,
		/** A technical account with no CPR number. */
		SERVICE

	}

	public SampleAccount {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(accountName, "accountName");
		Objects.requireNonNull(ou, "ou");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(created, "created");
	}

	/** The value of {@code userPrincipalName}. */
	public String userPrincipalName() {
		return this.accountName + "@" + SampleAccounts.DOMAIN;
	}

	public String displayName() {
		return (this.givenName != null) ? this.givenName + " " + this.surname : this.surname;
	}

	@Override
	public String toString() {
		return "SampleAccount[" + this.accountName + ", " + this.kind + ", enabled=" + this.enabled + ", id=" + this.id
				+ "]";
	}

}
