package dk.orghub.adapters.sts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsMapper.Key;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's tables on H2 and PostgreSQL (the latter with
 * {@code -Dhub.test.postgres.url=...}, skipped otherwise): the migration (an upgrade
 * moves the rows of the adapter's old outbox into the hub's), the hub's outbox written
 * for the adapter's types in the change set's transaction (and not at all when the change
 * set is rejected), the ledger and the quarantine.
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

	@Test
	void anUpgradeMovesTheWaitingRowsOfTheOldOutboxToTheHubsOnH2() {
		upgrade(TestStores.h2DataSource());
	}

	@Test
	void anUpgradeMovesTheWaitingRowsOfTheOldOutboxToTheHubsOnPostgresql() {
		upgrade(TestStores.postgresDataSource());
	}

	/**
	 * The adapter's tables as they were with its own outbox, two rows waiting, migrated.
	 */
	private static void upgrade(DataSource db) {
		Flyway.configure()
			.dataSource(db)
			.locations(StsSchema.LOCATION)
			.table(StsSchema.HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target("3")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(db);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		jdbc.update("INSERT INTO sts_outbox (object_type, uuid, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
				"ORG_UNIT", first);
		jdbc.update("INSERT INTO sts_outbox (object_type, uuid, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
				"ADDRESS", second);

		StsSchema.migrate(db);

		assertThat(jdbc.queryForList("SELECT uuid FROM target_outbox WHERE target = ? ORDER BY id", UUID.class,
				StsOrganisationAdapter.NAME))
			.containsExactly(first, second);
		assertThat(new TargetOutbox(db, StsSamples.clock(), List::of).pending(StsOrganisationAdapter.NAME))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) IN "
						+ "('sts_outbox', 'sts_outbox_drainer') AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)",
				Integer.class))
			.as("the old outbox is gone")
			.isZero();
	}

	private static void check(DataSource db) {
		StsSchema.migrate(db);
		StsSchema.migrate(db);
		MutableClock clock = StsSamples.clock();
		Municipality m = StsSamples.municipality(100);
		StsOrganisationAdapter adapter = new StsOrganisationAdapter(
				StsSettings.defaults(java.net.URI.create("http://localhost/"), StsSamples.organisation(m).uuid(),
						StsSamples.organisation(m).cvr()),
				new SentLedger(db, clock), clock, () -> StsSamples.state(m));
		TargetOutbox outbox = new TargetOutbox(db, clock, () -> List.of(adapter));
		JdbcOrgStore store = new JdbcOrgStore(db, clock, List.of(outbox.writer()));
		ApplyResult result = store.apply(m.toChangeSet(Actor.system("test")));
		long published = result.changes()
			.stream()
			.filter(c -> StsOrganisationAdapter.PUBLISHED.contains(c.type()))
			.count();
		assertThat(published).isPositive().isLessThan(result.changes().size());
		assertThat(outbox.pending(adapter.name())).isEqualTo(published);

		Engagement orphan = new Engagement(UUID.randomUUID(), "X-1", UUID.randomUUID(), UUID.randomUUID(), null, null,
				BigDecimal.ONE, true);
		assertThatThrownBy(() -> store
			.apply(ChangeSet.by(Actor.user("test")).put(orphan, Validity.from(StsSamples.TODAY)).build()))
			.isInstanceOf(RuntimeException.class);
		assertThat(outbox.pending(adapter.name())).as("a rejected change set writes no outbox row")
			.isEqualTo(published);

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

		// an object the plan took for new is inserted without a delete; when its row is
		// there after all, the batch is written again replacing it, and the quarantine is
		// cleared as before
		ledger.sent(List.of(new SentLedger.Sent(unit, "first", false)));
		ledger.quarantine(unit, "status 40: test", false, 1);
		StsObject other = new StsObject(StsKind.ENHED, UUID.randomUUID(), unit.userKey(), unit.source(),
				unit.properties(), unit.states(), unit.relations());
		ledger.sent(List.of(new SentLedger.Sent(other, other.hash(), false),
				new SentLedger.Sent(unit, unit.hash(), false)));
		assertThat(ledger.hashes()).containsOnly(Map.entry(new Key(StsKind.ENHED, m.root()), unit.hash()),
				Map.entry(new Key(StsKind.ENHED, other.uuid()), other.hash()));
		assertThat(ledger.quarantined()).isEmpty();
		assertThat(ledger.contents(List.of(new Key(StsKind.ENHED, m.root())))).containsValue(unit);
	}

}
