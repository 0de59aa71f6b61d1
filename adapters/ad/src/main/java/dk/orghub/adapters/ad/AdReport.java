package dk.orghub.adapters.ad;

import java.util.List;
import java.util.UUID;

/**
 * What one run of the directory source found besides the objects it delivers: the
 * accounts it could not give to a person, the persons with several accounts that
 * disagree, and values it left out. Never holds a CPR number, only masked ones.
 *
 * @param source the source's name
 * @param run {@code snapshot} or {@code changes}
 * @param accountsRead entries read from the directory (tombstones included)
 * @param itUsers IT users delivered
 * @param disabled of those read, disabled accounts
 * @param addresses person addresses delivered
 * @param ended objects reported ended (a change feed; a snapshot ends by omission)
 */
public record AdReport(String source, String run, int accountsRead, int itUsers, int disabled, int addresses, int ended,
		List<UnmatchedAccount> unmatched, List<PersonConflict> conflicts, List<AccountWarning> warnings) {

	public AdReport {
		unmatched = List.copyOf(unmatched);
		conflicts = List.copyOf(conflicts);
		warnings = List.copyOf(warnings);
	}

	/** Why an account belongs to no person. */
	public enum Reason {

		/** The CPR attribute is empty (service and shared accounts). */
		NO_CPR,
		/** No person valid today has the CPR number. */
		UNKNOWN_CPR,
		/** Several persons have the CPR number. */
		SEVERAL_PERSONS,
		/**
		 * No CPR number, and the person-UUID attribute names no person without a CPR
		 * number valid today.
		 */
		UNKNOWN_PERSON

	}

	/**
	 * An account delivered to nobody.
	 *
	 * @param maskedCpr the CPR number masked ({@code 010203-xxxx}), {@code null} when
	 * none
	 */
	public record UnmatchedAccount(String dn, String accountName, String externalId, boolean enabled, Reason reason,
			String maskedCpr) {

	}

	/**
	 * A person matched by several enabled accounts whose e-mail, phone or title differ;
	 * the primary account's values are used.
	 *
	 * @param fields the fields that differ ({@code email}, {@code phone}, {@code title})
	 */
	public record PersonConflict(UUID person, String maskedCpr, List<String> accounts, String primary,
			List<String> fields) {

		public PersonConflict {
			accounts = List.copyOf(accounts);
			fields = List.copyOf(fields);
		}

	}

	/** A value of an account that was left out, and why. */
	public record AccountWarning(String dn, String accountName, String message) {

	}

}
