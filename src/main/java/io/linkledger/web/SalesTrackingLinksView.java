package io.linkledger.web;

import java.util.List;
import java.util.UUID;

/** The generated links and codes of a selection, one page of them. */
public record SalesTrackingLinksView(UUID projectId, UUID offerId, String offerName, StageSelection selection,
        List<Row> rows, long total, int offset, int limit) {

    /** One member's tracking link, promo code and dashboard link; null where the offer has none. */
    public record Row(String member, String email, String trackingLink, String promoCode, String dashboardLink) {
    }

    public String base() {
        return "/projects/" + projectId;
    }

    /** The offer and the selection as query parameters, for the next step and paging. */
    public String query() {
        return "offerId=" + offerId + "&" + selection.query();
    }

    public boolean hasMore() {
        return offset + rows.size() < total;
    }

    public String pageUrl(int pageOffset) {
        return base() + "/stage/links?" + query() + "&offset=" + pageOffset;
    }
}
