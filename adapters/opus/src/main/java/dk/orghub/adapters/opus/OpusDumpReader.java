package dk.orghub.adapters.opus;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;

/**
 * Turns one OPUS dump file into canonical objects: streaming parse, validation (rejected
 * records are reported, not applied), mapping and the rules that need only the dump.
 */
public final class OpusDumpReader {

	/**
	 * Dump file names: {@code ZLPE<yyyyMMddHHmmss>...xml}; the time stamp orders them.
	 */
	public static final Pattern FILE_NAME = Pattern.compile("^ZLPE(\\d{14}).*\\.xml$");

	/** The object types a dump is complete for: missing ones are ended. */
	public static final Set<ObjectType> SCOPE = Set.of(ObjectType.ORG_UNIT, ObjectType.ADDRESS, ObjectType.PERSON,
			ObjectType.ENGAGEMENT, ObjectType.MANAGER, ObjectType.IT_USER);

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final OpusConfig config;

	private final OpusMapper mapper;

	public OpusDumpReader(OpusConfig config) {
		config.validate();
		this.config = config;
		this.mapper = new OpusMapper(config);
	}

	/** What the OPUS source delivers and owns. */
	public static SourceOwnership ownership() {
		Map<ObjectType, Set<String>> fields = new HashMap<>();
		fields.put(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType", "unitLevel"));
		fields.put(ObjectType.ADDRESS, Set.of("userKey", "owner", "ownerKind", "addressType", "value", "visibility"));
		fields.put(ObjectType.PERSON, Set.of("userKey", "cpr", "givenName", "surname"));
		fields.put(ObjectType.ENGAGEMENT, Set.of("userKey", "person", "unit", "jobFunction", "engagementType",
				"fraction", "primary", "originalUnit"));
		fields.put(ObjectType.MANAGER, Set.of("userKey", "unit", "person", "managerType", "managerLevel"));
		fields.put(ObjectType.KLASSE, Set.of("userKey", "facet", "title", "scope"));
		fields.put(ObjectType.IT_USER, Set.of("userKey", "person", "itSystem", "externalId", "enabled"));
		return new SourceOwnership(fields);
	}

	/**
	 * The export time in a dump's file name.
	 * @throws OpusFileException when the name has no time stamp
	 */
	public static LocalDateTime exportTime(Path file) {
		String name = file.getFileName().toString();
		Matcher matcher = FILE_NAME.matcher(name);
		if (!matcher.matches()) {
			throw new OpusFileException(file, -1,
					"the file name '" + name + "' is not ZLPE<yyyyMMddHHmmss>...xml, so its time is unknown");
		}
		try {
			return LocalDateTime.parse(matcher.group(1), STAMP);
		}
		catch (DateTimeParseException ex) {
			throw new OpusFileException(file, -1, "the time stamp in '" + name + "' is not a valid date and time", ex);
		}
	}

	/**
	 * The dump as a full snapshot that speaks from the dump's date on, with the change
	 * feed token set to the file name.
	 */
	public Snapshot snapshot(Path file, SourceContext context) {
		MappedDump dump = read(file, personUuids(context));
		return new Snapshot(SCOPE, dump.date(), new ArrayList<>(dump.objects().values()),
				file.getFileName().toString());
	}

	/** Parses and validates a dump, and reports what was rejected and warned about. */
	public List<RecordProblem> problems(Path file) {
		ValidatedDump dump = validate(file);
		List<RecordProblem> problems = new ArrayList<>(dump.rejected());
		problems.addAll(dump.warnings());
		return problems;
	}

	ValidatedDump validate(Path file) {
		LocalDateTime time = exportTime(file);
		List<OpusRecord> units = new ArrayList<>();
		List<OpusRecord> employees = new ArrayList<>();
		OpusParser.parse(file, record -> {
			if (OpusRecord.ORG_UNIT.equals(record.element())) {
				units.add(record);
			}
			else {
				employees.add(record);
			}
		});
		return OpusValidator.validate(file.getFileName().toString(), time.toLocalDate(), units, employees,
				this.config.contacts());
	}

	MappedDump read(Path file, Function<String, UUID> personUuid) {
		return this.mapper.map(validate(file), personUuid);
	}

	OpusMapper mapper() {
		return this.mapper;
	}

	OpusConfig config() {
		return this.config;
	}

	/**
	 * Person UUIDs from the context ({@link SourceContext#identity}: the bound one, else
	 * the hub's stable UUID for a new person), the same for one CPR number within one
	 * use.
	 */
	static Function<String, UUID> personUuids(SourceContext context) {
		Map<String, UUID> known = new HashMap<>();
		return cpr -> known.computeIfAbsent(cpr, c -> context.identity(ObjectType.PERSON, c));
	}

}
