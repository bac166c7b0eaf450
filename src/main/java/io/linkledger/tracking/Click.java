package io.linkledger.tracking;

import java.time.Instant;
import java.util.UUID;

/** One answered redirect, as stored. */
public record Click(String transactionId, Instant clickedAt, UUID brandId, UUID offerId, UUID memberId,
        UUID projectId, UUID assignmentId, String visitorKey, String userAgent, String referrer, boolean bot,
        boolean unique) {
}
