package dk.orghub.testkit;

import java.util.UUID;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link ReadBack}: an object the target does not hold reads back empty
 * (what is published reads back as sent is part of {@link ChangePublisherContract}).
 * Skipped when the target cannot read back.
 */
public abstract class ReadBackContract<A extends TargetAdapter> extends TargetContractSupport<A> {

	/**
	 * For a subclass that overrides {@link #createTarget()} and {@link #sampleObject}.
	 */
	protected ReadBackContract() {
	}

	/** See {@link TargetContractSupport#TargetContractSupport(Supplier, Function)}. */
	protected ReadBackContract(Supplier<A> targets, Function<A, TargetObject<?>> samples) {
		super(targets, samples);
	}

	@Test
	void unknownObjectReadsBackEmpty() {
		try (A target = createTarget()) {
			Capability.assume(target, ReadBack.class);
			TargetObject<?> object = sampleObject(target);
			assertThat(((ReadBack) target).read(object.type(), UUID.randomUUID())).isEmpty();
		}
	}

}
