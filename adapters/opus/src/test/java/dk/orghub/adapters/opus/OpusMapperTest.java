package dk.orghub.adapters.opus;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapper's name-based UUIDs are the JDK's, so stored objects keep their UUIDs. */
class OpusMapperTest {

	@Test
	void nameBasedUuidsAreTheJdks() {
		for (String name : new String[] { "", "orghub:opus:29189919:unit:1", "orghub:opus:29189919:engagement:00123",
				"orghub:opus:29189919:address:1001:PHONE", "æøå ÆØÅ" }) {
			byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
			assertThat(OpusMapper.nameUuid(bytes)).isEqualTo(UUID.nameUUIDFromBytes(bytes));
		}
	}

}
