package io.linkledger.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing: after too many failures for one account or from one address in a
 * window, further attempts are refused until the window passes.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 10;
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(100_000)
            .build();

    boolean isBlocked(String account, String address) {
        return count("account:" + account) >= MAX_FAILURES || count("address:" + address) >= MAX_FAILURES * 5;
    }

    void failed(String account, String address) {
        failures.get("account:" + account, key -> new AtomicInteger()).incrementAndGet();
        failures.get("address:" + address, key -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String account) {
        failures.invalidate("account:" + account);
    }

    private int count(String key) {
        AtomicInteger value = failures.getIfPresent(key);
        return value == null ? 0 : value.get();
    }
}
