package io.linkledger.conversions;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.offers.Offer;
import io.linkledger.tracking.Click;

/**
 * Holds a conversion by link whose time from its click does not fit a person buying: later than
 * the offer's attribution window (a network crediting an old click, or a transaction id reused),
 * sooner than the offer's {@code minSecondsToConvert} (a script that clicks and converts), or dated
 * before its click. A minimum of 0 turns the last two off, for a network whose clock is not to be trusted.
 */
@Component
class ClickToConversionRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Click click = candidate.attributed().click();
        if (click == null) {
            return Optional.empty();
        }
        Duration after = Duration.between(click.clickedAt(), candidate.draft().source().convertedAt());
        Offer offer = candidate.attributed().offer();
        if (after.compareTo(Duration.ofDays(offer.attributionWindowDays())) > 0) {
            return hold("The conversion came " + after.toDays() + " days after its click, beyond the offer's "
                    + offer.attributionWindowDays() + "-day attribution window.");
        }
        Integer minimum = candidate.caps().minSecondsToConvert();
        if (minimum == null || minimum == 0 || after.toSeconds() >= minimum) {
            return Optional.empty();
        }
        if (after.isNegative()) {
            return hold("The conversion is dated before its click.");
        }
        return hold("The conversion came " + after.toSeconds() + (after.toSeconds() == 1 ? " second" : " seconds")
                + " after its click; a person takes at least " + minimum + " seconds.");
    }

    private static Optional<Hold> hold(String detail) {
        return Optional.of(new Hold("CLICK_TO_CONVERSION", detail));
    }
}
