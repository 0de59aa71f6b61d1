package dk.orghub.samples.municipality;

import java.util.List;

/**
 * The forvaltninger (NY1) of the sample municipality and their areas (NY2), with the
 * share of the employees each has.
 */
final class Departments {

	/**
	 * An area (NY2) of a department.
	 *
	 * @param weight share of the department's employees
	 * @param kind the kind of institution the area runs
	 * @param sections names of its NY3 sections, or empty for districts named by
	 * direction
	 */
	record Area(String name, int weight, InstitutionKind kind, List<String> sections) {

	}

	/**
	 * A department (NY1).
	 *
	 * @param losShortName the short name of the payout unit in LOS
	 * @param weight share of the municipality's employees
	 * @param kle KLE numbers of the department's tasks (in KLE's format; the subjects are
	 * indicative only)
	 */
	record Department(String name, String losShortName, int weight, List<Area> areas, List<String> kle) {

	}

	/** The districts of an area whose sections are not named. */
	static final List<String> DIRECTIONS = List.of("Nord", "Syd", "Øst", "Vest", "Midt", "Nordøst", "Nordvest",
			"Sydøst", "Sydvest", "Centrum");

	/** The functions an office of a section is named after. */
	static final List<String> OFFICE_FUNCTIONS = List.of("Sagsbehandling", "Drift", "Udvikling", "Service",
			"Sekretariat", "Kvalitet", "Rådgivning", "Analyse");

	static final List<Department> ALL = List.of(
			new Department("Børn og Unge", "BU", 34,
					List.of(new Area("Skoler", 55, InstitutionKind.SCHOOL, List.of()),
							new Area("Dagtilbud", 38, InstitutionKind.DAYCARE, List.of()),
							new Area("Sundhedspleje og Tandpleje", 7, InstitutionKind.CLINIC, List.of())),
					List.of("17.01.00", "17.02.05", "17.18.00", "28.01.00", "28.24.00", "28.28.00")),
			new Department("Social og Sundhed", "SS", 30,
					List.of(new Area("Pleje og Omsorg", 55, InstitutionKind.CARE_HOME, List.of()),
							new Area("Hjemmepleje", 30, InstitutionKind.HOME_CARE, List.of()),
							new Area("Handicap og Psykiatri", 15, InstitutionKind.RESIDENCE, List.of())),
					List.of("27.24.00", "27.12.00", "27.36.00", "29.03.00", "29.15.00", "32.18.00")),
			new Department("Teknik og Miljø", "TM", 9,
					List.of(new Area("Vej og Park", 55, InstitutionKind.DEPOT, List.of()),
							new Area("Byg, Plan og Miljø", 45, InstitutionKind.OFFICE,
									List.of("Byggesag", "Plan", "Miljø og Natur"))),
					List.of("01.02.00", "02.00.00", "05.01.00", "05.04.00", "09.02.00")),
			new Department("Kultur og Fritid", "KF", 6,
					List.of(new Area("Biblioteker", 50, InstitutionKind.LIBRARY, List.of()),
							new Area("Fritid og Idræt", 50, InstitutionKind.LEISURE, List.of())),
					List.of("18.00.00", "18.15.00", "18.20.00", "20.00.00")),
			new Department("Økonomi og Administration", "ØA", 11,
					List.of(new Area("Økonomi", 30, InstitutionKind.OFFICE,
							List.of("Budget og Analyse", "Regnskab", "Indkøb og Udbud")),
							new Area("HR og Personale", 20, InstitutionKind.OFFICE,
									List.of("Løn", "Personalejura", "Arbejdsmiljø")),
							new Area("IT og Digitalisering", 20, InstitutionKind.OFFICE,
									List.of("Drift og Support", "Digitalisering", "Informationssikkerhed")),
							new Area("Borgerservice", 30, InstitutionKind.OFFICE,
									List.of("Borgerservice", "Opkrævning", "Pas og Kørekort"))),
					List.of("00.01.00", "00.05.00", "81.00.00", "82.00.00", "85.02.00")),
			new Department("Beskæftigelse", "BE", 10,
					List.of(new Area("Jobcenter", 70, InstitutionKind.JOBCENTER, List.of()),
							new Area("Ydelsesservice", 30, InstitutionKind.OFFICE,
									List.of("Kontanthjælp", "Sygedagpenge", "Boligstøtte"))),
					List.of("15.00.00", "15.20.00", "15.24.00", "23.00.00")));

	private Departments() {
	}

}
