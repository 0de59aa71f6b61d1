package dk.orghub.adapters.sts;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's tables on H2 and PostgreSQL (the latter with
 * {@code -Dhub.test.postgres.url=...}, skipped otherwise): the migration, the outbox
 * written in the change set's transaction (and not at all when the change set is
 * rejected), the ledger and the quarantine.
 */
class StsTablesIT {

	@Test
	void onH2() {
		check(TestStores.h2DataSource());
	}

	@Test
	void onPostgresql() {
		check(TestStores.postgresDataSource());
	}

	private static void check(DataSource db) {
		StsSchema.migrate(db);
		StsSchema.migrate(db);
		MutableClock clock = StsSamples.clock();
		StsOutbox outbox = new StsOutbox(db, clock, 100);
		JdbcOrgStore store = new JdbcOrgStore(db, clock, List.of(outbox.writer()));
		Municipality m = StsSamples.municipality(100);
		ApplyResult result = store.apply(m.toChangeSet(Actor.system("test")));
		long published = result.changes().stream().filter(c -> StsOutbox.PUBLISHED.contains(c.type())).count();
		assertThat(published).isPositive();
		assertThat(outbox.pending()).isEqualTo(published);

		Engagement orphan = new Engagement(UUID.randomUUID(), "X-1", UUID.randomUUID(), UUID.randomUUID(), null, null,
				BigDecimal.ONE, true);
		assertThatThrownBy(() -> store
			.apply(ChangeSet.by(Actor.user("test")).put(orphan, Validity.from(StsSamples.TODAY)).build()))
			.isInstanceOf(RuntimeException.class);
		assertThat(outbox.pending()).as("a rejected change set writes no outbox row").isEqualTo(published);

		SentLedger ledger = new SentLedger(db, clock);
		StsObject unit = new StsMapper(StsSettings.defaults(java.net.URI.create("http://localhost/"),
				StsSamples.organisation(m).uuid(), StsSamples.organisation(m).cvr()))
			.map(StsSamples.state(m), StsSamples.TODAY)
			.get(new Key(StsKind.ENHED, m.root()));
		ledger.quarantine(unit, "status 40: test", false, 1);
		assertThat(ledger.quarantined()).singleElement().satisfies(q -> {
			assertThat(q.uuid()).isEqualTo(m.root());
			assertThat(q.temporary()).isFalse();
		});
		ledger.sent(unit, unit.hash());
		assertThat(ledger.hashes()).containsEntry(new Key(StsKind.ENHED, m.root()), unit.hash());
		assertThat(ledger.quarantined()).as("a successful send clears the quarantine").isEmpty();
		ledger.forget(new Key(StsKind.ENHED, m.root()));
		assertThat(ledger.hashes()).isEmpty();
	}

}
