package dk.orghub.testkit;

import java.time.LocalDate;

import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.TargetAdapter;
import dk.orghub.core.spi.TargetObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a {@link Deactivator}: a deactivated object reads back ended on the
 * date, not deleted, and deactivating twice equals once. The object is published first
 * and checked through {@link ReadBack}; skipped when the target lacks one of the three.
 */
public abstract class DeactivatorContract<A extends TargetAdapter> extends TargetContractSupport<A> {

	/**
	 * For a subclass that overrides {@link #createTarget()} and {@link #sampleObject}.
	 */
	protected DeactivatorContract() {
	}

	/** See {@link TargetContractSupport#TargetContractSupport(Supplier, Function)}. */
	protected DeactivatorContract(Supplier<A> targets, Function<A, TargetObject<?>> samples) {
		super(targets, samples);
	}

	@Test
	void deactivatedObjectReadsBackEndedNotDeleted() {
		try (A target = createTarget()) {
			Capability.assume(target, Deactivator.class);
			Capability.assume(target, ChangePublisher.class);
			Capability.assume(target, ReadBack.class);
			TargetObject<?> object = sampleObject(target);
			((ChangePublisher) target).publish(object);
			LocalDate end = object.timeline().segments().get(0).validity().from().plusDays(10);
			((Deactivator) target).deactivate(object.type(), object.uuid(), end);
			((Deactivator) target).deactivate(object.type(), object.uuid(), end);
			TargetObject<?> read = ((ReadBack) target).read(object.type(), object.uuid()).orElseThrow();
			assertThat(read.timeline().coverage()).allSatisfy(v -> assertThat(v.toOrEnd()).isBeforeOrEqualTo(end));
			assertThat(read.timeline().covers(Validity.between(end.minusDays(1), end)))
				.as("the object is ended on %s, not deleted", end)
				.isTrue();
		}
	}

}
