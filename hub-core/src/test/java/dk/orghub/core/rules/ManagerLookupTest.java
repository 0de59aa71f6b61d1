package dk.orghub.core.rules;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;

import static dk.orghub.core.rules.RuleData.MAANEDSLOENNET;
import static dk.orghub.core.rules.RuleData.NY1;
import static dk.orghub.core.rules.RuleData.NY2;
import static dk.orghub.core.rules.RuleData.d;
import static dk.orghub.core.rules.RuleData.engagement;
import static dk.orghub.core.rules.RuleData.id;
import static dk.orghub.core.rules.RuleData.manager;
import static dk.orghub.core.rules.RuleData.unit;
import static org.assertj.core.api.Assertions.assertThat;

class ManagerLookupTest {

	private final OrgUnit top = unit("top", null, NY1);

	private final OrgUnit school = unit("school", this.top.uuid(), NY2);

	private final UUID director = id("person:director");

	private final UUID headmaster = id("person:headmaster");

	private final Timeline<Manager> directorRole = Timeline.of(Validity.from(d("2020-01-01")),
			manager("m-top", this.top.uuid(), this.director));

	private final Timeline<Manager> headRole = Timeline.of(Validity.between(d("2020-01-01"), d("2024-01-01")),
			manager("m-school", this.school.uuid(), this.headmaster));

	private final ManagerLookup lookup = new ManagerLookup(
			Map.of(this.top.uuid(), Timeline.of(Validity.from(d("2020-01-01")), this.top), this.school.uuid(),
					Timeline.of(Validity.from(d("2020-01-01")), this.school)),
			List.of(this.directorRole, this.headRole));

	@Test
	void theNearestManagerUpTheTreeManagesAUnit() {
		assertThat(this.lookup.managerOf(this.school.uuid(), d("2023-06-01")).orElseThrow().person())
			.isEqualTo(this.headmaster);
		assertThat(this.lookup.managerOf(this.school.uuid(), d("2024-06-01")).orElseThrow().person())
			.as("after the headmaster's role ends, the director's is inherited")
			.isEqualTo(this.director);
	}

	@Test
	void aManagersManagerIsTheNextOneUp() {
		Engagement head = engagement("1", this.headmaster, this.school.uuid(), MAANEDSLOENNET, "1");
		Engagement teacher = engagement("2", id("person:teacher"), this.school.uuid(), MAANEDSLOENNET, "1");
		assertThat(this.lookup.managerOf(head, d("2023-06-01")).orElseThrow().person()).isEqualTo(this.director);
		assertThat(this.lookup.managerOf(teacher, d("2023-06-01")).orElseThrow().person()).isEqualTo(this.headmaster);
	}

	@Test
	void vacantRolesAreSkipped() {
		Timeline<Manager> vacant = Timeline.of(Validity.from(d("2020-01-01")),
				manager("m-vacant", this.school.uuid(), null));
		ManagerLookup withVacant = new ManagerLookup(
				Map.of(this.top.uuid(), Timeline.of(Validity.from(d("2020-01-01")), this.top), this.school.uuid(),
						Timeline.of(Validity.from(d("2020-01-01")), this.school)),
				List.of(this.directorRole, vacant));
		assertThat(withVacant.managerOf(this.school.uuid(), d("2023-06-01")).orElseThrow().person())
			.isEqualTo(this.director);
	}

}
