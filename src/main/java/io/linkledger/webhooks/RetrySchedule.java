package io.linkledger.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff from {@code base} (doubling per
 * attempt, at most {@code max}) with jitter, so endpoints coming back are not hit by every queued
 * delivery at once; the last attempt falls exactly {@code giveUpAfter} after the delivery was queued,
 * and after it there is none.
 */
record RetrySchedule(Duration base, Duration max, Duration giveUpAfter) {

    /** The next attempt after {@code attempts} failed ones, or empty when the delivery is given up. */
    Optional<Instant> next(int attempts, Instant queuedAt, Instant now, RandomGenerator random) {
        Instant deadline = queuedAt.plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        Duration backoff = base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        // Between half and all of the backoff ("equal jitter"): spread out, and never much sooner than planned.
        long millis = backoff.toMillis() / 2 + random.nextLong(backoff.toMillis() / 2 + 1);
        Instant next = now.plusMillis(millis);
        return Optional.of(next.isAfter(deadline) ? deadline : next);
    }
}
