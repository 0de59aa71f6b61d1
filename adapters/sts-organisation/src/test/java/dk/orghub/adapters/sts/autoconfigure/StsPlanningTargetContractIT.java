package dk.orghub.adapters.sts.autoconfigure;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dk.orghub.adapters.sts.CanonicalState;
import dk.orghub.adapters.sts.SentLedger;
import dk.orghub.adapters.sts.StsOrganisationAdapter;
import dk.orghub.adapters.sts.StsSchema;
import dk.orghub.adapters.sts.StsSettings;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.spi.Adapter;
import dk.orghub.core.outbox.TargetOutbox;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;
import dk.orghub.samples.sts.LocalStsService;
import dk.orghub.testkit.PlanningTargetContract;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The STS target's jobs ({@value StsRuns#PUBLISH}, {@value StsRuns#RECONCILE}) against
 * the test kit's planning-target contract: a store holding a sample municipality, the
 * local STS Organisation service holding only the organisation.
 */
class StsPlanningTargetContractIT extends PlanningTargetContract {

	private static final LocalDate TODAY = LocalDate.of(2025, 1, 1);

	private static final MutableClock clock = new MutableClock(
			TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant());

	private static final Municipality municipality = MunicipalityGenerator.generate(20070101L, 100, TODAY);

	private static LocalStsService service;

	@BeforeAll
	static void start() {
		service = LocalStsService.start(clock);
		Organisation organisation = municipality.organisation().segments().get(0).value();
		service.seedOrganisation(organisation.uuid(), organisation.userKey(), organisation.name());
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Override
	protected Adapter createTarget() {
		DataSource db = TestStores.h2DataSource();
		StsSchema.migrate(db);
		Organisation organisation = municipality.organisation().segments().get(0).value();
		StsSettings settings = StsSettings.defaults(URI.create(service.baseUrl()), organisation.uuid(),
				organisation.cvr());
		JdbcOrgStore[] store = new JdbcOrgStore[1];
		StsOrganisationAdapter adapter = new StsOrganisationAdapter(settings, new SentLedger(db, clock), clock,
				() -> CanonicalState.load(store[0]));
		TargetOutbox outbox = new TargetOutbox(db, clock, () -> List.of(adapter));
		store[0] = new JdbcOrgStore(db, clock, List.of(outbox.writer()));
		store[0].apply(municipality.toChangeSet(Actor.system("test")));
		StsOperations operations = new StsOperations(adapter, outbox, clock);
		StsProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("hub.targets.sts", StsProperties.class);
		return adapter.offering(() -> StsRuns.jobs(adapter, operations, properties));
	}

	@Override
	protected Object targetState() {
		return service.registry().snapshot();
	}

}
