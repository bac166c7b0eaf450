package io.linkledger.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests that move time: it ticks with real time from wherever the test
 * last set it, or skipped it ahead to.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> setAt = new AtomicReference<>();
    private final AtomicReference<Instant> realAtSet = new AtomicReference<>();

    public MovableClock() {
        reset();
    }

    public synchronized void set(Instant instant) {
        realAtSet.set(Instant.now());
        setAt.set(instant);
    }

    public synchronized void skip(Duration duration) {
        set(instant().plus(duration));
    }

    public void reset() {
        set(Instant.now());
    }

    @Override
    public synchronized Instant instant() {
        return setAt.get().plus(Duration.between(realAtSet.get(), Instant.now()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
