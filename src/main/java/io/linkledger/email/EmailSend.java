package io.linkledger.email;

import java.time.Instant;
import java.util.UUID;

/**
 * One send: a "Send Sales Tracking Items" (from {@code projectId}) or "Email Members" action on an
 * offer, whose job ({@code jobId}) queued one email per member; {@code subject} is the template's,
 * with its variables. {@code counts} is how its emails stand now.
 */
public record EmailSend(UUID id, UUID offerId, UUID projectId, TemplateKind kind, String subject, int total,
        UUID jobId, String sentBy, Instant createdAt, DeliveryCounts counts) {

    /** Every email has been queued and none has an attempt to come. */
    public boolean finished() {
        return counts.inOutbox() >= total && counts.pending() == 0;
    }
}
