package dk.orghub.routes.config;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPoolParallelismTest {

	@Test
	void onOneOrTwoCoresThePoolGetsTwo() {
		assertThat(CommonPoolParallelism.decide(new Properties(), 2)).isEqualTo("2");
		assertThat(CommonPoolParallelism.decide(new Properties(), 1)).isEqualTo("2");
	}

	@Test
	void onThreeCoresOrMoreTheJdksChoiceStands() {
		assertThat(CommonPoolParallelism.decide(new Properties(), 3)).isNull();
		assertThat(CommonPoolParallelism.decide(new Properties(), 16)).isNull();
	}

	@Test
	void anOperatorsSettingIsKept() {
		Properties system = new Properties();
		system.setProperty(CommonPoolParallelism.PROPERTY, "1");
		assertThat(CommonPoolParallelism.decide(system, 2)).isNull();
	}

}
