package dk.orghub.routes.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.routes.sync.SyncKind;
import dk.orghub.routes.sync.SyncRegistry;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs left running by instances that died: those of a dead process on this host are
 * ended at once, saying whether their changes reached the store; those of a live instance
 * are left alone.
 */
class DeadRunsTest {

	private final Clock clock = Clock.systemUTC();

	private DataSource dataSource;

	private JdbcOrgStore store;

	private HubInstance self;

	private RunRepository runs;

	private SyncRegistry registry;

	@BeforeEach
	void createDatabase() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:dead-runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		this.dataSource = h2;
		Flyway.configure()
			.dataSource(h2)
			.locations("classpath:db/migration/hub", "classpath:db/migration/ops")
			.outOfOrder(true)
			.load()
			.migrate();
		this.store = new JdbcOrgStore(h2, this.clock);
		this.self = new HubInstance();
		this.runs = repository(this.self);
		this.registry = new SyncRegistry(Map.of(), Map.of("payrollInbox", new Inbox()));
		this.runs.ensureSync("payroll", false);
		this.runs.ensureSync("other", false);
	}

	@Test
	void aDeadProcessOnThisHostHasItsRunsEndedAndALiveOneKeepsThem() throws Exception {
		RunRepository dead = repository(new HubInstance(this.self.host(), deadPid(), Instant.now()));
		dead.registerInstance(this.clock.instant());
		long committed = running(dead, "payroll");
		this.store.apply(ChangeSet.by(Actor.source("payroll"))
			.put(new Klasse(UUID.randomUUID(), "Portør", DefaultClasses.facetUuid(DefaultClasses.JOB_FUNCTION),
					"Portør", null), Validity.always())
			.build());
		HubInstance sameJvm = new HubInstance(this.self.host(), this.self.pid(), this.self.processStarted());
		RunRepository alive = repository(sameJvm);
		alive.registerInstance(this.clock.instant());
		long living = running(alive, "other");

		assertThat(deadRuns().endLeftBehind()).isEqualTo(1);
		Run ended = this.runs.find(committed).orElseThrow();
		assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
		assertThat(ended.endedAt()).isNotNull();
		assertThat(ended.message()).contains("Interrupted")
			.contains("process " + dead.instance().pid())
			.contains("Its changes were committed to the store (registration " + ended.registration());
		assertThat(ended.registration()).isNotNull();
		assertThat(this.runs.runningRun("payroll")).as("the lock is released").isEmpty();
		assertThat(this.runs.find(living).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
		assertThat(this.runs.runningRun("other")).contains(living);

		// another dead run that wrote nothing
		RunRepository deadAgain = repository(new HubInstance(this.self.host(), deadPid(), Instant.now()));
		deadAgain.registerInstance(this.clock.instant());
		long nothing = running(deadAgain, "payroll");
		assertThat(deadRuns().endLeftBehind()).isEqualTo(1);
		Run empty = this.runs.find(nothing).orElseThrow();
		assertThat(empty.message()).contains("None of its changes were committed");
		assertThat(empty.registration()).isNull();
		assertThat(this.runs.instances()).extracting(HubInstance.Row::id)
			.as("dead instances are forgotten")
			.doesNotContain(dead.instance().id(), deadAgain.instance().id());
	}

	private DeadRuns deadRuns() {
		return new DeadRuns(this.runs, this.registry, this.store, Duration.ofMinutes(10), this.clock);
	}

	private long running(RunRepository repository, String sync) {
		Instant now = this.clock.instant();
		long id = repository.insert(sync, SyncKind.IMPORT, Trigger.MANUAL, "operator", false, null, now,
				RunStatus.RUNNING);
		assertThat(repository.tryLock(sync, id, now, now.minus(Duration.ofMinutes(10)))).isTrue();
		return id;
	}

	private RunRepository repository(HubInstance instance) {
		return new RunRepository(this.dataSource, new ObjectMapper(), instance);
	}

	/** The id of a process that has ended. */
	private static long deadPid() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-version")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.pid();
	}

	private static final class Inbox implements FileSource {

		@Override
		public String name() {
			return "payroll";
		}

		@Override
		public void validate() {
		}

		@Override
		public SourceOwnership ownership() {
			return new SourceOwnership(Map.of());
		}

		@Override
		public List<Path> pending() {
			return List.of();
		}

		@Override
		public FilePlan plan(Path file) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String applied(Path file, FilePlan plan, ApplyResult result) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String rejected(Path file, String reason) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String location() {
			return "/inbox";
		}

	}

}
