package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.email.EmailSend;

/**
 * The emails sent for an offer, or from a project: one row per send, newest first, each
 * linking to its delivery log.
 */
public record EmailSendsView(String title, String scopeName, String scopeUrl, String section, String composeUrl,
        String composeLabel, List<Row> rows, int pageNumber, int pages, String baseUrl, boolean byProject) {

    static final int PAGE = 25;

    /** A send, with the offer it was for and the project it came from (null for Email Members). */
    public record Row(EmailSend send, String offerName, String projectName) {

        public String logUrl() {
            return DeliveryLogView.url(send.offerId(), send.id());
        }

        /** Where the send stands, in a word or two. */
        public String state() {
            var counts = send.counts();
            if (!send.finished()) {
                return "Sending";
            }
            return counts.failed() == 0 ? "Delivered" : counts.failed() + " failed";
        }
    }

    static String offerUrl(UUID offerId) {
        return "/offers/" + offerId + "/sends";
    }

    static String projectUrl(UUID projectId) {
        return "/projects/" + projectId + "/sends";
    }

    public String pageUrl(int page) {
        return baseUrl + "?page=" + page;
    }
}
