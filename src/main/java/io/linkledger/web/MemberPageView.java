package io.linkledger.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.linkledger.ledger.PaymentItem;
import io.linkledger.members.Member;
import io.linkledger.offers.Offer;
import io.linkledger.reporting.LinkFigures;

/**
 * A member's page: who they are, each offer they are in (links, code, tier and figures, with the
 * forms that change code and commission) and the payments made to them.
 */
public record MemberPageView(Member member, List<OfferPart> offers, List<Choice> otherOffers, Form adding,
        List<PaymentLine> payments, MemberQualityView quality, String notice) {

    /** One offer of the member, with its forms as they were sent (or as they stand). */
    public record OfferPart(Offer offer, MemberLinksView links, LinkFigures figures, List<Choice> tiers, Form form,
            Form promoForm) {

        /** Clicks and EPC mean nothing for an offer members promote with a code only. */
        public boolean hasClicks() {
            return offer.type().hasLink();
        }

        public String epc() {
            return Epc.display(figures.epc(), offer.currency(), "—");
        }

        public String anchor() {
            return "offer-" + offer.id();
        }

        public String base() {
            return "/members/" + links.memberId() + "/offers/" + offer.id();
        }
    }

    /** One payment item made to the member. */
    public record PaymentLine(UUID paymentId, String date, String amount, String status, String receiver,
            String failureReason) {

        static PaymentLine of(PaymentItem item) {
            return new PaymentLine(item.paymentId(),
                    Times.date(item.paidAt()), item.amount().display(), item.status().name(), item.receiver(),
                    item.failureReason());
        }
    }

    public String base() {
        return "/members/" + member.id();
    }

    /** The Members list searching for a tag. */
    public String tagHref(String tag) {
        return "/members?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }
}
