package dk.orghub.adapters.exports.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.orghub.adapters.exports.ExportDocument;
import dk.orghub.adapters.exports.Language;
import dk.orghub.adapters.exports.OrgSnapshot;
import dk.orghub.adapters.exports.UnknownUnitException;
import dk.orghub.adapters.exports.table.Table;
import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.Association;
import dk.orghub.core.model.Engagement;
import dk.orghub.core.model.Manager;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.model.OwnerKind;
import dk.orghub.core.model.Person;
import dk.orghub.core.model.Validity;
import dk.orghub.core.model.Versioned;
import dk.orghub.core.query.OrgTree;
import dk.orghub.core.rules.UnitScope;
import dk.orghub.core.store.OrgStore;
import dk.orghub.core.store.ReadPoint;

/**
 * Exports the organisation at a date, or a subtree of it, as tables: the line
 * organisation's units, engagements, managers and addresses, the MED organisation's units
 * and the associations (line and MED), with class titles instead of class UUIDs. A
 * subtree export has the MED units covering a unit of the subtree, and the associations
 * of its line and MED units. "Valid from" and "Valid to" are those of the values shown (a
 * rename or a change of hours starts a new version). CPR numbers are never exported;
 * secret addresses only when asked for. Reads only; thread-safe when the store is.
 */
public final class OrganisationExporter {

	private static final UUID SECRET = DefaultClasses.classUuid(DefaultClasses.VISIBILITY, "SECRET");

	private final OrgStore store;

	private final Clock clock;

	private final UnitScope scope;

	/** An exporter of the line organisation, whole. */
	public OrganisationExporter(OrgStore store, Clock clock) {
		this(store, clock, UnitScope.lineOrganisation());
	}

	/**
	 * @param scope the units exported (and what is placed in them)
	 */
	public OrganisationExporter(OrgStore store, Clock clock, UnitScope scope) {
		this.store = Objects.requireNonNull(store, "store");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.scope = Objects.requireNonNull(scope, "scope");
	}

	/**
	 * The organisation at a date as known now.
	 * @param at the date, {@code null} for today (Europe/Copenhagen)
	 * @param root the root unit's UUID or user key, {@code null} or blank for all
	 * @throws UnknownUnitException when the root unit is not valid at the date
	 */
	public ExportDocument export(LocalDate at, String root, OrganisationOptions options) {
		return export(ReadPoint.of(at, null, this.clock), root, options);
	}

	public ExportDocument export(ReadPoint point, String root, OrganisationOptions options) {
		return export(OrgSnapshot.load(this.store, point, this.scope), root, options);
	}

	/** The export of a snapshot already read. */
	public static ExportDocument export(OrgSnapshot snapshot, String root, OrganisationOptions options) {
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(options, "options");
		UUID rootUnit = null;
		String baseName = "organisation-" + snapshot.at();
		if (root != null && !root.isBlank()) {
			rootUnit = snapshot.findUnit(root).orElseThrow(() -> new UnknownUnitException(root, snapshot.at()));
			String key = snapshot.tree().unit(rootUnit).map(v -> v.value().userKey()).orElse(rootUnit.toString());
			baseName += "-" + key.replaceAll("[^A-Za-z0-9._-]", "_");
		}
		return new Builder(snapshot, rootUnit, options).build(baseName);
	}

	/** Builds the tables of one export. */
	private static final class Builder {

		private final OrgSnapshot snapshot;

		private final OrganisationOptions options;

		private final Language l;

		private final List<Versioned<OrgUnit>> units = new ArrayList<>();

		private final Set<UUID> unitSet = new HashSet<>();

		private final List<Versioned<Engagement>> engagements = new ArrayList<>();

		private final Set<UUID> personSet = new HashSet<>();

		private final Map<UUID, Engagement> engagementSet = new HashMap<>();

		private final Map<UUID, Versioned<OrgUnit>> medUnits = new LinkedHashMap<>();

		private final OrgTree medTree;

		Builder(OrgSnapshot snapshot, UUID root, OrganisationOptions options) {
			this.snapshot = snapshot;
			this.options = options;
			this.l = options.language();
			if (root != null) {
				this.units.addAll(snapshot.tree().subtree(root));
			}
			else {
				snapshot.tree().roots().forEach(r -> this.units.addAll(snapshot.tree().subtree(r.value().uuid())));
			}
			this.units.forEach(u -> this.unitSet.add(u.value().uuid()));
			for (Versioned<Engagement> engagement : snapshot.engagements()) {
				if (this.unitSet.contains(engagement.value().unit())) {
					this.engagements.add(engagement);
					this.personSet.add(engagement.value().person());
					this.engagementSet.put(engagement.value().uuid(), engagement.value());
				}
			}
			this.medTree = OrgTree.of(snapshot.medUnitVersions());
			for (Versioned<OrgUnit> committee : snapshot.medUnitVersions()) {
				if (root == null || committee.value().covers().stream().anyMatch(this.unitSet::contains)) {
					this.medUnits.put(committee.value().uuid(), committee);
				}
			}
		}

		ExportDocument build(String baseName) {
			List<Table> tables = new ArrayList<>();
			for (OrganisationTable table : OrganisationTable.values()) {
				if (!this.options.tables().contains(table)) {
					continue;
				}
				tables.add(switch (table) {
					case UNITS -> units();
					case ENGAGEMENTS -> engagements();
					case MANAGERS -> managers();
					case ADDRESSES -> addresses();
					case MED_UNITS -> medUnits();
					case ASSOCIATIONS -> associations();
				});
			}
			return new ExportDocument(baseName, tables);
		}

		private Table units() {
			Table.Builder table = Table.builder(OrganisationTable.UNITS.key(), this.l.pick("Units", "Enheder"),
					List.of(this.l.pick("Unit id", "Enheds-id"), this.l.pick("Unit key", "Enhedsnøgle"),
							this.l.pick("Unit name", "Enhedsnavn"), this.l.pick("Parent id", "Overordnet enheds-id"),
							this.l.pick("Parent key", "Overordnet enhedsnøgle"), this.l.pick("Unit type", "Enhedstype"),
							this.l.pick("Unit level", "Enhedsniveau"),
							this.l.pick("Payout unit key", "Udbetalende enheds nøgle"),
							this.l.pick("Unit path", "Enhedssti"), this.l.pick("Valid from", "Gyldig fra"),
							this.l.pick("Valid to", "Gyldig til"), this.l.pick("Unit ends", "Enheden nedlægges")));
			for (Versioned<OrgUnit> versioned : this.units) {
				OrgUnit unit = versioned.value();
				table.row(unit.uuid().toString(), unit.userKey(), unit.name(), text(unit.parent()),
						unitKey(unit.parent()), this.snapshot.title(unit.unitType()),
						this.snapshot.title(unit.unitLevel()), unitKey(unit.payoutUnit()),
						this.snapshot.tree().path(unit.uuid()), versioned.validity().from(), to(versioned.validity()),
						this.snapshot.unitEnd(unit.uuid()).orElse(null));
			}
			return table.build();
		}

		private Table engagements() {
			Table.Builder table = Table.builder(OrganisationTable.ENGAGEMENTS.key(),
					this.l.pick("Engagements", "Ansættelser"),
					List.of(this.l.pick("Employment number", "Ansættelsesnummer"),
							this.l.pick("Person key", "Personnøgle"), this.l.pick("Name", "Navn"),
							this.l.pick("Unit id", "Enheds-id"), this.l.pick("Unit key", "Enhedsnøgle"),
							this.l.pick("Unit name", "Enhedsnavn"), this.l.pick("Job function", "Stillingsbetegnelse"),
							this.l.pick("Engagement type", "Ansættelsestype"),
							this.l.pick("Fraction", "Beskæftigelsesgrad"), this.l.pick("Primary", "Primær"),
							this.l.pick("Valid from", "Gyldig fra"), this.l.pick("Valid to", "Gyldig til")));
			for (Versioned<Engagement> versioned : this.engagements) {
				Engagement engagement = versioned.value();
				Person person = this.snapshot.person(engagement.person()).orElse(null);
				table.row(engagement.userKey(), (person != null) ? person.userKey() : null,
						OrgSnapshot.fullName(person), engagement.unit().toString(), unitKey(engagement.unit()),
						unitName(engagement.unit()), this.snapshot.title(engagement.jobFunction()),
						this.snapshot.title(engagement.engagementType()), engagement.fraction(),
						this.l.yesNo(engagement.primary()), versioned.validity().from(), to(versioned.validity()));
			}
			return table.build();
		}

		private Table managers() {
			Table.Builder table = Table.builder(OrganisationTable.MANAGERS.key(), this.l.pick("Managers", "Ledere"),
					List.of(this.l.pick("Manager key", "Ledernøgle"), this.l.pick("Unit id", "Enheds-id"),
							this.l.pick("Unit key", "Enhedsnøgle"), this.l.pick("Unit name", "Enhedsnavn"),
							this.l.pick("Person key", "Personnøgle"), this.l.pick("Name", "Navn"),
							this.l.pick("Vacant", "Vakant"), this.l.pick("Manager type", "Ledertype"),
							this.l.pick("Manager level", "Lederniveau"), this.l.pick("Responsibilities", "Lederansvar"),
							this.l.pick("E-mail", "E-mail"), this.l.pick("Valid from", "Gyldig fra"),
							this.l.pick("Valid to", "Gyldig til")));
			for (Versioned<Manager> versioned : this.snapshot.managers()) {
				Manager manager = versioned.value();
				if (!this.unitSet.contains(manager.unit())) {
					continue;
				}
				Person person = (manager.person() != null) ? this.snapshot.person(manager.person()).orElse(null) : null;
				String responsibilities = manager.responsibilities()
					.stream()
					.map(this.snapshot::title)
					.collect(Collectors.joining(", "));
				table.row(manager.userKey(), manager.unit().toString(), unitKey(manager.unit()),
						unitName(manager.unit()), (person != null) ? person.userKey() : null,
						OrgSnapshot.fullName(person), this.l.yesNo(manager.isVacant()),
						this.snapshot.title(manager.managerType()), this.snapshot.title(manager.managerLevel()),
						responsibilities,
						(manager.person() != null) ? this.snapshot.email(manager.person()).orElse(null) : null,
						versioned.validity().from(), to(versioned.validity()));
			}
			return table.build();
		}

		private Table addresses() {
			Table.Builder table = Table.builder(OrganisationTable.ADDRESSES.key(), this.l.pick("Addresses", "Adresser"),
					List.of(this.l.pick("Address key", "Adressenøgle"), this.l.pick("Owner kind", "Ejertype"),
							this.l.pick("Owner id", "Ejer-id"), this.l.pick("Owner key", "Ejernøgle"),
							this.l.pick("Owner name", "Ejernavn"), this.l.pick("Address type", "Adressetype"),
							this.l.pick("Value", "Værdi"), this.l.pick("Visibility", "Synlighed"),
							this.l.pick("Valid from", "Gyldig fra"), this.l.pick("Valid to", "Gyldig til")));
			for (Versioned<Address> versioned : this.snapshot.addresses()) {
				Address address = versioned.value();
				if (!this.options.includeSecretAddresses() && SECRET.equals(address.visibility())) {
					continue;
				}
				String[] owner = owner(address);
				if (owner == null) {
					continue;
				}
				table.row(address.userKey(), owner[0], address.owner().toString(), owner[1], owner[2],
						this.snapshot.title(address.addressType()), address.value(),
						this.snapshot.title(address.visibility()), versioned.validity().from(),
						to(versioned.validity()));
			}
			return table.build();
		}

		private Table medUnits() {
			Table.Builder table = Table.builder(OrganisationTable.MED_UNITS.key(),
					this.l.pick("MED units", "MED-enheder"),
					List.of(this.l.pick("Unit id", "Enheds-id"), this.l.pick("Unit key", "Enhedsnøgle"),
							this.l.pick("Unit name", "Enhedsnavn"), this.l.pick("Parent id", "Overordnet enheds-id"),
							this.l.pick("Parent key", "Overordnet enhedsnøgle"), this.l.pick("Unit path", "Enhedssti"),
							this.l.pick("Covers unit keys", "Dækker enhedsnøgler"), this.l.pick("Covers", "Dækker"),
							this.l.pick("Valid from", "Gyldig fra"), this.l.pick("Valid to", "Gyldig til")));
			for (Versioned<OrgUnit> versioned : this.medUnits.values()) {
				OrgUnit unit = versioned.value();
				Versioned<OrgUnit> parent = (unit.parent() != null) ? this.medTree.unit(unit.parent()).orElse(null)
						: null;
				List<UUID> covers = unit.covers().stream().filter(u -> this.snapshot.tree().contains(u)).toList();
				table.row(unit.uuid().toString(), unit.userKey(), unit.name(), text(unit.parent()),
						(parent != null) ? parent.value().userKey() : null, this.medTree.path(unit.uuid()),
						covers.stream().map(this::unitKey).collect(Collectors.joining("; ")),
						covers.stream().map(this::unitName).collect(Collectors.joining("; ")),
						versioned.validity().from(), to(versioned.validity()));
			}
			return table.build();
		}

		private Table associations() {
			Table.Builder table = Table.builder(OrganisationTable.ASSOCIATIONS.key(),
					this.l.pick("Associations", "Tilknytninger"),
					List.of(this.l.pick("Association key", "Tilknytningsnøgle"),
							this.l.pick("Person key", "Personnøgle"), this.l.pick("Name", "Navn"),
							this.l.pick("E-mail", "E-mail"), this.l.pick("Unit id", "Enheds-id"),
							this.l.pick("Unit key", "Enhedsnøgle"), this.l.pick("Unit name", "Enhedsnavn"),
							this.l.pick("Hierarchy", "Hierarki"), this.l.pick("Association type", "Tilknytningstype"),
							this.l.pick("Job function", "Stillingsbetegnelse"), this.l.pick("Valid from", "Gyldig fra"),
							this.l.pick("Valid to", "Gyldig til")));
			for (Versioned<Association> versioned : this.snapshot.associations()) {
				Association association = versioned.value();
				OrgUnit unit = unitOfAssociation(association.unit());
				if (unit == null) {
					continue;
				}
				Person person = this.snapshot.person(association.person()).orElse(null);
				table.row(association.userKey(), (person != null) ? person.userKey() : null,
						OrgSnapshot.fullName(person), this.snapshot.email(association.person()).orElse(null),
						unit.uuid().toString(), unit.userKey(), unit.name(), this.snapshot.title(unit.hierarchy()),
						this.snapshot.title(association.associationType()),
						this.snapshot.title(association.jobFunction()), versioned.validity().from(),
						to(versioned.validity()));
			}
			return table.build();
		}

		/**
		 * The line or MED unit of an association when it lies in the export, else null.
		 */
		private OrgUnit unitOfAssociation(UUID unit) {
			if (this.unitSet.contains(unit)) {
				return this.snapshot.tree().unit(unit).map(Versioned::value).orElse(null);
			}
			Versioned<OrgUnit> committee = this.medUnits.get(unit);
			return (committee != null) ? committee.value() : null;
		}

		/**
		 * Kind, key and name of an address's owner when it lies in the export, else
		 * {@code null}.
		 */
		private String[] owner(Address address) {
			UUID owner = address.owner();
			OwnerKind kind = address.ownerKind();
			if (kind == OwnerKind.ORG_UNIT && this.unitSet.contains(owner)) {
				return new String[] { this.l.pick("unit", "enhed"), unitKey(owner), unitName(owner) };
			}
			if (kind == OwnerKind.PERSON && this.personSet.contains(owner)) {
				Person person = this.snapshot.person(owner).orElse(null);
				return new String[] { this.l.pick("person", "person"), (person != null) ? person.userKey() : null,
						OrgSnapshot.fullName(person) };
			}
			if (kind == OwnerKind.ENGAGEMENT && this.engagementSet.containsKey(owner)) {
				Engagement engagement = this.engagementSet.get(owner);
				return new String[] { this.l.pick("engagement", "ansættelse"), engagement.userKey(),
						OrgSnapshot.fullName(this.snapshot.person(engagement.person()).orElse(null)) };
			}
			return null;
		}

		private String unitKey(UUID unit) {
			return (unit != null) ? this.snapshot.tree().unit(unit).map(v -> v.value().userKey()).orElse(null) : null;
		}

		private String unitName(UUID unit) {
			return (unit != null) ? this.snapshot.tree().unit(unit).map(v -> v.value().name()).orElse(null) : null;
		}

		private static String text(UUID uuid) {
			return (uuid != null) ? uuid.toString() : null;
		}

		private static Object to(Validity validity) {
			return validity.to();
		}

	}

}
