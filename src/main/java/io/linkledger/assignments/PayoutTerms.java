package io.linkledger.assignments;

import java.math.BigDecimal;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.Offer;
import io.linkledger.offers.PayoutRule;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

/** What one member earns in one offer: their override, else their tier, else the offer's default tier. */
public record PayoutTerms(PayoutType type, Money amount, BigDecimal percent) {

    public static PayoutTerms of(Offer offer, Assignment assignment) {
        CommissionOverride override = assignment.override();
        if (override != null) {
            return new PayoutTerms(override.type(), override.amount(), override.percent());
        }
        PayoutRule rule = tier(offer, assignment);
        return new PayoutTerms(rule.type(), rule.amount(), rule.percent());
    }

    /** The member's tier: the one they were put on, else the offer's default (also when theirs was removed). */
    public static PayoutRule tier(Offer offer, Assignment assignment) {
        return assignment.payoutId() == null ? offer.defaultPayout()
                : offer.payout(assignment.payoutId()).orElse(offer.defaultPayout());
    }

    /** In plain words, e.g. "$5.00 per sale plus 15% of the sale". */
    public String describe(ConversionType conversionType) {
        String event = switch (conversionType) {
            case SALE -> "sale";
            case LEAD -> "lead";
            case SIGNUP -> "sign-up";
            case INSTALL -> "install";
            case CUSTOM -> "conversion";
        };
        return switch (type) {
            case CPC -> amount.display() + " per unique click";
            case CPA -> amount.display() + " per " + event;
            case CPS -> percent(percent) + (conversionType == ConversionType.SALE
                    ? " of each sale" : " of the order amount of each " + event);
            case CPA_CPS -> amount.display() + " per " + event + " plus " + percent(percent)
                    + (conversionType == ConversionType.SALE ? " of the sale" : " of the order amount");
        };
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
