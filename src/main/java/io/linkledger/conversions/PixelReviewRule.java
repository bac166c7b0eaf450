package io.linkledger.conversions;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Money;

/**
 * Holds a pixel conversion whose sale is above the offer's review threshold: the pixel's key is
 * public on the shop's thank-you page, so anyone can claim any amount through it.
 */
@Component
class PixelReviewRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Money threshold = candidate.caps().pixelReviewAbove();
        Money sale = candidate.draft().amounts().sale();
        if (threshold == null || candidate.channel() != IntegrationType.PIXEL || sale.minor() <= threshold.minor()) {
            return Optional.empty();
        }
        return Optional.of(new Hold("PIXEL_REVIEW", "A pixel reported a sale of " + sale.display()
                + ", above the " + threshold.display() + " the offer takes from the pixel without review."));
    }
}
