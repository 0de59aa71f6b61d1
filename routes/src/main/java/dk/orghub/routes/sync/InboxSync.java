package dk.orghub.routes.sync;

import java.util.Objects;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.FileSource;

/**
 * A sync over a {@link FileSource}: each run imports the oldest waiting file (the inbox
 * applies it), or previews it. Made by the registry for every {@link FileSource} adapter,
 * under the adapter's name unless a {@code hub.syncs} entry names the adapter.
 */
public final class InboxSync implements Sync {

	private final String name;

	private final FileSource inbox;

	private final SyncProperties.SyncSettings settings;

	InboxSync(String name, FileSource inbox, SyncProperties.SyncSettings settings) {
		this.name = Objects.requireNonNull(name, "name");
		this.inbox = Objects.requireNonNull(inbox, "inbox");
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public SyncKind kind() {
		return SyncKind.IMPORT;
	}

	@Override
	public Adapter adapter() {
		return this.inbox;
	}

	public FileSource inbox() {
		return this.inbox;
	}

	@Override
	public SyncProperties.SyncSettings settings() {
		return this.settings;
	}

}
