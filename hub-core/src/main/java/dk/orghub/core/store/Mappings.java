package dk.orghub.core.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Facet;
import dk.orghub.core.model.ItUser;
import dk.orghub.core.model.Kle;
import dk.orghub.core.model.Klasse;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgObject;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.Organisation;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.store.Mapping.Column;
import dk.orghub.core.store.Mapping.Reference;
import dk.orghub.core.store.Mapping.Target;

/** The mapping of every object type to its table. */
final class Mappings {

	private static final Map<ObjectType, Mapping<?>> BY_TYPE = new EnumMap<>(ObjectType.class);

	static {
		register(new Mapping<>(ObjectType.ORGANISATION, Organisation.class, "organisation",
				List.of(text("name", Organisation::name), text("cvr", Organisation::cvr),
						text("municipality_code", Organisation::municipalityCode)),
				(rs, uuid, key) -> new Organisation(uuid, key, rs.getString("name"), rs.getString("cvr"),
						rs.getString("municipality_code")),
				List.of()));
		register(new Mapping<>(ObjectType.ORG_UNIT, OrgUnit.class, "org_unit",
				List.of(text("name", OrgUnit::name), ref("parent_uuid", OrgUnit::parent, "parent"),
						ref("unit_type", OrgUnit::unitType, "unitType"),
						ref("unit_level", OrgUnit::unitLevel, "unitLevel"),
						ref("payout_unit", OrgUnit::payoutUnit, "payoutUnit"),
						ref("hierarchy", OrgUnit::hierarchy, "hierarchy"), text("covers", u -> joined(u.covers()))),
				(rs, uuid, key) -> new OrgUnit(uuid, key, rs.getString("name"), uuid(rs, "parent_uuid"),
						uuid(rs, "unit_type"), uuid(rs, "unit_level"), uuid(rs, "payout_unit"), uuid(rs, "hierarchy"),
						uuids(rs.getString("covers"))),
				List.of(reference("parent", OrgUnit::parent, "parent_uuid", ObjectType.ORG_UNIT, "within-parent"),
						classRef("unitType", OrgUnit::unitType, "unit_type"),
						classRef("unitLevel", OrgUnit::unitLevel, "unit_level"), reference("payoutUnit",
								OrgUnit::payoutUnit, "payout_unit", ObjectType.ORG_UNIT, "reference-valid"),
						classRef("hierarchy", OrgUnit::hierarchy, "hierarchy"))));
		register(new Mapping<>(ObjectType.PERSON, Person.class, "person",
				List.of(text("cpr", Person::cpr), text("given_name", Person::givenName),
						text("surname", Person::surname), text("nickname", Person::nickname),
						text("no_cpr_reason", Person::noCprReason)),
				(rs, uuid, key) -> new Person(uuid, key, rs.getString("cpr"), rs.getString("given_name"),
						rs.getString("surname"), rs.getString("nickname"), rs.getString("no_cpr_reason")),
				List.of()));
		register(new Mapping<>(ObjectType.ENGAGEMENT, Engagement.class, "engagement",
				List.of(ref("person_uuid", Engagement::person, "person"), ref("unit_uuid", Engagement::unit, "unit"),
						ref("job_function", Engagement::jobFunction, "jobFunction"),
						ref("engagement_type", Engagement::engagementType, "engagementType"),
						new Column<>("fraction", Types.NUMERIC, Engagement::fraction, null),
						new Column<>("is_primary", Types.BOOLEAN, Engagement::primary, null),
						new Column<>("primary_by_hand", Types.BOOLEAN, Engagement::primaryByHand, null),
						ref("original_unit", Engagement::originalUnit, "originalUnit")),
				(rs, uuid, key) -> new Engagement(uuid, key, uuid(rs, "person_uuid"), uuid(rs, "unit_uuid"),
						uuid(rs, "job_function"), uuid(rs, "engagement_type"),
						rs.getObject("fraction", BigDecimal.class), rs.getBoolean("is_primary"),
						rs.getBoolean("primary_by_hand"), uuid(rs, "original_unit")),
				List.of(reference("person", Engagement::person, "person_uuid", ObjectType.PERSON, "within-person"),
						reference("unit", Engagement::unit, "unit_uuid", ObjectType.ORG_UNIT, "within-unit"),
						classRef("jobFunction", Engagement::jobFunction, "job_function"),
						classRef("engagementType", Engagement::engagementType, "engagement_type"))));
		register(new Mapping<>(ObjectType.ASSOCIATION, Association.class, "association",
				List.of(ref("person_uuid", Association::person, "person"), ref("unit_uuid", Association::unit, "unit"),
						ref("association_type", Association::associationType, "associationType"),
						ref("job_function", Association::jobFunction, "jobFunction")),
				(rs, uuid, key) -> new Association(uuid, key, uuid(rs, "person_uuid"), uuid(rs, "unit_uuid"),
						uuid(rs, "association_type"), uuid(rs, "job_function")),
				List.of(reference("person", Association::person, "person_uuid", ObjectType.PERSON, "within-person"),
						reference("unit", Association::unit, "unit_uuid", ObjectType.ORG_UNIT, "within-unit"),
						classRef("associationType", Association::associationType, "association_type"),
						classRef("jobFunction", Association::jobFunction, "job_function"))));
		register(new Mapping<>(ObjectType.MANAGER, Manager.class, "manager",
				List.of(ref("unit_uuid", Manager::unit, "unit"), ref("person_uuid", Manager::person, "person"),
						ref("manager_type", Manager::managerType, "managerType"),
						ref("manager_level", Manager::managerLevel, "managerLevel"),
						text("responsibilities", m -> joined(m.responsibilities()))),
				(rs, uuid, key) -> new Manager(uuid, key, uuid(rs, "unit_uuid"), uuid(rs, "person_uuid"),
						uuid(rs, "manager_type"), uuid(rs, "manager_level"), uuids(rs.getString("responsibilities"))),
				List.of(reference("unit", Manager::unit, "unit_uuid", ObjectType.ORG_UNIT, "within-unit"),
						reference("person", Manager::person, "person_uuid", ObjectType.PERSON, "within-person"),
						classRef("managerType", Manager::managerType, "manager_type"),
						classRef("managerLevel", Manager::managerLevel, "manager_level"))));
		register(new Mapping<>(ObjectType.ADDRESS, Address.class, "address",
				List.of(ref("owner_uuid", Address::owner, "owner"),
						text("owner_kind", a -> (a.ownerKind() != null) ? a.ownerKind().name() : null),
						ref("address_type", Address::addressType, "addressType"), text("address_value", Address::value),
						ref("visibility", Address::visibility, "visibility")),
				(rs, uuid, key) -> new Address(uuid, key, uuid(rs, "owner_uuid"), ownerKind(rs.getString("owner_kind")),
						uuid(rs, "address_type"), rs.getString("address_value"), uuid(rs, "visibility")),
				List.of(new Reference<>("owner",
						a -> (a.owner() != null && a.ownerKind() != null)
								? new Target(a.ownerKind().objectType(), a.owner()) : null,
						"owner_uuid", Arrays.stream(OwnerKind.values()).map(OwnerKind::objectType).toList(),
						"within-owner"), classRef("addressType", Address::addressType, "address_type"),
						classRef("visibility", Address::visibility, "visibility"))));
		register(new Mapping<>(ObjectType.IT_USER, ItUser.class, "it_user",
				List.of(ref("person_uuid", ItUser::person, "person"), ref("it_system", ItUser::itSystem, "itSystem"),
						text("external_id", ItUser::externalId),
						new Column<>("enabled", Types.BOOLEAN, ItUser::enabled, null)),
				(rs, uuid, key) -> new ItUser(uuid, key, uuid(rs, "person_uuid"), uuid(rs, "it_system"),
						rs.getString("external_id"), rs.getBoolean("enabled")),
				List.of(reference("person", ItUser::person, "person_uuid", ObjectType.PERSON, "within-person"),
						classRef("itSystem", ItUser::itSystem, "it_system"))));
		register(new Mapping<>(ObjectType.KLE, Kle.class, "kle",
				List.of(ref("unit_uuid", Kle::unit, "unit"), text("kle_number", Kle::kleNumber),
						ref("aspect", Kle::aspect, "aspect")),
				(rs, uuid, key) -> new Kle(uuid, key, uuid(rs, "unit_uuid"), rs.getString("kle_number"),
						uuid(rs, "aspect")),
				List.of(reference("unit", Kle::unit, "unit_uuid", ObjectType.ORG_UNIT, "within-unit"),
						classRef("aspect", Kle::aspect, "aspect"))));
		register(new Mapping<>(ObjectType.FACET, Facet.class, "facet", List.of(text("description", Facet::description)),
				(rs, uuid, key) -> new Facet(uuid, key, rs.getString("description")), List.of()));
		register(new Mapping<>(ObjectType.KLASSE, Klasse.class, "klasse",
				List.of(ref("facet_uuid", Klasse::facet, "facet"), text("title", Klasse::title),
						text("scope", Klasse::scope)),
				(rs, uuid, key) -> new Klasse(uuid, key, uuid(rs, "facet_uuid"), rs.getString("title"),
						rs.getString("scope")),
				List.of(reference("facet", Klasse::facet, "facet_uuid", ObjectType.FACET, "within-facet"))));
	}

	private Mappings() {
	}

	@SuppressWarnings("unchecked")
	static <T extends OrgObject> Mapping<T> of(ObjectType type) {
		return (Mapping<T>) BY_TYPE.get(type);
	}

	@SuppressWarnings("unchecked")
	static <T extends OrgObject> Mapping<T> of(Class<T> javaType) {
		for (Mapping<?> mapping : BY_TYPE.values()) {
			if (mapping.javaType().equals(javaType)) {
				return (Mapping<T>) mapping;
			}
		}
		throw new IllegalArgumentException("not a stored type: " + javaType);
	}

	/** Every mapping holding a reference that can point at {@code type}. */
	static List<Mapping<?>> referencing(ObjectType type) {
		List<Mapping<?>> result = new ArrayList<>();
		for (Mapping<?> mapping : BY_TYPE.values()) {
			for (Reference<?> reference : mapping.references()) {
				if (reference.targetTypes().contains(type)) {
					result.add(mapping);
					break;
				}
			}
		}
		return result;
	}

	private static void register(Mapping<?> mapping) {
		BY_TYPE.put(mapping.type(), mapping);
	}

	private static <T> Column<T> text(String name, Function<T, Object> getter) {
		return new Column<>(name, Types.VARCHAR, getter, null);
	}

	private static <T> Column<T> ref(String name, Function<T, Object> getter, String field) {
		return new Column<>(name, Types.OTHER, getter, field);
	}

	private static <T> Reference<T> reference(String field, Function<T, UUID> getter, String column, ObjectType target,
			String rule) {
		return new Reference<>(field, value -> {
			UUID uuid = getter.apply(value);
			return (uuid != null) ? new Target(target, uuid) : null;
		}, column, List.of(target), rule);
	}

	private static <T> Reference<T> classRef(String field, Function<T, UUID> getter, String column) {
		return reference(field, getter, column, ObjectType.KLASSE, "class-valid");
	}

	static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static String joined(List<UUID> uuids) {
		return uuids.isEmpty() ? null : uuids.stream().map(UUID::toString).collect(Collectors.joining(","));
	}

	private static List<UUID> uuids(String joined) {
		if (joined == null || joined.isBlank()) {
			return List.of();
		}
		return Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
	}

	private static OwnerKind ownerKind(String name) {
		return (name != null) ? OwnerKind.valueOf(name) : null;
	}

}
