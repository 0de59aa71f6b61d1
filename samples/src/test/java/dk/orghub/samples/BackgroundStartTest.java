package dk.orghub.samples;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundStartTest {

	@Test
	void awaitReturnsOnceTheWorkOnItsThreadIsDone() {
		CountDownLatch release = new CountDownLatch(1);
		BackgroundStart start = new BackgroundStart("loading the entries", Duration.ofMinutes(1));
		start.runOnThread("test-load", () -> awaitQuietly(release));
		assertThat(start.isDone()).isFalse();
		release.countDown();
		start.await();
		assertThat(start.succeeded()).isTrue();
		assertThat(start.awaitQuietly()).isTrue();
	}

	@Test
	void aFailureIsReportedWithWhatFailedAndItsCause() {
		BackgroundStart start = new BackgroundStart("loading the entries", Duration.ofMinutes(1));
		start.run(() -> {
			throw new IllegalArgumentException("no accounts today");
		});
		assertThatThrownBy(start::await).isInstanceOf(IllegalStateException.class)
			.hasMessage("loading the entries failed: no accounts today")
			.hasCauseInstanceOf(IllegalArgumentException.class);
		assertThat(start.isDone()).isTrue();
		assertThat(start.awaitQuietly()).isFalse();
	}

	@Test
	void workThatOutlastsTheLimitIsReportedAsNotFinished() {
		CountDownLatch release = new CountDownLatch(1);
		BackgroundStart start = new BackgroundStart("publishing the endpoints", Duration.ofMillis(20));
		start.runOnThread("test-publish", () -> awaitQuietly(release));
		try {
			assertThatThrownBy(start::await).isInstanceOf(IllegalStateException.class)
				.hasMessage("publishing the endpoints did not finish within PT0.02S");
			assertThat(start.awaitQuietly()).isFalse();
			assertThat(start.isDone()).isFalse();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void anInterruptedWaitSaysSoAndKeepsTheInterrupt() {
		CountDownLatch release = new CountDownLatch(1);
		BackgroundStart start = new BackgroundStart("loading the entries", Duration.ofMinutes(1));
		start.runOnThread("test-load", () -> awaitQuietly(release));
		try {
			Thread.currentThread().interrupt();
			assertThatThrownBy(start::await).isInstanceOf(IllegalStateException.class)
				.hasMessage("Interrupted while loading the entries");
			assertThat(Thread.interrupted()).isTrue();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	@Timeout(60)
	void givingUpReleasesWhoeverWaits() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		BackgroundStart start = new BackgroundStart("publishing the endpoints", Duration.ofMinutes(1));
		start.runOnThread("test-publish", () -> awaitQuietly(release));
		try {
			Thread waiter = new Thread(start::awaitQuietly);
			waiter.start();
			start.cancel();
			waiter.join();
			assertThat(start.awaitQuietly()).isFalse();
			assertThatThrownBy(start::await).hasMessage("publishing the endpoints was given up: the service stopped");
		}
		finally {
			release.countDown();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
