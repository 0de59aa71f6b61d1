package dk.orghub.samples.municipality;

import java.util.List;

/**
 * The kinds of institution (NY4 units) the generator builds: how they are named, how
 * large they are, how they split into teams, who works there and when they are open.
 */
enum InstitutionKind {

	SCHOOL("{}skolen", "{} Skole", 45, 110, 40, 30, "Kontoret: mandag-fredag 7.30-15.00",
			List.of("Indskoling", "Mellemtrin", "Udskoling", "SFO", "Specialcenter", "Administration",
					"Teknisk service"),
			Weighted.of("Lærer", 60, "Pædagog", 14, "Pædagogmedhjælper", 8, "Administrativ medarbejder", 4,
					"Rengøringsassistent", 5, "Håndværker", 2, "Psykolog", 1, "Konsulent", 2, "Elev", 2)),

	DAYCARE("Børnehuset {}", "{} Børnehave", 10, 35, 28, 16, "Mandag-torsdag 6.30-17.00\nFredag 6.30-16.00",
			List.of("Vuggestue", "Børnehave", "Køkken"),
			Weighted.of("Pædagog", 50, "Pædagogmedhjælper", 38, "Køkkenmedhjælper", 5, "Rengøringsassistent", 2, "Elev",
					5)),

	CLINIC("Tandklinik {}", "{} Tandpleje", 8, 25, 20, 12, "Mandag-torsdag 7.30-15.30\nFredag 7.30-12.00",
			List.of("Klinik", "Sundhedspleje", "Visitation"),
			Weighted.of("Tandplejer", 45, "Sygeplejerske", 35, "Administrativ medarbejder", 15, "Elev", 5)),

	CARE_HOME("Plejecenter {}", "{} Plejehjem", 40, 120, 35, 28, null,
			List.of("Afsnit A", "Afsnit B", "Afsnit C", "Afsnit D", "Nattevagt", "Køkken", "Aktivitet"),
			Weighted.of("Social- og sundhedsassistent", 35, "Social- og sundhedshjælper", 30, "Sygeplejerske", 10,
					"Ergoterapeut", 4, "Fysioterapeut", 3, "Køkkenmedhjælper", 6, "Rengøringsassistent", 5, "Elev", 5,
					"Administrativ medarbejder", 2)),

	HOME_CARE("Hjemmepleje {}", "{} Hjemmeplejegruppe", 30, 90, 30, 24, null,
			List.of("Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4", "Aftengruppe", "Natgruppe"),
			Weighted.of("Social- og sundhedshjælper", 45, "Social- og sundhedsassistent", 30, "Sygeplejerske", 12,
					"Ergoterapeut", 3, "Elev", 7, "Administrativ medarbejder", 3)),

	RESIDENCE("Bostedet {}", "{} Botilbud", 15, 45, 30, 20, null, List.of("Bo 1", "Bo 2", "Bo 3", "Dagtilbud"),
			Weighted.of("Pædagog", 45, "Social- og sundhedsassistent", 25, "Pædagogmedhjælper", 15, "Sygeplejerske", 5,
					"Psykolog", 3, "Køkkenmedhjælper", 4, "Elev", 3)),

	DEPOT("Driftsgården {}", "{} Materielgård", 15, 50, 30, 20, "Mandag-fredag 7.00-15.00",
			List.of("Vej", "Park", "Værksted", "Vintertjeneste"),
			Weighted.of("Håndværker", 70, "Ingeniør", 8, "Administrativ medarbejder", 7, "Konsulent", 5, "Elev", 10)),

	LIBRARY("{} Bibliotek", "{} Folkebibliotek", 8, 25, 20, 12,
			"Mandag-søndag 7.00-22.00 (selvbetjent)\nMed betjening: mandag-fredag 10.00-17.00",
			List.of("Udlån", "Børn og Unge", "Formidling"),
			Weighted.of("Konsulent", 30, "Administrativ medarbejder", 45, "Fuldmægtig", 15, "IT-medarbejder", 5, "Elev",
					5)),

	LEISURE("Fritidscenter {}", "{} Fritidshus", 8, 30, 20, 12, "Mandag-fredag 13.00-21.00",
			List.of("Idræt", "Musikskole", "Ungdomsklub", "Drift"),
			Weighted.of("Pædagog", 35, "Konsulent", 20, "Håndværker", 15, "Administrativ medarbejder", 15,
					"Pædagogmedhjælper", 10, "Elev", 5)),

	JOBCENTER("Jobcenter {}", "Jobcentret {}", 30, 80, 30, 22,
			"Mandag-onsdag 9.00-14.00\nTorsdag 9.00-17.00\nFredag 9.00-12.00",
			List.of("Virksomhedsservice", "Unge", "Sygedagpenge", "Kontanthjælp", "Forsikrede ledige",
					"Rehabilitering"),
			Weighted.of("Socialrådgiver", 45, "Konsulent", 30, "Administrativ medarbejder", 12, "Psykolog", 4, "Jurist",
					3, "Fuldmægtig", 6)),

	/** An office of an administrative section; named after its section, not a place. */
	OFFICE(null, null, 8, 30, 22, 15, null, List.of("Team 1", "Team 2", "Team 3", "Team 4"),
			Weighted.of("Fuldmægtig", 35, "Konsulent", 25, "Administrativ medarbejder", 20, "Jurist", 6,
					"IT-medarbejder", 6, "Socialrådgiver", 4, "Elev", 4));

	/** Who works in the units above the institutions: staff of directors and chiefs. */
	static final Weighted ADMINISTRATION = Weighted.of("Konsulent", 35, "Fuldmægtig", 30, "Administrativ medarbejder",
			25, "Jurist", 5, "IT-medarbejder", 5);

	private final String namePattern;

	private final String formerNamePattern;

	private final int minSize;

	private final int maxSize;

	private final int teamThreshold;

	private final int teamSize;

	private final String openingHours;

	private final List<String> teams;

	private final Weighted jobs;

	InstitutionKind(String namePattern, String formerNamePattern, int minSize, int maxSize, int teamThreshold,
			int teamSize, String openingHours, List<String> teams, Weighted jobs) {
		this.namePattern = namePattern;
		this.formerNamePattern = formerNamePattern;
		this.minSize = minSize;
		this.maxSize = maxSize;
		this.teamThreshold = teamThreshold;
		this.teamSize = teamSize;
		this.openingHours = openingHours;
		this.teams = teams;
		this.jobs = jobs;
	}

	/** Whether institutions of this kind are named after a place. */
	boolean namedByPlace() {
		return this.namePattern != null;
	}

	String name(String place) {
		return this.namePattern.replace("{}", place);
	}

	/** The name the institution had before a rename, or {@code null}. */
	String formerName(String place) {
		return (this.formerNamePattern != null) ? this.formerNamePattern.replace("{}", place) : null;
	}

	int minSize() {
		return this.minSize;
	}

	int maxSize() {
		return this.maxSize;
	}

	double averageSize() {
		return (this.minSize + this.maxSize) / 2.0;
	}

	/** How many teams an institution of {@code size} employees has (0 = none). */
	int teamCount(int size) {
		return (size < this.teamThreshold) ? 0 : Math.max(2, Math.round((float) size / this.teamSize));
	}

	/** The name of the {@code index}th team (from 0) of an institution of this kind. */
	String teamName(int index) {
		String name = this.teams.get(index % this.teams.size());
		int round = index / this.teams.size();
		return (round == 0) ? name : name + " " + (round + 1);
	}

	/** Opening hours, several lines, or {@code null} when not open to the public. */
	String openingHours() {
		return this.openingHours;
	}

	Weighted jobs() {
		return this.jobs;
	}

}
