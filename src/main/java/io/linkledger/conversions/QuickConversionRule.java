package io.linkledger.conversions;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.linkledger.tracking.Click;

/**
 * Holds a conversion that came sooner after its click than a person can buy anything
 * ({@code linkledger.quality.min-click-to-conversion}, 10 seconds unless set; zero turns it off),
 * or is dated before its click: a script that clicks and converts.
 */
@Component
class QuickConversionRule implements QualityRule {

    private final Duration minimum;

    QuickConversionRule(@Value("${linkledger.quality.min-click-to-conversion:PT10S}") Duration minimum) {
        this.minimum = minimum;
    }

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Click click = candidate.attributed().click();
        if (click == null || minimum.isZero()) {
            return Optional.empty();
        }
        Duration after = Duration.between(click.clickedAt(), candidate.draft().source().convertedAt());
        if (after.isNegative()) {
            return Optional.of(new Hold("CLICK_TO_CONVERSION", "The conversion is dated before its click."));
        }
        if (after.compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Hold("CLICK_TO_CONVERSION", "The conversion came " + after.toSeconds()
                + (after.toSeconds() == 1 ? " second" : " seconds") + " after its click; a person takes at least "
                + minimum.toSeconds() + " seconds."));
    }
}
