package io.linkledger.shared;

import java.time.Duration;

/**
 * At most {@code limit} hits per key in each fixed window, counted in the database so that
 * every node counts against the same limit. Made by {@link RateLimits#limiter}.
 */
public final class RateLimiter {

    private final RateLimits store;
    private final String name;
    private final int limit;
    private final Duration window;

    RateLimiter(RateLimits store, String name, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit must allow at least one request");
        }
        if (window.toMillis() < 1000) {
            throw new IllegalArgumentException("A rate limit window must be at least a second");
        }
        this.store = store;
        this.name = name;
        this.limit = limit;
        this.window = window;
    }

    /** Counts a hit for {@code key}; false when the key had already used up its limit in this window. */
    public boolean tryAcquire(String key) {
        return store.tryAcquire(bucket(key), limit, window);
    }

    /** Whether {@code key} has used up its limit in this window, without counting a hit. */
    public boolean exceeded(String key) {
        return store.hits(bucket(key), window) >= limit;
    }

    public Duration window() {
        return window;
    }

    // Hashed: some keys are secrets (dashboard tokens) or personal (email addresses).
    private String bucket(String key) {
        return Tokens.sha256(name + '\n' + key);
    }
}
