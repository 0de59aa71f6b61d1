package dk.orghub.testkit;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a {@link ChangePublisher}: what is published reads back as sent, and
 * publishing twice has the effect of publishing once. Checked through {@link ReadBack};
 * skipped when the target lacks either capability.
 */
public abstract class ChangePublisherContract<A extends TargetAdapter> extends TargetContractSupport<A> {

	/**
	 * For a subclass that overrides {@link #createTarget()} and {@link #sampleObject}.
	 */
	protected ChangePublisherContract() {
	}

	/** See {@link TargetContractSupport#TargetContractSupport(Supplier, Function)}. */
	protected ChangePublisherContract(Supplier<A> targets, Function<A, TargetObject<?>> samples) {
		super(targets, samples);
	}

	@Test
	void publishedObjectReadsBackAsSent() {
		try (A target = createTarget()) {
			Capability.assume(target, ChangePublisher.class);
			Capability.assume(target, ReadBack.class);
			TargetObject<?> object = sampleObject(target);
			((ChangePublisher) target).publish(object);
			assertThat(((ReadBack) target).read(object.type(), object.uuid())).hasValueSatisfying(
					read -> assertThat(read.timeline()).as("read back as sent").isEqualTo(object.timeline()));
		}
	}

	@Test
	void publishingTwiceEqualsPublishingOnce() {
		try (A target = createTarget()) {
			Capability.assume(target, ChangePublisher.class);
			Capability.assume(target, ReadBack.class);
			TargetObject<?> object = sampleObject(target);
			((ChangePublisher) target).publish(object);
			((ChangePublisher) target).publish(object);
			assertThat(((ReadBack) target).read(object.type(), object.uuid()).orElseThrow().timeline())
				.isEqualTo(object.timeline());
		}
	}

}
