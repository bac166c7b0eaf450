package io.linkledger.conversions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.offers.OfferCaps;

/**
 * Holds a conversion when the same visitor (the click's visitor key) brought the offer's
 * {@code maxConversionsPerVisitor} other conversions within {@code visitorWindowMinutes} of it,
 * before or after: one person buying again and again in a short time, or a script. The redirect
 * keeps a visitor recognisable for a day, so a window longer than that sees one day's visits.
 */
@Component
class VisitorCapRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        OfferCaps caps = candidate.caps();
        Integer cap = caps.maxConversionsPerVisitor();
        String visitor = candidate.draft().credit().visitorKey();
        if (cap == null || visitor == null) {
            return Optional.empty();
        }
        Duration window = caps.visitorWindow();
        Instant at = candidate.draft().source().convertedAt();
        long others = candidate.counts().ofVisitor(visitor, at.minus(window), at.plus(window).plusNanos(1));
        if (others < cap) {
            return Optional.empty();
        }
        return Optional.of(new Hold("CONVERSIONS_PER_VISITOR", "The same visitor brought " + others
                + (others == 1 ? " other conversion" : " other conversions") + " in this offer within "
                + words(window) + " of this one; the offer allows " + cap + " in " + words(window)
                + "."));
    }

    /** "1 hour", "90 minutes", "1 day": the window as the offer form set it, in minutes. */
    private static String words(Duration window) {
        long minutes = window.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        return minutes % 60 == 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
