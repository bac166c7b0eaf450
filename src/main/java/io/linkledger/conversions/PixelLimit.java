package io.linkledger.conversions;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.shared.RateLimiter;
import io.linkledger.shared.RateLimits;

/**
 * How many pixel hits one visitor may make on one pixel integration in a window, counted in the
 * database so every node counts against the same limit. The pixel's key is public on the shop's
 * thank-you page, so without this anyone could record conversions as fast as they can call it.
 * The visitor is the client address and user agent, as for clicks.
 */
@Component
class PixelLimit {

    private final RateLimiter limiter;
    private final int hits;

    PixelLimit(RateLimits limits, @Value("${linkledger.pixel.hits-per-visitor:20}") int hits,
            @Value("${linkledger.pixel.window:PT1H}") Duration window) {
        this.limiter = limits.limiter("pixel-visitor", hits, window);
        this.hits = hits;
    }

    /** Counts the hit; why it is not recorded when the visitor is over the limit, else empty. */
    Optional<String> exceeded(Integration integration, Inbound request) {
        String visitor = integration.id() + "\n" + request.remoteIp() + "\n" + request.header("User-Agent");
        if (limiter.tryAcquire(visitor)) {
            return Optional.empty();
        }
        return Optional.of("Not recorded: this visitor made more than " + hits + " pixel hits within "
                + minutes(limiter.window()) + "; replay the request to record it");
    }

    private static String minutes(Duration window) {
        long minutes = window.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : window.toSeconds() + " seconds";
    }
}
