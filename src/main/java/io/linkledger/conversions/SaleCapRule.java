package io.linkledger.conversions;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Money;

/** Holds a sale larger than the offer's maximum sale amount. */
@Component
class SaleCapRule implements QualityRule {

    @Override
    public Optional<Hold> check(Candidate candidate) {
        Money cap = candidate.caps().maxSale();
        Money sale = candidate.draft().amounts().sale();
        if (cap == null || sale.minor() <= cap.minor()) {
            return Optional.empty();
        }
        return Optional.of(new Hold("SALE_CAP", "The sale of " + sale.display()
                + " is above the offer's maximum sale amount of " + cap.display() + "."));
    }
}
