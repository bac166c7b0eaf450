package io.linkledger.conversions;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferTerms;
import io.linkledger.offers.OfferTerms.VolumeTier;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.PayoutTerms;

/**
 * What a member earns for one conversion. All rounding goes through {@link Money#percent},
 * half-even to the minor unit.
 */
@Component
class CommissionEngine {

    record Commission(Money amount, PayoutType type) {
    }

    /**
     * The commission on {@code sale}. Monthly volume tiers replace the percent of a percent
     * payout (not a per-member override); {@code monthSalesBefore} is the member's sales in
     * the offer earlier in the same month, asked for only when tiers apply.
     */
    Commission compute(Offer offer, Assignment assignment, OfferTerms terms, Money sale,
            Supplier<Money> monthSalesBefore) {
        PayoutTerms payout = PayoutTerms.of(offer, assignment);
        Money zero = Money.zero(sale.currency());
        Money flat = switch (payout.type()) {
            case CPA, CPA_CPS -> payout.amount() == null ? zero : payout.amount();
            case CPS, CPC -> zero;
        };
        Money percentPart = zero;
        if (payout.type() == PayoutType.CPS || payout.type() == PayoutType.CPA_CPS) {
            percentPart = usesMonthSales(offer, assignment, terms)
                    ? tiered(terms.volumeTiers(), monthSalesBefore.get(), sale)
                    : sale.percent(payout.percent());
        }
        return new Commission(flat.plus(percentPart), payout.type());
    }

    /** Whether the commission depends on the member's earlier sales in the month (volume tiers apply). */
    boolean usesMonthSales(Offer offer, Assignment assignment, OfferTerms terms) {
        PayoutType type = PayoutTerms.of(offer, assignment).type();
        return (type == PayoutType.CPS || type == PayoutType.CPA_CPS) && assignment.override() == null
                && !terms.volumeTiers().isEmpty();
    }

    /**
     * Splits the sale at the tier boundaries it crosses, given the month's sales before it,
     * and applies each tier's percent to its part. A negative sale (a refund) unwinds from
     * the top of the month's sales downwards.
     */
    static Money tiered(List<VolumeTier> tiers, Money before, Money sale) {
        long start = Math.min(before.minor(), before.minor() + sale.minor());
        long end = Math.max(before.minor(), before.minor() + sale.minor());
        Money total = Money.zero(sale.currency());
        for (int i = 0; i < tiers.size(); i++) {
            long tierFrom = tiers.get(i).from().minor();
            long tierTo = i + 1 < tiers.size() ? tiers.get(i + 1).from().minor() : Long.MAX_VALUE;
            long part = Math.min(end, tierTo) - Math.max(start, tierFrom);
            if (part > 0) {
                total = total.plus(new Money(part, sale.currency()).percent(tiers.get(i).percent()));
            }
        }
        return sale.isNegative() ? new Money(-total.minor(), total.currency()) : total;
    }
}
