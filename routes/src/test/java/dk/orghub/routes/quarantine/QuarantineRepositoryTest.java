package dk.orghub.routes.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolving clears the sync's open entries of the objects named, and no others: not those
 * of another sync, not those of objects not named.
 */
class QuarantineRepositoryTest {

	private final QuarantineRepository quarantine = new QuarantineRepository(OpsDatabase.migrated());

	private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void resolvesOnlyTheSyncsOpenEntriesOfTheObjectsNamed() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		fail("payroll", a);
		fail("payroll", b);
		fail("payroll", c);
		fail("other", a);

		int resolved = this.quarantine.resolve("payroll", List.of(a, UUID.randomUUID(), b, a), 2, this.now);

		assertThat(resolved).isEqualTo(2);
		assertThat(this.quarantine.openObjects("payroll")).containsExactly(c);
		assertThat(this.quarantine.openObjects("other")).containsExactly(a);
		assertThat(this.quarantine.resolve("payroll", List.of(), 3, this.now)).isZero();
		assertThat(this.quarantine.resolve("payroll", List.of(a, b), 3, this.now)).as("already resolved").isZero();
	}

	private void fail(String sync, UUID uuid) {
		this.quarantine.fail(sync, ObjectType.ENGAGEMENT, uuid, "key", "unique-cpr", "a reason", 1, this.now);
	}

}
