package dk.orghub.core.spi;

import java.util.ArrayList;
import java.util.List;

/** Which capabilities an adapter has, for the hub and the dashboard. */
public final class Capabilities {

	private static final List<Class<? extends Adapter>> ALL = List.of(SnapshotSource.class, ChangeFeedSource.class,
			ConnectionTestable.class, ChangePublisher.class, Deactivator.class, ReadBack.class);

	private Capabilities() {
	}

	/** The simple names of the capability interfaces the adapter implements. */
	public static List<String> of(Adapter adapter) {
		List<String> names = new ArrayList<>();
		for (Class<? extends Adapter> capability : ALL) {
			if (capability.isInstance(adapter)) {
				names.add(capability.getSimpleName());
			}
		}
		return names;
	}

}
