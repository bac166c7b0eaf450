package io.linkledger.web;

import java.util.UUID;

/**
 * The editable "Send Sales Tracking Items" email, who it goes to, and what became of it: its
 * errors, one recipient's preview, or the sending job.
 */
public record SalesTrackingEmailView(UUID projectId, UUID offerId, String offerName, StageSelection selection,
        int recipients, String subject, String html, String text, FormErrors errors, boolean previewed,
        Preview preview, JobProgress sending) {

    /** One recipient's personalised email, with paging through every recipient. */
    public record Preview(UUID projectId, String to, String subject, String html, String text, int index,
            long total) {

        public boolean hasPrevious() {
            return index > 0;
        }

        public boolean hasNext() {
            return index + 1 < total;
        }
    }
}
