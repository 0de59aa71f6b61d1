package dk.orghub.routes.run;

import javax.sql.DataSource;

import dk.orghub.routes.testing.OpsDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 the identity columns that a large run fills row by row hand out their values from
 * a large cache (hub V10, ops V1004): with H2's default of 32, every 32 rows cost a
 * commit that writes the store to disk.
 */
class IdentityCacheOnH2Test {

	private static final DataSource DATABASE = OpsDatabase.migrated();

	@ParameterizedTest
	@CsvSource({ "OPS_RUN_CHANGE, ID", "ENGAGEMENT, ROW_ID", "PERSON, ROW_ID", "TARGET_OUTBOX, ID" })
	void identityColumnsFilledByLargeRunsHaveALargeCache(String table, String column) {
		long cache = JdbcClient.create(DATABASE)
			.sql("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ? AND COLUMN_NAME = ?")
			.params(table, column)
			.query(Long.class)
			.single();
		assertThat(cache).as("%s.%s", table, column).isEqualTo(100_000L);
	}

}
