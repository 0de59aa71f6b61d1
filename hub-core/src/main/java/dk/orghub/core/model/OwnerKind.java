package dk.orghub.core.model;

/** What an {@link Address} belongs to. */
public enum OwnerKind {

	ORG_UNIT(ObjectType.ORG_UNIT), PERSON(ObjectType.PERSON), ENGAGEMENT(ObjectType.ENGAGEMENT);

	private final ObjectType objectType;

	OwnerKind(ObjectType objectType) {
		this.objectType = objectType;
	}

	public ObjectType objectType() {
		return this.objectType;
	}

}
