package io.linkledger.web;

import java.util.List;
import java.util.UUID;

/**
 * The generated links and codes of a selection, one page of them; {@code table} is the project
 * page's members table to refresh with them (null when it need not change).
 */
public record SalesTrackingLinksView(UUID projectId, UUID offerId, String offerName, StageSelection selection,
        List<Row> rows, long total, int offset, int limit, ProjectMembersTable table) {

    /** One member's tracking link, promo code, dashboard link and tier. */
    public record Row(String member, String email, MemberLinksView links) {
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
