package dk.orghub.adapters.exports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Actor;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.JdbcOrgStore;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.testing.TestStores;
import dk.orghub.samples.municipality.Municipality;
import dk.orghub.samples.municipality.MunicipalityGenerator;

/**
 * The sample municipality in a store, with the work e-mail addresses Active Directory
 * would add: every person has one except every 20th (person number divisible by 20); of
 * those, every 40th has a private e-mail marked SECRET, which exports must not use.
 *
 * @param personsWithoutWorkEmail persons without a work e-mail
 * @param workEmails work e-mail by person
 */
public record SampleEstate(Municipality municipality, OrgStore store, Set<UUID> personsWithoutWorkEmail,
		Map<UUID, String> workEmails) {

	public static final long SEED = 20070101L;

	private static final Map<Integer, SampleEstate> CACHE = new HashMap<>();

	/** The shared estate of this size, generated and loaded once per test JVM. */
	public static synchronized SampleEstate of(int employees) {
		return CACHE.computeIfAbsent(employees, e -> load(MunicipalityGenerator.generate(SEED, e), TestStores.h2()));
	}

	/** Loads a municipality and its e-mail addresses into a store. */
	public static SampleEstate load(Municipality municipality, JdbcOrgStore store) {
		store.apply(municipality.toChangeSet(Actor.source("samples")));
		ChangeSet.Builder emails = ChangeSet.by(Actor.source("ad")).note("Work e-mail addresses from AD");
		Set<UUID> without = new HashSet<>();
		Map<UUID, String> work = new HashMap<>();
		UUID emailType = DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL");
		for (Timeline<Person> timeline : municipality.persons().values()) {
			Person person = timeline.segments().get(0).value();
			Validity life = timeline.coverage().get(0);
			int number = Integer.parseInt(person.userKey().substring(1));
			if (number % 20 != 0) {
				String value = person.userKey().toLowerCase() + "@samplekommune.example";
				work.put(person.uuid(), value);
				emails.replace(ObjectType.ADDRESS, uuid("work:" + person.userKey()),
						Timeline.of(life, email(uuid("work:" + person.userKey()), person, value, "INTERNAL")));
			}
			else {
				without.add(person.uuid());
				if (number % 40 == 0) {
					emails.replace(ObjectType.ADDRESS, uuid("private:" + person.userKey()),
							Timeline.of(life, email(uuid("private:" + person.userKey()), person,
									person.userKey().toLowerCase() + "@private.example", "SECRET")));
				}
			}
		}
		store.apply(emails.build());
		return new SampleEstate(municipality, store, Set.copyOf(without), Map.copyOf(work));
	}

	/** A file-based or other store: loads there instead of the shared in-memory one. */
	public static SampleEstate load(Municipality municipality, DataSource dataSource) {
		return load(municipality, new JdbcOrgStore(dataSource, java.time.Clock.systemUTC()));
	}

	private static Address email(UUID uuid, Person person, String value, String visibility) {
		return new Address(uuid, "EMAIL-" + person.userKey() + "-" + uuid.toString().substring(0, 4), person.uuid(),
				OwnerKind.PERSON, DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, "EMAIL"), value,
				DefaultClasses.classUuid(DefaultClasses.VISIBILITY, visibility));
	}

	private static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(("sample-estate:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
