package dk.orghub.routes.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ObjectChange;
import dk.orghub.core.testing.TestOrg;
import dk.orghub.routes.sync.SyncProperties.Thresholds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyCheckTest {

	private static final Thresholds FIVE_PERCENT = new Thresholds(true, 0.05, 20);

	@Test
	void endingMoreThanTheShareOfEngagementsTrips() {
		List<SafetyCheck.Finding> findings = SafetyCheck.check(ending(ObjectType.ENGAGEMENT, 6),
				Map.of(ObjectType.ENGAGEMENT, 100L, ObjectType.ORG_UNIT, 10L), FIVE_PERCENT);

		assertThat(SafetyCheck.tripped(findings)).isTrue();
		assertThat(SafetyCheck.report(findings, FIVE_PERCENT))
			.isEqualTo("ends 6 of 100 engagements (6.0%, over the limit of 5.0%)");
	}

	@Test
	void endingUpToTheShareDoesNotTrip() {
		List<SafetyCheck.Finding> findings = SafetyCheck.check(ending(ObjectType.ENGAGEMENT, 5),
				Map.of(ObjectType.ENGAGEMENT, 100L), FIVE_PERCENT);

		assertThat(SafetyCheck.tripped(findings)).isFalse();
		assertThat(SafetyCheck.report(findings, FIVE_PERCENT)).isEqualTo("ends 5 of 100 engagements (5.0%)");
	}

	@Test
	void unitsAndAccountsAreGuardedToo() {
		assertThat(SafetyCheck
			.tripped(SafetyCheck.check(ending(ObjectType.ORG_UNIT, 3), Map.of(ObjectType.ORG_UNIT, 40L), FIVE_PERCENT)))
			.isTrue();
		assertThat(SafetyCheck
			.tripped(SafetyCheck.check(ending(ObjectType.IT_USER, 30), Map.of(ObjectType.IT_USER, 300L), FIVE_PERCENT)))
			.isTrue();
	}

	@Test
	void aSmallStoreOrDisabledThresholdsDoNotTrip() {
		ApplyResult half = ending(ObjectType.ENGAGEMENT, 5);

		assertThat(SafetyCheck.tripped(SafetyCheck.check(half, Map.of(ObjectType.ENGAGEMENT, 10L), FIVE_PERCENT)))
			.isFalse();
		assertThat(SafetyCheck
			.tripped(SafetyCheck.check(half, Map.of(ObjectType.ENGAGEMENT, 10L), new Thresholds(true, 0.05, 0))))
			.isTrue();
		assertThat(SafetyCheck
			.tripped(SafetyCheck.check(half, Map.of(ObjectType.ENGAGEMENT, 10L), new Thresholds(false, 0.05, 0))))
			.isFalse();
	}

	@Test
	void changesOtherThanEndingsDoNotCount() {
		List<ObjectChange> changes = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			changes.add(new ObjectChange(ObjectType.ENGAGEMENT, UUID.randomUUID(), "e" + i, ObjectChange.Kind.CHANGED,
					Timeline.empty(), Timeline.empty()));
		}
		ApplyResult result = new ApplyResult(null, changes, 0, List.of(), false);

		assertThat(SafetyCheck.tripped(SafetyCheck.check(result, Map.of(ObjectType.ENGAGEMENT, 100L), FIVE_PERCENT)))
			.isFalse();
	}

	private static ApplyResult ending(ObjectType type, int count) {
		List<ObjectChange> changes = new ArrayList<>();
		OrgUnit unit = TestOrg.unit("U", "U", null);
		for (int i = 0; i < count; i++) {
			changes.add(new ObjectChange(type, UUID.randomUUID(), "k" + i, ObjectChange.Kind.ENDED,
					Timeline.of(Validity.from(TestOrg.START), unit), Timeline.empty()));
		}
		return new ApplyResult(null, changes, 0, List.of(), false);
	}

}
