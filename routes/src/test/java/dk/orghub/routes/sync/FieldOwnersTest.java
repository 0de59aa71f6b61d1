package dk.orghub.routes.sync;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Validity;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which source holds which field of a unit, on a real store: one unit payroll delivers
 * (bound to it), one a source registered without a binding, one a user made.
 */
class FieldOwnersTest {

	private static final SourceOwnership PAYROLL = new SourceOwnership(
			Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType", "unitLevel")));

	private final UUID school = UUID.randomUUID();

	private final UUID cafe = UUID.randomUUID();

	private final UUID imported = UUID.randomUUID();

	private JdbcOrgStore store;

	@BeforeEach
	void aSchoolFromPayrollAndACafeOfItsOwn() {
		this.store = new JdbcOrgStore(OpsDatabase.migrated(), Clock.systemUTC());
		UUID type = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");
		Validity always = Validity.from(LocalDate.of(2020, 1, 1));
		this.store.apply(ChangeSet.by(Actor.source("opus"))
			.put(new OrgUnit(this.school, "skole", "Skolen", null, type, null, null), always)
			.bind("opus", ObjectType.ORG_UNIT, "4711", this.school)
			.build());
		this.store.apply(ChangeSet.by(Actor.source("sd"))
			.put(new OrgUnit(this.imported, "sd-enhed", "Fra SD", this.school, type, null, null), always)
			.build());
		this.store.apply(ChangeSet.by(Actor.user("pia"))
			.put(new OrgUnit(this.cafe, "cafe", "Lektiecafé", this.school, type, null, null), always)
			.build());
	}

	@Test
	void aSourceHoldsTheFieldsItOwnsAndNotThePayoutUnit() {
		FieldOwners owners = new FieldOwners(this.store, FieldPolicy.none(), Map.of("opus", PAYROLL));

		assertThat(owners.sources(unit(this.school))).containsExactly("opus");
		assertThat(owners.fields(unit(this.school)))
			.containsOnlyKeys("userKey", "name", "parent", "unitType", "unitLevel")
			.containsValue("opus");
		assertThat(owners.sources(unit(this.imported))).as("registered first by a source, without a binding")
			.containsExactly("sd");
		assertThat(owners.fields(unit(this.imported))).as("a source with no declared ownership holds nothing")
			.isEmpty();
	}

	@Test
	void thePolicysWinnerDecidesAndAWinnerThatIsNoSourceOfTheUnitLeavesTheFieldFree() {
		FieldOwners owners = new FieldOwners(this.store,
				FieldPolicy.of(Map.of("ORG_UNIT.name", "hub", "ORG_UNIT.payoutUnit", "opus")), Map.of("opus", PAYROLL));

		Map<String, String> held = owners.fields(unit(this.school));
		assertThat(held).doesNotContainKey("name").containsEntry("payoutUnit", "opus").containsEntry("parent", "opus");
	}

	@Test
	void aUnitAUserMadeHasNoSourceAndNothingHeld() {
		FieldOwners owners = new FieldOwners(this.store, FieldPolicy.of(Map.of("ORG_UNIT.payoutUnit", "opus")),
				Map.of("opus", PAYROLL));

		assertThat(owners.sources(unit(this.cafe))).isEmpty();
		assertThat(owners.fields(unit(this.cafe))).isEmpty();
	}

	private OrgUnit unit(UUID uuid) {
		return this.store.timeline(OrgUnit.class, uuid, java.time.Instant.now()).latest().orElseThrow();
	}

}
