package org.example.vendoradapter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OrgUnit;
import dk.orghub.core.spi.AdapterException;
import dk.orghub.core.spi.DesiredObject;
import dk.orghub.core.spi.Snapshot;
import dk.orghub.core.spi.SourceContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the source reads the export, beyond what the contracts check. */
class VendorCsvSourceTest {

	private static final SourceContext CONTEXT = new SourceContext() {

		@Override
		public Clock clock() {
			return Clock.systemUTC();
		}

		@Override
		public Optional<UUID> knownIdentity(ObjectType type, String externalId) {
			return Optional.empty();
		}

	};

	@TempDir
	Path folder;

	@Test
	void readsUnitsWithTheirParentsAndAPersonWithAnEngagementPerRow() {
		Snapshot snapshot = new VendorCsvSource(VendorCsvContractTest.SAMPLE).snapshot(CONTEXT);
		assertThat(snapshot.objects()).filteredOn(o -> o.type() == ObjectType.ORG_UNIT).hasSize(8);
		assertThat(snapshot.objects()).filteredOn(o -> o.type() == ObjectType.PERSON).hasSize(8);
		assertThat(snapshot.objects()).filteredOn(o -> o.type() == ObjectType.ENGAGEMENT).hasSize(8);
		OrgUnit root = unit(snapshot, "K100");
		assertThat(root.parent()).isNull();
		assertThat(unit(snapshot, "K111").parent()).isEqualTo(unit(snapshot, "K110").uuid());
	}

	@Test
	void aPersonInAnUnknownUnitRejectsTheExportNamingTheRow() throws IOException {
		write("units.csv", "id;name;parent;valid_from\nK1;Rådhuset;;2020-01-01\n");
		write("persons.csv", "employee;given_name;surname;unit;job_function;valid_from\n7;Ida;Berg;K9;Leder;2020-01-01\n");
		assertThatThrownBy(() -> new VendorCsvSource(this.folder).snapshot(CONTEXT))
			.isInstanceOf(AdapterException.class)
			.hasMessageContaining("row 7 names unit K9");
	}

	@Test
	void aShortLineRejectsTheExportNamingTheLine() throws IOException {
		write("units.csv", "id;name;parent;valid_from\nK1;Rådhuset\n");
		write("persons.csv", "employee;given_name;surname;unit;job_function;valid_from\n");
		assertThatThrownBy(() -> new VendorCsvSource(this.folder).snapshot(CONTEXT))
			.isInstanceOf(AdapterException.class)
			.hasMessageContaining("units.csv line 2");
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(this.folder.resolve(file), content, StandardCharsets.UTF_8);
	}

	private static OrgUnit unit(Snapshot snapshot, String id) {
		DesiredObject<?> object = snapshot.objects()
			.stream()
			.filter(o -> o.type() == ObjectType.ORG_UNIT && o.externalId().equals(id))
			.findFirst()
			.orElseThrow();
		return (OrgUnit) object.timeline().segments().get(0).value();
	}

}
