package io.linkledger.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter, capped, and a last attempt exactly when the delivery is given up. */
class RetryScheduleTest {

    private static final Instant QUEUED = Instant.parse("2026-11-20T10:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(6),
            Duration.ofDays(3));

    @Test
    void theWaitDoublesWithEachFailureBetweenHalfAndAllOfTheBackoff() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int attempts = 1; attempts <= 8; attempts++) {
            long backoff = 30_000L << (attempts - 1);
            for (int i = 0; i < 50; i++) {
                Instant next = schedule.next(attempts, QUEUED, QUEUED, random).orElseThrow();
                assertThat(Duration.between(QUEUED, next).toMillis()).as("attempt " + attempts)
                        .isBetween(backoff / 2, backoff);
            }
        }
    }

    @Test
    void theWaitStopsGrowingAtTheMaximum() {
        Instant next = schedule.next(40, QUEUED, QUEUED, RandomGenerator.of("L64X128MixRandom")).orElseThrow();
        assertThat(Duration.between(QUEUED, next)).isBetween(Duration.ofHours(3), Duration.ofHours(6));
    }

    @Test
    void theLastAttemptIsWhenTheDeliveryIsGivenUpAndThereIsNoneAfter() {
        Instant deadline = QUEUED.plus(Duration.ofDays(3));
        Instant nearTheEnd = deadline.minus(Duration.ofMinutes(1));
        assertThat(schedule.next(20, QUEUED, nearTheEnd, RandomGenerator.of("L64X128MixRandom"))).contains(deadline);
        assertThat(schedule.next(21, QUEUED, deadline, RandomGenerator.of("L64X128MixRandom"))).isEmpty();
    }
}
