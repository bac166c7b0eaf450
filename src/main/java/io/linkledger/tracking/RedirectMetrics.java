package io.linkledger.tracking;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code linkledger.redirects} (seconds, by outcome): the redirect's own count and latency, since
 * it runs ahead of Spring MVC and so outside {@code http.server.requests}.
 */
@Component
class RedirectMetrics {

    private final Timer tracked;
    private final Timer fallback;
    private final Timer closed;
    private final Timer unknown;
    private final Timer unavailable;

    RedirectMetrics(MeterRegistry meters) {
        this.tracked = timer(meters, "tracked");
        this.fallback = timer(meters, "fallback");
        this.closed = timer(meters, "offer_closed");
        this.unknown = timer(meters, "unknown_link");
        this.unavailable = timer(meters, "unavailable");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("linkledger.redirects")
                .description("Tracking-link requests, from arrival to the answer being written")
                .tag("outcome", outcome)
                .register(meters);
    }

    void answered(Redirect outcome, long nanos) {
        Timer timer = switch (outcome) {
            case Redirect.Tracked t -> tracked;
            case Redirect.Fallback f -> fallback;
            case Redirect.OfferClosed c -> closed;
            case Redirect.UnknownLink u -> unknown;
            case Redirect.Unavailable u -> unavailable;
        };
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
