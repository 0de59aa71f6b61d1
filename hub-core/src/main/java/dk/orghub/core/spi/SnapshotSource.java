package dk.orghub.core.spi;

/** Capability: a source that can deliver its full state. */
public interface SnapshotSource extends SourceAdapter {

	/**
	 * Reads the source's full state.
	 * @throws AdapterException when the source cannot be read; nothing is changed then
	 */
	Snapshot snapshot(SourceContext context);

}
