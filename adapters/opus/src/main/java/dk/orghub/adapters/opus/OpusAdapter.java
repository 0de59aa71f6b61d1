package dk.orghub.adapters.opus;

import java.nio.file.Files;

import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SnapshotSource;
import dk.orghub.core.spi.SourceContext;
import dk.orghub.core.spi.SourceOwnership;
import dk.orghub.core.spi.SourceRules;

/**
 * KMD OPUS as a {@link SnapshotSource}: the dump file named by the configuration
 * ({@code dumpFile}) is the source's full state from the dump's date on. For the inbox
 * with diffs against the previous dump, quarantine and moving files, use
 * {@link OpusInbox}.
 */
public final class OpusAdapter implements SnapshotSource {

	private final OpusConfig config;

	private final OpusDumpReader reader;

	public OpusAdapter(OpusConfig config) {
		this.config = config;
		this.reader = new OpusDumpReader(config);
	}

	@Override
	public String name() {
		return this.config.sourceName();
	}

	@Override
	public void validate() {
		this.config.validate();
		if (this.config.dumpFile() == null) {
			throw new AdapterConfigurationException("hub.sources.opus.dump-file is required for the OPUS snapshot");
		}
	}

	@Override
	public SourceOwnership ownership() {
		return OpusDumpReader.ownership();
	}

	/**
	 * OPUS's default rules ({@link OpusConfig#rules()}), which the hub runs on the
	 * snapshot.
	 */
	@Override
	public SourceRules rules() {
		return this.config.rules();
	}

	@Override
	public Snapshot snapshot(SourceContext context) {
		validate();
		if (!Files.isRegularFile(this.config.dumpFile())) {
			throw new AdapterException("OPUS dump " + this.config.dumpFile() + " does not exist", true);
		}
		try {
			return this.reader.snapshot(this.config.dumpFile(), context);
		}
		catch (OpusFileException ex) {
			throw new AdapterException(
					"OPUS dump " + this.config.dumpFile().getFileName() + " rejected: " + ex.getMessage(), false, ex);
		}
	}

}
