package org.example.vendoradapter;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Timeline;
import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;

/**
 * The vendor system's export as a snapshot source: two semicolon-separated UTF-8 files in
 * one folder, {@code units.csv} ({@code id;name;parent;valid_from}) and
 * {@code persons.csv} ({@code employee;given_name;surname;unit;job_function;valid_from}),
 * each with a header line; lines starting with {@code #} are comments. Each person row
 * becomes a person and their engagement in the unit. Plain Java: the hub builds it through
 * {@code VendorCsvAutoConfiguration}.
 */
public final class VendorCsvSource implements SnapshotSource, ConnectionTestable {

	/** The adapter's name: {@code hub.syncs.<sync>.adapter} names it. */
	public static final String NAME = "vendor-csv";

	static final String UNITS = "units.csv";

	static final String PERSONS = "persons.csv";

	private static final UUID UNIT_TYPE = DefaultClasses.classUuid(DefaultClasses.ORG_UNIT_TYPE, "Afdeling");

	private static final UUID MONTHLY_PAID = DefaultClasses.classUuid(DefaultClasses.ENGAGEMENT_TYPE, "Månedslønnet");

	private static final SourceOwnership OWNERSHIP = new SourceOwnership(Map.of(ObjectType.ORG_UNIT,
			Set.of("userKey", "name", "parent", "unitType"), ObjectType.PERSON, Set.of("userKey", "givenName", "surname"),
			ObjectType.ENGAGEMENT, Set.of("userKey", "person", "unit", "jobFunction", "engagementType", "primary")));

	private final Path folder;

	/**
	 * @param folder the folder holding the export's files; {@code null} when not set
	 */
	public VendorCsvSource(Path folder) {
		this.folder = folder;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public SourceOwnership ownership() {
		return OWNERSHIP;
	}

	@Override
	public void validate() {
		if (this.folder == null) {
			throw new AdapterConfigurationException("hub.sources." + NAME + ".folder is not set");
		}
	}

	@Override
	public void testConnection() {
		for (String file : List.of(UNITS, PERSONS)) {
			if (!Files.isReadable(this.folder.resolve(file))) {
				throw new AdapterException(NAME + ": cannot read " + this.folder.resolve(file), true);
			}
		}
	}

	@Override
	public Snapshot snapshot(SourceContext context) {
		List<DesiredObject<?>> objects = new ArrayList<>();
		Map<String, UUID> units = new LinkedHashMap<>();
		List<String[]> unitRows = read(UNITS, 4);
		for (String[] row : unitRows) {
			units.put(row[0], context.identity(ObjectType.ORG_UNIT, row[0]));
		}
		for (String[] row : unitRows) {
			UUID parent = row[2].isEmpty() ? null : known(units, row[2], UNITS, row[0]);
			OrgUnit unit = new OrgUnit(units.get(row[0]), row[0], row[1], parent, UNIT_TYPE, null, null);
			objects.add(new DesiredObject<>(ObjectType.ORG_UNIT, row[0], since(row[3], UNITS, unit)));
		}
		for (String[] row : read(PERSONS, 6)) {
			String employee = row[0];
			UUID unit = known(units, row[3], PERSONS, employee);
			Person person = new Person(context.identity(ObjectType.PERSON, employee), employee, null, row[1], row[2],
					null);
			objects.add(new DesiredObject<>(ObjectType.PERSON, employee, since(row[5], PERSONS, person)));
			Engagement engagement = new Engagement(context.identity(ObjectType.ENGAGEMENT, employee), employee,
					person.uuid(), unit, DefaultClasses.classUuid(DefaultClasses.JOB_FUNCTION, row[4]), MONTHLY_PAID,
					BigDecimal.ONE, true);
			objects.add(new DesiredObject<>(ObjectType.ENGAGEMENT, employee, since(row[5], PERSONS, engagement)));
		}
		context.progress(objects.size(), objects.size());
		return new Snapshot(OWNERSHIP.types(), null, objects, null);
	}

	/** The rows of a file without its header and comments, each with {@code columns} fields. */
	private List<String[]> read(String file, int columns) {
		Path path = this.folder.resolve(file);
		List<String> lines;
		try {
			lines = Files.readAllLines(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AdapterException(NAME + ": cannot read " + path + ": " + ex.getMessage(), true, ex);
		}
		List<String[]> rows = new ArrayList<>();
		boolean header = true;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (header) {
				header = false;
				continue;
			}
			String[] fields = line.split(";", -1);
			if (fields.length != columns || fields[0].isBlank()) {
				throw new AdapterException(NAME + ": " + file + " line " + (i + 1) + " has " + fields.length
						+ " fields or no id, expected " + columns, false);
			}
			for (int f = 0; f < fields.length; f++) {
				fields[f] = fields[f].strip();
			}
			rows.add(fields);
		}
		return rows;
	}

	private static UUID known(Map<String, UUID> units, String id, String file, String row) {
		UUID uuid = units.get(id);
		if (uuid == null) {
			throw new AdapterException(NAME + ": " + file + " row " + row + " names unit " + id + ", which "
					+ UNITS + " does not hold", false);
		}
		return uuid;
	}

	private static <T extends OrgObject> Timeline<T> since(String date, String file, T value) {
		try {
			return Timeline.of(Validity.from(LocalDate.parse(date)), value);
		}
		catch (DateTimeParseException ex) {
			throw new AdapterException(NAME + ": " + file + " has the date '" + date + "', expected YYYY-MM-DD", false,
					ex);
		}
	}

}
