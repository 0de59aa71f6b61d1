package dk.orghub.core.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.testing.MutableClock;
import dk.orghub.core.testing.TestOrg;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change set large enough for the store's bulk write ({@link Sql#COPY_ROWS} rows a
 * table and more: COPY on PostgreSQL, multi-row INSERTs on H2) reads back value for
 * value, awkward values included.
 */
abstract class BulkWriteContract {

	/** Text the COPY format escapes or could mistake for its own syntax, and NULL. */
	static final String[] AWKWARD = { "tab\there", "new\nline", "crlf\r\nend", "back\\slash", "\\N", "\\t no tab", "",
			"quote ' \" , ; |", "Ærø Søndergård Åse æøå", "nbsp\u00a0€ \uD83D\uDE00", "\\", "end\\", null };

	abstract DataSource dataSource();

	/** Whether large writes on this database go through COPY. */
	abstract boolean copies();

	@Test
	void uuidOrderIsTheDatabasesOrder() throws SQLException {
		List<UUID> uuids = new ArrayList<>(List.of(new UUID(-1L, 0L), new UUID(Long.MIN_VALUE, 1L),
				new UUID(Long.MAX_VALUE, -1L), new UUID(0L, Long.MIN_VALUE), new UUID(0L, Long.MAX_VALUE),
				new UUID(1L, -2L), new UUID(1L, 2L)));
		Random random = new Random(16);
		for (int i = 0; i < 50; i++) {
			uuids.add(new UUID(random.nextLong(), random.nextLong()));
		}
		String values = String.join(", ", Collections.nCopies(uuids.size(), "(CAST(? AS UUID))"));
		List<UUID> ordered = new ArrayList<>();
		try (Connection c = dataSource().getConnection();
				PreparedStatement ps = c.prepareStatement("SELECT u FROM (VALUES " + values + ") AS t(u) ORDER BY u")) {
			for (int i = 0; i < uuids.size(); i++) {
				ps.setObject(i + 1, uuids.get(i));
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					ordered.add(rs.getObject(1, UUID.class));
				}
			}
		}
		uuids.sort(BulkInsert.UUID_ORDER);
		assertThat(uuids).isEqualTo(ordered);
	}

	@Test
	void largeWritesReadBackValueForValue() throws SQLException {
		DataSource database = dataSource();
		try (Connection c = database.getConnection()) {
			assertThat(BulkInsert.copies(c)).as("large writes go through COPY").isEqualTo(copies());
		}
		MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00.123456Z"));
		JdbcOrgStore store = new JdbcOrgStore(database, clock);
		OrgUnit unit = TestOrg.unit("KOM", "Sample Kommune", null);
		ChangeSet.Builder changes = ChangeSet.by(Actor.source("test")).put(unit, Validity.from(TestOrg.START));
		Map<UUID, Timeline<Person>> persons = new HashMap<>();
		Map<UUID, Timeline<Engagement>> engagements = new HashMap<>();
		Map<String, UUID> bindings = new HashMap<>();
		int count = BulkInsert.COPY_ROWS + 1;
		for (int i = 0; i < count; i++) {
			Person person = new Person(UUID.nameUUIDFromBytes(("bulk-person:" + i).getBytes()), "P" + i,
					(i % 3 == 0) ? null : "0105801" + String.format("%03d", i % 1000), awkward(i), awkward(i + 1),
					awkward(i + 2), (i % 3 == 0) ? "Udenlandsk\tmedarbejder\\ æøå" : null);
			Validity personValidity = (i % 2 == 0) ? Validity.from(Validity.BEGINNING) : Validity.from(TestOrg.START);
			Engagement template = TestOrg.engagement("E" + i, person, unit, i % 4 != 0);
			Engagement engagement = new Engagement(template.uuid(), awkward(i + 4) + i, person.uuid(), unit.uuid(),
					template.jobFunction(), template.engagementType(), fraction(i), template.primary(), i % 5 == 0,
					(i % 6 == 0) ? unit.uuid() : null);
			Validity engagementValidity = (i % 2 == 0) ? Validity.from(TestOrg.START)
					: Validity.between(TestOrg.START, LocalDate.of(2031, 2, 28));
			changes.put(person, personValidity).put(engagement, engagementValidity);
			String externalId = awkward(i + 5) + ":" + i;
			changes.bind("awkward\tsource", ObjectType.PERSON, externalId, person.uuid());
			persons.put(person.uuid(), Timeline.of(personValidity, person));
			engagements.put(engagement.uuid(), Timeline.of(engagementValidity, engagement));
			bindings.put(externalId, person.uuid());
		}
		clock.advance(Duration.ofNanos(1_000));
		ApplyResult result = store.apply(changes.build());

		assertThat(store.currentTimelines(Person.class, persons.keySet())).isEqualTo(persons);
		assertThat(store.currentTimelines(Engagement.class, engagements.keySet())).isEqualTo(engagements);
		assertThat(store.identities("awkward\tsource", ObjectType.PERSON)).isEqualTo(bindings);
		Versioned<Person> version = store.history(Person.class, persons.keySet().iterator().next()).get(0);
		assertThat(version.registration().time()).isEqualTo(Instant.parse("2026-01-10T08:00:00.123457Z"))
			.isEqualTo(result.registration().time());
		assertThat(version.supersededAt()).as("a current row").isNull();
	}

	private static String awkward(int i) {
		return AWKWARD[i % AWKWARD.length];
	}

	private static BigDecimal fraction(int i) {
		return switch (i % 4) {
			case 0 -> null;
			case 1 -> new BigDecimal("0.3333");
			case 2 -> BigDecimal.ONE;
			default -> new BigDecimal("0.0001");
		};
	}

}
