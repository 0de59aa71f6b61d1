package dk.orghub.routes.sync;

import java.util.List;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.Capabilities;

/**
 * A configured sync: an adapter with a schedule and thresholds. The run machinery
 * ({@code dk.orghub.routes.run}) runs it; this type only says what it is.
 */
public sealed interface Sync permits ImportSync, InboxSync, TargetSync {

	String name();

	SyncKind kind();

	Adapter adapter();

	SyncProperties.SyncSettings settings();

	/**
	 * The name of the lock a run takes (in the database, for every instance): the sync's
	 * own, unless it shares another sync's so that the two never run at once.
	 */
	default String lock() {
		return name();
	}

	/** The capability interfaces of the adapter, for the dashboard. */
	default List<String> capabilities() {
		return Capabilities.of(adapter());
	}

}
