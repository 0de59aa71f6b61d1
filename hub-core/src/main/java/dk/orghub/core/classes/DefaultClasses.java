package dk.orghub.core.classes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.AddressScope;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.Klasse;

/**
 * The facets and classes every hub starts with, seeded by a migration. Their UUIDs are
 * name-based from the facet and the class's user key, so every installation has the same
 * ones. More classes are added by configuration ({@code hub.classes}).
 */
public final class DefaultClasses {

	public static final String ORG_UNIT_TYPE = "org_unit_type";

	public static final String ORG_UNIT_LEVEL = "org_unit_level";

	public static final String JOB_FUNCTION = "job_function";

	public static final String ENGAGEMENT_TYPE = "engagement_type";

	public static final String ADDRESS_TYPE = "address_type";

	public static final String VISIBILITY = "visibility";

	public static final String MANAGER_TYPE = "manager_type";

	public static final String MANAGER_LEVEL = "manager_level";

	public static final String RESPONSIBILITY = "responsibility";

	public static final String KLE_ASPECT = "kle_aspect";

	public static final String IT_SYSTEM = "it_system";

	public static final String ASSOCIATION_TYPE = "association_type";

	public static final String ORG_UNIT_HIERARCHY = "org_unit_hierarchy";

	/** The hierarchy of every unit that names none: the line organisation. */
	public static final UUID LINE_ORGANISATION = classUuid(ORG_UNIT_HIERARCHY, "Linjeorganisation");

	/** The hierarchy of the MED organisation (work-environment and co-determination). */
	public static final UUID MED_ORGANISATION = classUuid(ORG_UNIT_HIERARCHY, "MED-organisation");

	/** The hierarchy of project organisations. */
	public static final UUID PROJECT_ORGANISATION = classUuid(ORG_UNIT_HIERARCHY, "Projektorganisation");

	private static final List<Facet> FACETS = new ArrayList<>();

	private static final List<Klasse> CLASSES = new ArrayList<>();

	static {
		facet(ORG_UNIT_TYPE, "Unit types (Enhedstype)", "Afdeling", "Team");
		facet(ORG_UNIT_LEVEL, "Unit levels", "NY0-niveau", "NY1-niveau", "NY2-niveau", "NY3-niveau", "NY4-niveau",
				"NY5-niveau", "NY6-niveau", "Afdelings-niveau");
		facet(JOB_FUNCTION, "Job functions", "Direktør", "Chef", "Leder", "Konsulent", "Fuldmægtig",
				"Administrativ medarbejder", "Socialrådgiver", "Sygeplejerske", "Social- og sundhedsassistent",
				"Social- og sundhedshjælper", "Pædagog", "Pædagogmedhjælper", "Lærer", "Ergoterapeut", "Fysioterapeut",
				"Psykolog", "Jurist", "Ingeniør", "IT-medarbejder", "Tandplejer", "Rengøringsassistent",
				"Køkkenmedhjælper", "Håndværker", "Elev");
		facet(ENGAGEMENT_TYPE, "Engagement types", "Månedslønnet", "Timelønnet", "Elev", "Fleksjob", "Vikar");
		facet(VISIBILITY, "Visibility of addresses", "PUBLIC", "INTERNAL", "SECRET");
		facet(MANAGER_TYPE, "Manager types", "Direktør", "Chef", "Leder", "Teamleder");
		facet(MANAGER_LEVEL, "Manager levels", "Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4");
		facet(RESPONSIBILITY, "Manager responsibilities", "Personaleansvar", "Budgetansvar", "MED-ansvar");
		facet(KLE_ASPECT, "KLE aspects", "Ansvarlig", "Udførende", "Indsigt");
		facet(IT_SYSTEM, "IT systems", "Active Directory");
		facet(ASSOCIATION_TYPE, "Association types: how a person without a payroll employment is tied to a unit",
				"Praktikant", "Ekstern konsulent", "Politiker", "Frivillig", "Vikar", "Arbejdsmiljørepræsentant",
				"Tillidsrepræsentant", "Udvalgsformand", "Udvalgsmedlem");
		facet(ORG_UNIT_HIERARCHY, "Unit hierarchies: each is its own tree", "Linjeorganisation", "MED-organisation",
				"Projektorganisation");
		FACETS.add(new Facet(facetUuid(ADDRESS_TYPE), ADDRESS_TYPE, "Address types"));
		address("EMAIL", "E-mail", AddressScope.EMAIL);
		address("PHONE", "Phone", AddressScope.PHONE);
		address("POSTAL", "Postal address", AddressScope.TEXT);
		address("RETURN_ADDRESS", "Return address", AddressScope.TEXT);
		address("LOCATION", "Location", AddressScope.TEXT);
		address("EAN", "EAN number", AddressScope.EAN);
		address("PNUMBER", "P-number", AddressScope.PNUMBER);
		address("SE", "SE number", AddressScope.CVR);
		address("CVR", "CVR number", AddressScope.CVR);
		address("OPENING_HOURS", "Opening hours", AddressScope.MULTILINE_TEXT);
		address("PHONE_HOURS", "Phone hours", AddressScope.MULTILINE_TEXT);
		address("WWW", "Web address", AddressScope.WWW);
		address("LOS_SHORT_NAME", "LOS short name", AddressScope.TEXT);
		address("CONTACT_PLACE", "Contact place (Henvendelsessted)", AddressScope.TEXT);
		address("TITLE", "Job title (from the directory)", AddressScope.TEXT);
	}

	private DefaultClasses() {
	}

	public static List<Facet> facets() {
		return List.copyOf(FACETS);
	}

	public static List<Klasse> classes() {
		return List.copyOf(CLASSES);
	}

	public static UUID facetUuid(String facet) {
		return nameUuid("orghub:facet:" + facet);
	}

	/** The UUID of a class, whether or not it is one of the defaults. */
	public static UUID classUuid(String facet, String userKey) {
		return nameUuid("orghub:class:" + facet + ":" + userKey);
	}

	private static void facet(String name, String description, String... classes) {
		FACETS.add(new Facet(facetUuid(name), name, description));
		for (String userKey : classes) {
			CLASSES.add(new Klasse(classUuid(name, userKey), userKey, facetUuid(name), userKey, null));
		}
	}

	private static void address(String userKey, String title, AddressScope scope) {
		CLASSES
			.add(new Klasse(classUuid(ADDRESS_TYPE, userKey), userKey, facetUuid(ADDRESS_TYPE), title, scope.name()));
	}

	private static UUID nameUuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
