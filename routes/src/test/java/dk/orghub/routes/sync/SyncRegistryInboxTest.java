package dk.orghub.routes.sync;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dk.orghub.core.spi.Adapter;
import dk.orghub.core.spi.AdapterConfigurationException;
import dk.orghub.core.spi.FilePlan;
import dk.orghub.core.store.ApplyResult;
import dk.orghub.core.spi.FileSource;
import dk.orghub.core.spi.SourceOwnership;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A {@link FileSource} adapter gets a sync of its own unless a configured sync names it.
 */
class SyncRegistryInboxTest {

	private final FileSource inbox = new Inbox("payroll", false);

	@Test
	void anInboxNoSyncNamesGetsASyncUnderItsName() {
		SyncRegistry registry = new SyncRegistry(Map.of(), Map.of("payrollInbox", this.inbox));

		assertThat(registry.all()).singleElement().satisfies((sync) -> {
			assertThat(sync).isInstanceOf(InboxSync.class);
			assertThat(sync.name()).isEqualTo("payroll");
			assertThat(sync.kind()).isEqualTo(SyncKind.IMPORT);
			assertThat(sync.settings().scheduled()).isFalse();
			assertThat(sync.settings().description()).contains("/inbox");
		});
	}

	@Test
	void aSyncThatNamesTheInboxIsTheOnlyOne() {
		SyncRegistry registry = new SyncRegistry(Map.of("nightly-payroll", settings("payrollInbox")),
				Map.of("payrollInbox", this.inbox));

		assertThat(registry.all()).singleElement().satisfies((sync) -> {
			assertThat(sync).isInstanceOf(InboxSync.class);
			assertThat(sync.name()).isEqualTo("nightly-payroll");
			assertThat(((InboxSync) sync).inbox()).isSameAs(this.inbox);
		});
	}

	@Test
	void aMisconfiguredInboxStopsTheStart() {
		Map<String, Adapter> adapters = Map.of("payrollInbox", new Inbox("payroll", true));

		assertThatIllegalStateException().isThrownBy(() -> new SyncRegistry(Map.of(), adapters))
			.withMessageContaining("inbox 'payroll' is misconfigured: no folder");
	}

	private static SyncProperties.SyncSettings settings(String adapter) {
		return new SyncProperties.SyncSettings(adapter, null, null, ZoneId.of("Europe/Copenhagen"), false,
				new SyncProperties.Thresholds(true, 0.05, 20));
	}

	private record Inbox(String name, boolean broken) implements FileSource {

		@Override
		public void validate() {
			if (this.broken) {
				throw new AdapterConfigurationException("no folder");
			}
		}

		@Override
		public SourceOwnership ownership() {
			return new SourceOwnership(Map.of());
		}

		@Override
		public List<Path> pending() {
			return List.of();
		}

		@Override
		public FilePlan plan(Path file) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String applied(Path file, FilePlan plan, ApplyResult result) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String rejected(Path file, String reason) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String location() {
			return "/inbox";
		}

	}

}
