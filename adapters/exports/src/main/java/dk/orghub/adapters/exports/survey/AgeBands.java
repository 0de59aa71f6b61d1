package dk.orghub.adapters.exports.survey;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import dk.orghub.adapters.exports.Language;

/** Age bands from lower limits: under the first, between each two, and over the last. */
final class AgeBands {

	private final List<Integer> limits;

	private final Language language;

	AgeBands(List<Integer> limits, Language language) {
		this.limits = List.copyOf(limits);
		this.language = language;
	}

	/** The band of a person born on {@code birthDate}, at {@code date}. */
	String band(LocalDate birthDate, LocalDate date) {
		return bandOfAge(Period.between(birthDate, date).getYears());
	}

	String bandOfAge(int age) {
		int first = this.limits.get(0);
		if (age < first) {
			return this.language.pick("under ", "under ") + first;
		}
		for (int i = 0; i < this.limits.size() - 1; i++) {
			if (age < this.limits.get(i + 1)) {
				return this.limits.get(i) + "-" + (this.limits.get(i + 1) - 1);
			}
		}
		return this.limits.get(this.limits.size() - 1) + this.language.pick(" and over", " og derover");
	}

}
