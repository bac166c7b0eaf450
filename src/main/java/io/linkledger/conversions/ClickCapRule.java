package io.linkledger.conversions;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Holds a conversion beyond the offer's number of conversions one click may bring. */
@Component
class ClickCapRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Integer cap = candidate.caps().maxConversionsPerClick();
        String transactionId = candidate.draft().credit().transactionId();
        if (cap == null || transactionId == null) {
            return Optional.empty();
        }
        long before = candidate.counts().ofClick(transactionId);
        if (before < cap) {
            return Optional.empty();
        }
        return Optional.of(new Hold("CONVERSIONS_PER_CLICK", "One click already brought " + before
                + (before == 1 ? " conversion" : " conversions") + "; the offer allows " + cap + " per click."));
    }
}
