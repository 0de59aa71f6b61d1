package dk.orghub.core.model;

/**
 * The kinds of object in the canonical model, each with its Java type and API name.
 */
public enum ObjectType {

	ORGANISATION(Organisation.class, "organisations"),

	ORG_UNIT(OrgUnit.class, "org-units"),

	PERSON(Person.class, "persons"),

	ENGAGEMENT(Engagement.class, "engagements"),

	ASSOCIATION(Association.class, "associations"),

	MANAGER(Manager.class, "managers"),

	ADDRESS(Address.class, "addresses"),

	IT_USER(ItUser.class, "it-users"),

	KLE(Kle.class, "kle"),

	FACET(Facet.class, "facets"),

	KLASSE(Klasse.class, "classes");

	private final Class<? extends OrgObject> javaType;

	private final String collection;

	ObjectType(Class<? extends OrgObject> javaType, String collection) {
		this.javaType = javaType;
		this.collection = collection;
	}

	public Class<? extends OrgObject> javaType() {
		return this.javaType;
	}

	/** The plural name used in the REST API and in logs, e.g. {@code org-units}. */
	public String collection() {
		return this.collection;
	}

	public static ObjectType of(OrgObject object) {
		for (ObjectType type : values()) {
			if (type.javaType.isInstance(object)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown object " + object.getClass());
	}

}
