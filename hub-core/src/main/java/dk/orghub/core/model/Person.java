package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A person. The CPR number is sensitive: {@link #toString()} never shows it, and the user
 * key must never be the CPR number.
 *
 * @param cpr ten digits, may be {@code null} when unknown or when the person has none
 * @param noCprReason why the person has no CPR number (e.g. a consultant living abroad);
 * {@code null} for a person who has one or whose number is only unknown; never set
 * together with {@code cpr}
 */
public record Person(UUID uuid, String userKey, String cpr, String givenName, String surname, String nickname,
		String noCprReason) implements OrgObject {

	public Person {
		Objects.requireNonNull(uuid, "uuid");
	}

	/** A person not marked as being without a CPR number. */
	public Person(UUID uuid, String userKey, String cpr, String givenName, String surname, String nickname) {
		this(uuid, userKey, cpr, givenName, surname, nickname, null);
	}

	/** Whether the person is known to have no CPR number. */
	public boolean hasNoCpr() {
		return this.noCprReason != null;
	}

	/** This person without the CPR number, for callers that did not ask for it. */
	public Person withoutCpr() {
		return new Person(this.uuid, this.userKey, null, this.givenName, this.surname, this.nickname, this.noCprReason);
	}

	@Override
	public String toString() {
		return "Person[uuid=" + this.uuid + ", userKey=" + this.userKey + ", cpr=" + Cpr.mask(this.cpr) + ", givenName="
				+ this.givenName + ", surname=" + this.surname + ", nickname=" + this.nickname + ", noCprReason="
				+ this.noCprReason + "]";
	}

}
