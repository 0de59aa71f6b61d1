package dk.orghub.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.reconcile.FieldPolicy;
import dk.orghub.core.reconcile.Reconciler;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.store.ChangeSet;
import dk.orghub.core.store.OrgStore;

/**
 * A file source over a {@link MemorySystem}: each delivered "file" holds the unit ids of
 * the system at delivery, and its plan reconciles them with the store as a snapshot.
 */
final class MemoryInbox implements FileSource {

	enum Flaw {

		/** None: the source keeps the contract. */
		NONE,
		/** Planning writes. */
		WRITING_PLAN

	}

	private final MemorySystem system;

	private final Reconciler reconciler;

	private final OrgStore store;

	private final Flaw flaw;

	private final Map<Path, List<String>> waiting = new LinkedHashMap<>();

	private int delivered;

	MemoryInbox(MemorySystem system, OrgStore store, Flaw flaw) {
		this.system = system;
		this.reconciler = new Reconciler(store, FieldPolicy.none());
		this.store = store;
		this.flaw = flaw;
	}

	void deliver() {
		this.delivered++;
		this.waiting.put(Path.of("inbox", "dump-" + this.delivered + ".txt"), this.system.ids());
	}

	@Override
	public String name() {
		return "memory-inbox";
	}

	@Override
	public SourceOwnership ownership() {
		return new SourceOwnership(Map.of(ObjectType.ORG_UNIT, Set.of("userKey", "name", "parent", "unitType")));
	}

	@Override
	public List<Path> pending() {
		return List.copyOf(this.waiting.keySet());
	}

	@Override
	public FilePlan plan(Path file) {
		List<DesiredObject<?>> units = new ArrayList<>();
		this.waiting.get(file).forEach(id -> units.add(this.system.unit(id)));
		Snapshot snapshot = new Snapshot(Set.of(ObjectType.ORG_UNIT), null, units, null);
		ChangeSet changes = this.reconciler.plan(name(), ownership(), snapshot);
		if (this.flaw == Flaw.WRITING_PLAN) {
			this.store.apply(changes);
		}
		return new FilePlan(file.toString(), units.size(), changes, List.of(), List.of(), List.of(), null);
	}

	@Override
	public String applied(Path file, FilePlan plan, ApplyResult result) {
		this.waiting.remove(file);
		return "done/" + file.getFileName();
	}

	@Override
	public String rejected(Path file, String reason) {
		this.waiting.remove(file);
		return "error/" + file.getFileName();
	}

	@Override
	public String location() {
		return "memory inbox";
	}

}
