package dk.orghub.core.spi.contract;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dk.orghub.core.model.Validity;
import dk.orghub.core.spi.ChangePublisher;
import dk.orghub.core.spi.Deactivator;
import dk.orghub.core.spi.ReadBack;
import dk.orghub.core.spi.TargetObject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a target that publishes, deactivates and reads back: what is published
 * can be read back as sent, publishing twice equals publishing once, and a deactivated
 * object reads back as ended, never deleted. A target module extends this class and gives
 * an adapter against its fake system and an object its target accepts.
 */
public abstract class TargetContract<A extends ChangePublisher & Deactivator & ReadBack> {

	/** A target adapter configured against its fake system, holding nothing yet. */
	protected abstract A createTarget();

	/**
	 * An object (with everything it refers to already published) that the target accepts.
	 */
	protected abstract TargetObject<?> sampleObject(A target);

	@Test
	void publishedObjectReadsBackAsSent() {
		try (A target = createTarget()) {
			TargetObject<?> object = sampleObject(target);
			target.publish(object);
			Optional<TargetObject<?>> read = target.read(object.type(), object.uuid());
			assertThat(read).isPresent();
			assertThat(read.get().timeline()).isEqualTo(object.timeline());
		}
	}

	@Test
	void publishingTwiceEqualsPublishingOnce() {
		try (A target = createTarget()) {
			TargetObject<?> object = sampleObject(target);
			target.publish(object);
			target.publish(object);
			assertThat(target.read(object.type(), object.uuid()).orElseThrow().timeline()).isEqualTo(object.timeline());
		}
	}

	@Test
	void deactivatedObjectReadsBackEndedNotDeleted() {
		try (A target = createTarget()) {
			TargetObject<?> object = sampleObject(target);
			target.publish(object);
			LocalDate end = object.timeline().segments().get(0).validity().from().plusDays(10);
			target.deactivate(object.type(), object.uuid(), end);
			target.deactivate(object.type(), object.uuid(), end);
			TargetObject<?> read = target.read(object.type(), object.uuid()).orElseThrow();
			assertThat(read.timeline().coverage()).allSatisfy(v -> assertThat(v.toOrEnd()).isBeforeOrEqualTo(end));
			assertThat(read.timeline().covers(Validity.between(end.minusDays(1), end))).isTrue();
		}
	}

	@Test
	void unknownObjectReadsBackEmpty() {
		try (A target = createTarget()) {
			TargetObject<?> object = sampleObject(target);
			assertThat(target.read(object.type(), java.util.UUID.randomUUID())).isEmpty();
		}
	}

}
