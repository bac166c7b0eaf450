package io.linkledger.conversions;

import java.time.Instant;
import java.util.UUID;

/** A stored inbound request and what became of it. */
record InboundRequest(UUID id, UUID integrationId, UUID brandId, Instant receivedAt, Inbound inbound, String webhookId,
        Outcome outcome, Integer statusCode, String reason, UUID conversionId, int attempts, Instant processedAt) {

    enum Outcome {
        RECEIVED, ACCEPTED, DUPLICATE, IGNORED, REJECTED, FAILED
    }
}
