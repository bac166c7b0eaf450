package io.linkledger.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * In-memory fixed-window limit: at most {@code limit} hits per key in a window that starts at
 * the key's first hit. Per node, which is enough to blunt scraping and mail-bombing; keys are
 * bounded so a flood of distinct keys cannot exhaust memory.
 */
public final class RateLimiter {

    private final int limit;
    private final Cache<String, AtomicInteger> windows;

    public RateLimiter(int limit, Duration window, long maxKeys) {
        if (limit < 1) {
            throw new IllegalArgumentException("A rate limit must allow at least one request");
        }
        this.limit = limit;
        this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxKeys).build();
    }

    /** Counts a hit for {@code key}; false when the key is over its limit for this window. */
    public boolean tryAcquire(String key) {
        return windows.get(key, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
