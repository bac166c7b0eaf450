package io.linkledger.web;

import java.util.UUID;

import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.AssignmentLinks;
import io.linkledger.assignments.PayoutTerms;
import io.linkledger.offers.Offer;

/**
 * One member's tracking link, promo code, dashboard link and tier in one offer, as every console
 * table shows them (null where the offer has none, or the dashboard link is revoked). {@code custom}
 * says the member has a commission of their own that replaces the tier.
 */
public record MemberLinksView(UUID memberId, UUID offerId, String trackingLink, String promoCode,
        String dashboardLink, String tier, String commission, boolean custom) {

    static MemberLinksView of(Offer offer, Assignment a, AssignmentLinks links) {
        return new MemberLinksView(a.memberId(), a.offerId(), links.trackingLink(), links.promoCode(),
                links.dashboardLink(), PayoutTerms.tier(offer, a).name(),
                PayoutTerms.of(offer, a).describe(offer.conversionType()), a.override() != null);
    }

    /** The tier as a table shows it: its name, or "Custom" when the member's own commission replaces it. */
    public String tierLabel() {
        return custom ? "Custom" : tier;
    }

    /** An id for one of this member's inputs in this offer, unique on any page, e.g. {@code link-<offer>-<member>}. */
    public String inputId(String what) {
        return what + "-" + offerId + "-" + memberId;
    }
}
