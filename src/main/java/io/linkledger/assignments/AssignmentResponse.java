package io.linkledger.assignments;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.offers.Offer;
import io.linkledger.offers.PayoutRule;
import io.linkledger.offers.PayoutType;

/**
 * An assignment as the API shows it: absolute links, the code only for code offers, the member's
 * tier and, in words, what they earn (their commission override when they have one, else the tier).
 */
record AssignmentResponse(UUID memberId, UUID offerId, UUID projectId, String trackingLink, String promoCode,
        String dashboardLink, UUID payoutId, AssignmentTier tier, Override commissionOverride, String commission,
        Instant createdAt) {

    public record Override(PayoutType type, String amount, String percent) {
    }

    /** The offer's payout tier the member is on; the default tier unless the brand chose another. */
    public record AssignmentTier(UUID id, String name, PayoutType type, String amount, String percent,
            boolean isDefault) {

        static AssignmentTier of(PayoutRule rule) {
            return new AssignmentTier(rule.id(), rule.name(), rule.type(),
                    rule.amount() == null ? null : rule.amount().toDecimalString(),
                    rule.percent() == null ? null : rule.percent().stripTrailingZeros().toPlainString(),
                    rule.isDefault());
        }
    }

    static AssignmentResponse of(Assignment a, Offer offer, AssignmentLinks links) {
        CommissionOverride o = a.override();
        return new AssignmentResponse(a.memberId(), a.offerId(), a.projectId(), links.trackingLink(),
                links.promoCode(), links.dashboardLink(), a.payoutId(), AssignmentTier.of(PayoutTerms.tier(offer, a)),
                o == null ? null : new Override(o.type(), o.amount() == null ? null : o.amount().toDecimalString(),
                        o.percent() == null ? null : o.percent().stripTrailingZeros().toPlainString()),
                PayoutTerms.of(offer, a).describe(offer.conversionType()), a.createdAt());
    }
}
