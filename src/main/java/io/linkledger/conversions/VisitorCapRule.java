package io.linkledger.conversions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Holds a conversion beyond the offer's number of conversions one visitor may bring in a UTC day.
 * The visitor is the click's visitor key, which the redirect keeps recognisable for a day.
 */
@Component
class VisitorCapRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Integer cap = candidate.caps().maxConversionsPerVisitorPerDay();
        String visitor = candidate.draft().credit().visitorKey();
        if (cap == null || visitor == null) {
            return Optional.empty();
        }
        LocalDate day = LocalDate.ofInstant(candidate.draft().source().convertedAt(), ZoneOffset.UTC);
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long before = candidate.counts().ofVisitor(visitor, from, day.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        if (before < cap) {
            return Optional.empty();
        }
        return Optional.of(new Hold("CONVERSIONS_PER_VISITOR", "The same visitor already brought " + before
                + (before == 1 ? " conversion" : " conversions") + " in this offer that day; the offer allows " + cap
                + " per visitor a day."));
    }
}
