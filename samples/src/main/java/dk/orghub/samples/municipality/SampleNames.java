package dk.orghub.samples.municipality;

import java.util.List;
import java.util.Random;

/**
 * Built-in lists of common Danish given names and surnames, and fictitious places,
 * streets and towns. Combined at random they make fictitious people and addresses.
 */
final class SampleNames {

	static final List<String> FEMALE_GIVEN_NAMES = List.of("Anne", "Kirsten", "Hanne", "Mette", "Anna", "Helle",
			"Susanne", "Lene", "Maria", "Marianne", "Inge", "Karen", "Lone", "Bente", "Camilla", "Pia", "Louise",
			"Charlotte", "Tina", "Gitte", "Ida", "Emma", "Julie", "Sofie", "Laura", "Line", "Katrine", "Malene",
			"Rikke", "Birgitte", "Signe", "Maja", "Cecilie", "Freja", "Mathilde", "Nanna", "Sara", "Trine", "Dorthe",
			"Christina");

	static final List<String> MALE_GIVEN_NAMES = List.of("Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas",
			"Søren", "Jan", "Niels", "Christian", "Martin", "Rasmus", "Morten", "Jesper", "Anders", "Mads", "Per",
			"Hans", "Ole", "Kim", "Frederik", "Mikkel", "Jacob", "Kasper", "Jonas", "Mathias", "Emil", "Magnus",
			"Oliver", "William", "Lucas", "Steen", "Torben", "Bo", "Erik", "Poul", "Kristian", "Simon", "Nikolaj",
			"Brian");

	static final List<String> SURNAMES = List.of("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen",
			"Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
			"Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
			"Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen",
			"Simonsen", "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Mogensen", "Jespersen", "Nissen", "Lauridsen",
			"Frandsen", "Østergaard", "Jepsen", "Kjær", "Carlsen", "Vestergaard", "Jessen", "Nørgaard", "Dahl", "Skov",
			"Søndergaard", "Bertelsen", "Bruun", "Lassen", "Bach", "Gregersen", "Friis", "Juhl");

	/** First halves of place names ("Skov" in "Skovbakke"). */
	static final List<String> PLACE_STEMS = List.of("Skov", "Ege", "Bøge", "Linde", "Rose", "Kilde", "Eng", "Sol",
			"Øster", "Vester", "Birke", "Hassel", "Mølle", "Strand", "Kirke", "Trane", "Ager", "Mose", "Sø", "Lærke",
			"Aske", "Grøn", "Hvede", "Syren", "Tjørne");

	/** Second halves of place names ("bakke" in "Skovbakke"). */
	static final List<String> PLACE_ENDINGS = List.of("bakke", "lund", "vang", "høj", "gård", "dal", "ly", "toft",
			"holm", "bo", "mark", "sted", "have", "vænget");

	static final List<String> STREETS = List.of("Skolevej", "Kirkevej", "Stationsvej", "Møllevej", "Parkvej", "Skovvej",
			"Engvej", "Søndergade", "Nørregade", "Vestergade", "Østergade", "Bakkevej", "Birkevej", "Egevej",
			"Lindevej", "Toftevej", "Havevej", "Strandvejen", "Industrivej", "Rosenvænget");

	/** Fictitious towns and their postal codes. */
	static final List<String> TOWNS = List.of("9991 Sampleby", "9992 Nørre Sampleby", "9993 Vester Sampleby",
			"9994 Sampleby Strand", "9995 Østerskov", "9996 Lindholt");

	private SampleNames() {
	}

	/** A given name, now and then two. */
	static String givenName(Random random, boolean male) {
		List<String> names = male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
		String first = names.get(random.nextInt(names.size()));
		if (random.nextInt(100) < 15) {
			String second = names.get(random.nextInt(names.size()));
			return second.equals(first) ? first : first + " " + second;
		}
		return first;
	}

	/** A surname, now and then with a middle name. */
	static String surname(Random random) {
		String last = SURNAMES.get(random.nextInt(SURNAMES.size()));
		if (random.nextInt(100) < 8) {
			String middle = SURNAMES.get(random.nextInt(SURNAMES.size()));
			return middle.equals(last) ? last : middle + " " + last;
		}
		return last;
	}

}
