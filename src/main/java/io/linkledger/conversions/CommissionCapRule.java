package io.linkledger.conversions;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Money;

/** Holds a conversion whose member commission is larger than the offer's maximum commission. */
@Component
class CommissionCapRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Money cap = candidate.caps().maxCommission();
        Money commission = candidate.draft().amounts().commission();
        if (cap == null || commission.minor() <= cap.minor()) {
            return Optional.empty();
        }
        return Optional.of(new Hold("COMMISSION_CAP", "The commission of " + commission.display()
                + " is above the offer's maximum commission of " + cap.display() + "."));
    }
}
