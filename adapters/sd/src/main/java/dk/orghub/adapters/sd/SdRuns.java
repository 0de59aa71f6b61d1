package dk.orghub.adapters.sd;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.spi.ConnectionTestable;
import dk.orghub.core.spi.FileDelivery;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.SourceRules;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.OrgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SD-Løn as a {@link FileSource}: each run of the sync plans one {@link SdSync} read (the
 * change feed from the stored token, or a full read when there is none) as one change
 * set, which the hub checks and writes. It goes through {@link SdSync} rather than the
 * generic import of a {@code ChangeFeedSource} because SD gives today's unit tree only:
 * {@link SdSync} keeps the parent the store holds before today (a move takes effect on
 * the day it is found instead of rewriting the unit's history) and ends the units and
 * unit addresses SD no longer has, which the bare change feed does not.
 * <p>
 * The SPI's capability for a source whose plan needs more than the generic import is
 * {@link FileSource}; here there is always exactly one "file" waiting: the next read of
 * SD. Records SD rejects go to the quarantine with their reason and leave it when a later
 * run applies them. Like the OPUS inbox, a plan over the safety thresholds waits for
 * approval.
 */
public final class SdRuns implements FileSource, ConnectionTestable {

	private static final Logger log = LoggerFactory.getLogger(SdRuns.class);

	private final SdAdapter adapter;

	private final SdSync sync;

	private final OrgStore store;

	public SdRuns(SdAdapter adapter, SdSync sync, OrgStore store) {
		this.adapter = Objects.requireNonNull(adapter, "adapter");
		this.sync = Objects.requireNonNull(sync, "sync");
		this.store = Objects.requireNonNull(store, "store");
	}

	@Override
	public String name() {
		return this.adapter.name();
	}

	@Override
	public void validate() {
		this.adapter.validate();
	}

	@Override
	public SourceOwnership ownership() {
		return this.adapter.ownership();
	}

	@Override
	public void testConnection() {
		this.adapter.testConnection();
	}

	@Override
	public String location() {
		return "SD-Løn " + this.adapter.config().baseUri() + " (institution " + this.adapter.config().institution()
				+ ")";
	}

	/** The next read: the change feed since the stored date, or a full read. */
	@Override
	public List<Path> pending() {
		return List
			.of(Path.of(this.sync.lastFetched().map((date) -> "SD changes since " + date).orElse("SD full read")));
	}

	/** SD's default rules ({@link SdConfig#rules()}), which the hub runs on each read. */
	@Override
	public SourceRules rules() {
		return this.adapter.rules();
	}

	/**
	 * Reads SD ({@link SdSync#read()}: the change feed since the stored date, or
	 * everything), for the hub's rules to run on before
	 * {@link #plan(Path, FileDelivery)}.
	 */
	@Override
	public FileDelivery read(Path file) {
		SdSync.Read read = this.sync.read();
		return new FileDelivery(file.toString(), read.objects(), List.of(), read);
	}

	/**
	 * Plans the read the hub's rules ran on ({@link SdSync#plan(SdSync.Read)}); the
	 * change set carries the date read up to as the token, so the store moves the feed on
	 * with the data it writes.
	 */
	@Override
	public FilePlan plan(Path file, FileDelivery delivery) {
		return plan(this.sync.plan(((SdSync.Read) delivery.detail()).with(delivery.objects())));
	}

	/**
	 * Reads and plans the next read of SD with the sync's own rules
	 * ({@link SdSync#plan()}).
	 */
	@Override
	public FilePlan plan(Path file) {
		return plan(this.sync.plan());
	}

	private FilePlan plan(SdSync.Planned planned) {
		String label = planned.mode() == SdRunReport.Mode.FULL ? "SD full read" : "SD changes up to " + planned.token();
		return new FilePlan(label, planned.delivered(), planned.changes(),
				planned.read().rejected().stream().map(this::rejected).toList(),
				planned.read().warnings().stream().map(SdProblem::toString).toList(), List.of(), null);
	}

	/** Nothing to move: the token the store wrote with the data is where SD goes on. */
	@Override
	public String applied(Path file, FilePlan plan, ApplyResult result) {
		log.info("SD: {} written ({} changes)", plan.file(), result.changes().size());
		return null;
	}

	/**
	 * Nothing to set aside: SD is read again on the next run, which stops for approval
	 * again while SD still delivers what tripped the thresholds.
	 */
	@Override
	public String rejected(Path file, String reason) {
		log.info("SD: {} was rejected ({}); the next run reads SD again", file, reason);
		return null;
	}

	/**
	 * A rejected record as a quarantine entry, named by the object it would have given:
	 * the UUID the adapter names (a unit's DepartmentUUIDIdentifier, an engagement's
	 * UUID), else the one the store binds to the SD id, else a name-based UUID. A person
	 * is named by its masked CPR number only.
	 */
	private FilePlan.RejectedRecord rejected(SdProblem problem) {
		ObjectType type = switch (problem.element()) {
			case "Department" -> ObjectType.ORG_UNIT;
			case "Person" -> ObjectType.PERSON;
			default -> ObjectType.ENGAGEMENT;
		};
		String kind = switch (type) {
			case ORG_UNIT -> "unit:";
			case PERSON -> "rejected-person:";
			default -> "engagement:";
		};
		UUID uuid = (type != ObjectType.PERSON)
				? ((problem.uuid() != null) ? problem.uuid() : identities(type).get(problem.id())) : null;
		if (uuid == null) {
			uuid = UUID
				.nameUUIDFromBytes(("orghub:sd:" + this.adapter.config().institution() + ":" + kind + problem.id())
					.getBytes(StandardCharsets.UTF_8));
		}
		return new FilePlan.RejectedRecord(type, uuid, problem.id(), problem.toString());
	}

	private Map<String, UUID> identities(ObjectType type) {
		return this.store.identities(this.adapter.name(), type);
	}

}
