package dk.orghub.adapters.sts;

import java.time.LocalDate;
import java.util.UUID;

import javax.xml.datatype.DatatypeFactory;

import org.junit.jupiter.api.Test;

import dk.orghub.adapters.sts.StsObject.Period;
import dk.orghub.xsd.sts.sagdok.TidspunktType;
import dk.orghub.xsd.sts.sagdok.VirkningType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virkning dates written and read back, in summer and winter time and in other offsets.
 */
class JaxbCodecTest {

	private final JaxbCodec codec = new JaxbCodec(UUID.fromString("6f1c9c3e-2d0b-4a55-9d7e-0c8a1f3b5e21"));

	@Test
	void periodsReadBackAsWritten() {
		for (Period period : new Period[] { new Period(LocalDate.of(2026, 1, 1), null),
				new Period(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25)),
				new Period(LocalDate.of(2024, 2, 29), LocalDate.of(2026, 7, 1)) }) {
			assertThat(JaxbCodec.period(this.codec.virkning(period))).isEqualTo(period);
		}
	}

	@Test
	void datesGivenInAnotherOffsetAreDanishDates() throws Exception {
		DatatypeFactory types = DatatypeFactory.newInstance();
		VirkningType v = new VirkningType();
		TidspunktType from = new TidspunktType();
		// 22:00 UTC on 30 June is midnight of 1 July in Copenhagen (summer time)
		from.setTidsstempelDatoTid(types.newXMLGregorianCalendar("2026-06-30T22:00:00Z"));
		v.setFraTidspunkt(from);
		TidspunktType to = new TidspunktType();
		// 23:30 UTC on 31 December is 00:30 on 1 January (winter time)
		to.setTidsstempelDatoTid(types.newXMLGregorianCalendar("2026-12-31T23:30:00.250Z"));
		v.setTilTidspunkt(to);
		assertThat(JaxbCodec.period(v)).isEqualTo(new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2027, 1, 1)));
	}

}
