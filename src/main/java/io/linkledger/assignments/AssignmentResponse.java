package io.linkledger.assignments;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.offers.Offer;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.PublicUrls;

/** An assignment as the API shows it: absolute links, and the code only for code offers. */
record AssignmentResponse(UUID memberId, UUID offerId, UUID projectId, String trackingLink, String promoCode,
        String dashboardLink, UUID payoutId, Override commissionOverride, Instant createdAt) {

    public record Override(PayoutType type, String amount, String percent) {
    }

    static AssignmentResponse of(Assignment a, Offer offer, PublicUrls urls) {
        CommissionOverride o = a.override();
        return new AssignmentResponse(a.memberId(), a.offerId(), a.projectId(),
                offer.type().hasLink() ? urls.trackingLink(a.linkCode()) : null,
                offer.type().hasCode() ? a.promoCode() : null,
                a.dashboardToken() == null ? null : urls.dashboardLink(a.dashboardToken()), a.payoutId(),
                o == null ? null : new Override(o.type(), o.amount() == null ? null : o.amount().toDecimalString(),
                        o.percent() == null ? null : o.percent().stripTrailingZeros().toPlainString()),
                a.createdAt());
    }
}
