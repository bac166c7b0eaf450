package io.linkledger.web;

import java.util.List;
import java.util.UUID;

import io.linkledger.email.Delivery;
import io.linkledger.email.EmailSend;
import io.linkledger.email.EmailStatus;
import io.linkledger.email.Resend;
import io.linkledger.shared.Page;

/**
 * One send's delivery log: how many of its emails are waiting, sent and failed, each member's
 * email with its status and the reason it failed, and "resend the failed ones". While emails
 * are still being queued or delivered the page refreshes itself ({@link #refreshing}).
 */
public record DeliveryLogView(UUID offerId, String offerName, String projectName, EmailSend send,
        SendingView queuing, Page<Delivery> deliveries, EmailStatus filter, List<Resend> resends, UUID resendKey,
        boolean delivering) {

    static final int PAGE = 50;

    /** The filters above the table: a status (null: every email) and its label. */
    public record Filter(EmailStatus status, String label) {
    }

    public static final List<Filter> FILTERS = List.of(new Filter(null, "All"), new Filter(EmailStatus.FAILED, "Failed"),
            new Filter(EmailStatus.QUEUED, "Waiting"), new Filter(EmailStatus.SENT, "Sent"));

    static String url(UUID offerId, UUID sendId) {
        return "/offers/" + offerId + "/sends/" + sendId;
    }

    public String url() {
        return url(offerId, send.id());
    }

    /** The page with another filter, back on its first page. */
    public String url(EmailStatus status) {
        return url() + (status == null ? "" : "?status=" + status.name());
    }

    /** Where the refreshing part of the page asks for its next state: this filter and page. */
    public String deliveriesUrl() {
        return url() + "/deliveries?page=" + pageNumber() + (filter == null ? "" : "&status=" + filter.name());
    }

    public String pageUrl(int page) {
        return url() + "?page=" + page + (filter == null ? "" : "&status=" + filter.name());
    }

    /** Who sent it, as the console names people: a user by their email, otherwise the API key or actor. */
    public String sentBy() {
        String actor = send.sentBy();
        return actor != null && actor.startsWith("user:") ? actor.substring("user:".length()) : actor;
    }

    public String sendsUrl() {
        return EmailSendsView.offerUrl(offerId);
    }

    /** Emails are still being queued, or (with SMTP configured) some still have an attempt to come. */
    public boolean refreshing() {
        return (queuing != null && queuing.running()) || (delivering && send.counts().pending() > 0);
    }

    public int count(EmailStatus status) {
        if (status == null) {
            return send.counts().inOutbox();
        }
        return switch (status) {
            case QUEUED -> send.counts().queued();
            case SENDING -> send.counts().sending();
            case SENT -> send.counts().sent();
            case FAILED -> send.counts().failed();
        };
    }

    /** The state of the whole send, in one sentence (the page's status message). */
    public String summary() {
        var counts = send.counts();
        StringBuilder text = new StringBuilder();
        if (queuing != null && queuing.running()) {
            text.append("Queuing: ").append(queuing.done()).append(" of ").append(queuing.total()).append(". ");
        } else if (queuing != null && queuing.failed()) {
            text.append("Queuing stopped after ").append(counts.inOutbox()).append(" of ").append(send.total())
                    .append(" emails: ").append(queuing.error()).append(". ");
        }
        text.append(counts.sent()).append(" of ").append(send.total()).append(" sent");
        if (counts.failed() > 0) {
            text.append(", ").append(counts.failed()).append(" failed");
        }
        if (counts.pending() > 0) {
            text.append(", ").append(counts.pending()).append(delivering ? " on their way" : " waiting in the outbox");
        }
        return text.append('.').toString();
    }

    public int pageNumber() {
        return deliveries.offset() / PAGE + 1;
    }

    public int pages() {
        return (int) Math.max(1, (deliveries.total() + PAGE - 1) / PAGE);
    }
}
