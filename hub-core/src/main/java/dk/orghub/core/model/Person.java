package dk.orghub.core.model;

import java.util.Objects;
import java.util.UUID;

/**
 * A person. The CPR number is sensitive: {@link #toString()} never shows it, and the user
 * key must never be the CPR number.
 *
 * @param cpr ten digits, may be {@code null} when unknown
 */
public record Person(UUID uuid, String userKey, String cpr, String givenName, String surname,
		String nickname) implements OrgObject {

	public Person {
		Objects.requireNonNull(uuid, "uuid");
	}

	/** This person without the CPR number, for callers that did not ask for it. */
	public Person withoutCpr() {
		return new Person(this.uuid, this.userKey, null, this.givenName, this.surname, this.nickname);
	}

	@Override
	public String toString() {
		return "Person[uuid=" + this.uuid + ", userKey=" + this.userKey + ", cpr=" + Cpr.mask(this.cpr) + ", givenName="
				+ this.givenName + ", surname=" + this.surname + ", nickname=" + this.nickname + "]";
	}

}
