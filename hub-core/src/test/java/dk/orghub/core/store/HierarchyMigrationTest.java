package dk.orghub.core.store;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.OrgUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Units stored before there were hierarchies are in the line organisation afterwards. */
class HierarchyMigrationTest {

	@Test
	void aUnitStoredBeforeVersion6IsALineUnit() throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).locations(StoreSchema.LOCATION).target("5").load().migrate();
		UUID unit = UUID.randomUUID();
		UUID type = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO registration (id, registered_at, actor_kind, actor_name) "
					+ "VALUES (100, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', 'SOURCE', 'opus')");
			sql.execute("INSERT INTO org_unit (uuid, user_key, valid_from, valid_to, reg_from, reg_to, registration_id,"
					+ " name, unit_type) VALUES ('" + unit + "', 'OLD', DATE '2020-01-01', DATE '9999-12-31',"
					+ " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00',"
					+ " 100, 'Old unit', '" + type + "')");
		}

		StoreSchema.migrate(dataSource);

		JdbcOrgStore store = new JdbcOrgStore(dataSource, Clock.systemUTC());
		ReadPoint point = ReadPoint.of(LocalDate.of(2026, 1, 1), null, Clock.systemUTC());
		assertThat(
				store.list(Query.of(OrgUnit.class, point).where("hierarchy", DefaultClasses.LINE_ORGANISATION)).items())
			.extracting(v -> v.value().uuid())
			.containsExactly(unit);
		assertThat(store.get(OrgUnit.class, unit, point).orElseThrow().value().covers()).isEmpty();
	}

}
