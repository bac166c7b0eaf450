package io.linkledger.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can set; it ticks with real time from wherever it was last set. */
class MutableClock extends Clock {

    private final AtomicReference<Instant> setAt = new AtomicReference<>();
    private final AtomicReference<Instant> realAtSet = new AtomicReference<>();

    MutableClock() {
        reset();
    }

    void set(Instant instant) {
        realAtSet.set(Instant.now());
        setAt.set(instant);
    }

    void reset() {
        set(Instant.now());
    }

    @Override
    public Instant instant() {
        return setAt.get().plus(java.time.Duration.between(realAtSet.get(), Instant.now()));
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
