package io.linkledger.support;

import java.time.Duration;

/**
 * Rate limits count in fixed windows of the system clock (shared.RateLimits): a test burst that
 * straddles a window's end is counted in two windows and never reaches its limit. A test starts its
 * burst early enough in a window instead.
 */
public final class RateWindows {

    private RateWindows() {
    }

    /** Waits, if need be, for the next window of {@code window}'s size, so that at least {@code room} of it is left. */
    public static void awaitRoom(Duration window, Duration room) throws InterruptedException {
        long size = window.toMillis();
        long left = size - System.currentTimeMillis() % size;
        if (left < room.toMillis()) {
            Thread.sleep(left + 100);
        }
    }
}
