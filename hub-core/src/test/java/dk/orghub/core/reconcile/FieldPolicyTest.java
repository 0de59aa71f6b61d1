package dk.orghub.core.reconcile;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dk.orghub.core.classes.DefaultClasses;
import dk.orghub.core.model.Address;
import dk.orghub.core.model.ObjectType;
import dk.orghub.core.model.OwnerKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldPolicyTest {

	static final UUID PERSON = UUID.fromString("6a8c6c8e-1f0e-4c55-9a57-3a0c2f0e9d11");

	@Test
	void anAddressTypeInTheKeyNamesTheWinnerOfThatTypeOnly() {
		FieldPolicy policy = FieldPolicy
			.of(Map.of("ADDRESS[EMAIL].value", "ad", "ADDRESS[PHONE].value", "opus", "ADDRESS.visibility", "sd"));

		assertThat(policy.winner(address("EMAIL"), "value")).contains("ad");
		assertThat(policy.winner(address("PHONE"), "value")).contains("opus");
		assertThat(policy.winner(address("POSTAL"), "value")).isEmpty();
		assertThat(policy.winner(address("EMAIL"), "visibility")).contains("sd");
		assertThat(policy.winner(ObjectType.ADDRESS, "value")).isEmpty();
	}

	@Test
	void anAddressTypeComesBeforeAnEntryForEveryAddress() {
		FieldPolicy policy = FieldPolicy.of(Map.of("ADDRESS.value", "sd", "ADDRESS[EMAIL].value", "ad"));

		assertThat(policy.winner(address("EMAIL"), "value")).contains("ad");
		assertThat(policy.winner(address("PHONE"), "value")).contains("sd");
	}

	@Test
	void theFormAnEnvironmentVariableGivesIsRead() {
		// HUB_FIELDPOLICY_ADDRESS_EMAIL_VALUE=ad and HUB_FIELDPOLICY_ORG_UNIT_NAME=opus
		FieldPolicy policy = FieldPolicy
			.of(Map.of("address.email.value", "ad", "org.unit.name", "opus", "address.addresstype", "sd"));

		assertThat(policy.winner(address("EMAIL"), "value")).contains("ad");
		assertThat(policy.winner(address("PHONE"), "value")).isEmpty();
		assertThat(policy.winner(ObjectType.ORG_UNIT, "name")).contains("opus");
		assertThat(policy.winner(ObjectType.ADDRESS, "addressType")).contains("sd");
	}

	@Test
	void badKeysAreRefusedWithTheReason() {
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("PERSON[EMAIL].givenName", "ad")))
			.hasMessageContaining("only ADDRESS has address types");
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("ADDRESS[].value", "ad")))
			.hasMessageContaining("ADDRESS[address type].field");
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("ADDRESS[EMAIL].colour", "ad")))
			.hasMessageContaining("unknown field");
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("ROOM.name", "ad"))).hasMessageContaining("unknown object type");
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("ORG_UNIT.email.value", "ad")))
			.hasMessageContaining("must be TYPE.field");
		assertThatThrownBy(() -> FieldPolicy.of(Map.of("PERSON", "ad"))).hasMessageContaining("must be TYPE.field");
	}

	private static Address address(String type) {
		return new Address(UUID.randomUUID(), "a", PERSON, OwnerKind.PERSON,
				DefaultClasses.classUuid(DefaultClasses.ADDRESS_TYPE, type), "x", null);
	}

}
