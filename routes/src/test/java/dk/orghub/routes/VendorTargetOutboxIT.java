package dk.orghub.routes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.TargetObject;
import dk.orghub.core.store.ReadPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import static dk.orghub.routes.Api.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A vendor's target that implements only {@link ChangePublisher} and {@link Deactivator}
 * (a school system taking units and their addresses) gets the store's changes through the
 * hub's outbox in a running hub with the demo municipality: the hub makes the sync
 * {@code school-changes}, a new address made through the REST API reaches the target as a
 * recorded change run, an ended one is deactivated from its end date, and an object the
 * target refuses is the sync's quarantine until a retry sends it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:vendor-target-outbox-it;DB_CLOSE_DELAY=-1",
				"hub.demo.employees=150", "hub.demo.seed=5", "camel.main.name=vendor-target-outbox-it" })
@ActiveProfiles("demo")
class VendorTargetOutboxIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private Clock clock;

	@Autowired
	private SchoolSystem school;

	private Api api;

	private String unit;

	@BeforeEach
	void pickAUnit() {
		this.api = new Api(this.rest);
		this.unit = items(this.api.get("/api/v1/org-units?limit=1")).get(0).get("uuid").asText();
		// the first load of the demo reaches the school through the outbox as well
		await().atMost(WAIT).until(() -> this.school.holds(UUID.fromString(this.unit)));
	}

	@Test
	void anAddressMadeThroughTheApiReachesTheSchoolThroughTheHubsOutbox() {
		String uuid = addAddress("EAN", "5798000123458");

		await().atMost(WAIT).until(() -> this.school.holds(UUID.fromString(uuid)));
		Address sent = (Address) this.school.held.get(UUID.fromString(uuid)).latest().orElseThrow();
		assertThat(sent.value()).isEqualTo("5798000123458");
		assertThat(sent.owner()).hasToString(this.unit);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(items(this.api.get("/api/v1/runs?sync=school-changes&limit=100")))
				.as("a recorded change run of the sync the hub made")
				.anySatisfy((run) -> {
					assertThat(run.get("trigger").asText()).isEqualTo("CHANGE");
					assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
				}));

		LocalDate end = ReadPoint.today(this.clock).plusDays(2);
		assertThat(this.api.exchange(HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={date}", null, uuid, end)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.school.held.get(UUID.fromString(uuid)).coverage())
				.as("an end in the future is published with the timeline")
				.last()
				.satisfies((v) -> assertThat(v.to()).isEqualTo(end)));
	}

	@Test
	void anObjectTheSchoolRefusesIsQuarantinedUntilARetrySendsIt() {
		String uuid = addAddress("PNUMBER", "1012345678");

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(items(this.api.get("/api/v1/quarantine?sync=school-changes")))
				.anySatisfy((entry) -> {
					assertThat(entry.get("uuid").asText()).isEqualTo(uuid);
					assertThat(entry.get("reason").asText()).contains("no P-numbers");
				}));
		assertThat(this.school.holds(UUID.fromString(uuid))).isFalse();

		this.school.acceptPNumbers = true;
		JsonNode entry = items(this.api.get("/api/v1/quarantine?sync=school-changes")).stream()
			.filter((e) -> e.get("uuid").asText().equals(uuid))
			.findFirst()
			.orElseThrow();
		assertThat(this.api.exchange(HttpMethod.POST, "/api/v1/quarantine/{id}/retry", null, entry.get("id").asLong())
			.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

		await().atMost(WAIT).until(() -> this.school.holds(UUID.fromString(uuid)));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(items(this.api.get("/api/v1/quarantine?sync=school-changes")))
				.noneSatisfy((e) -> assertThat(e.get("uuid").asText()).isEqualTo(uuid)));
	}

	@Test
	void aUnitEndedTodayIsDeactivated() {
		String uuid = addAddress("EAN", "5798000123465");
		await().atMost(WAIT).until(() -> this.school.holds(UUID.fromString(uuid)));
		LocalDate today = ReadPoint.today(this.clock);

		assertThat(this.api.exchange(HttpMethod.POST, "/api/v1/addresses/{uuid}/end?date={date}", null, uuid, today)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		await().atMost(WAIT).until(() -> this.school.deactivated.containsKey(UUID.fromString(uuid)));
		assertThat(this.school.deactivated.get(UUID.fromString(uuid))).isEqualTo(today);
	}

	private String addAddress(String type, String value) {
		var response = this.api.exchange(HttpMethod.POST, "/api/v1/org-units/{uuid}/addresses", Map.of("addressType",
				type, "value", value, "validFrom", ReadPoint.today(this.clock).minusDays(10).toString()), this.unit);
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		return response.getBody().get("uuid").asText();
	}

	/**
	 * A vendor's target as a vendor would write it: the two capabilities, no outbox, no
	 * routes. It holds units and addresses and has no P-numbers unless told.
	 */
	static final class SchoolSystem implements ChangePublisher, Deactivator {

		final Map<UUID, Timeline<?>> held = new ConcurrentHashMap<>();

		final Map<UUID, LocalDate> deactivated = new ConcurrentHashMap<>();

		volatile boolean acceptPNumbers;

		boolean holds(UUID uuid) {
			return this.held.containsKey(uuid);
		}

		@Override
		public String name() {
			return "school";
		}

		@Override
		public Set<ObjectType> publishedTypes() {
			return EnumSet.of(ObjectType.ORG_UNIT, ObjectType.ADDRESS);
		}

		@Override
		public void publish(TargetObject<?> object) {
			boolean pNumber = object.timeline()
				.latest()
				.filter((o) -> o instanceof Address a && a.value().matches("\\d{10}"))
				.isPresent();
			if (pNumber && !this.acceptPNumbers) {
				throw new AdapterException("school: the school system has no P-numbers", false);
			}
			this.held.put(object.uuid(), object.timeline());
		}

		@Override
		public void deactivate(ObjectType type, UUID uuid, LocalDate date) {
			this.deactivated.put(uuid, date);
		}

	}

	@TestConfiguration
	static class School {

		@Bean
		SchoolSystem school() {
			return new SchoolSystem();
		}

	}

}
