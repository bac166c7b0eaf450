package io.linkledger.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event sent (or to be sent) to one endpoint, with what its latest attempt saw: the response
 * code (null when no response came), how long it took, and the error. {@code replayOf}: the
 * delivery a replay repeats, with the same event id and payload.
 */
public record Delivery(UUID id, UUID endpointId, UUID brandId, UUID eventId, WebhookEvent event, String payload,
        DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
        Integer lastStatusCode, Long lastLatencyMs, String lastError, Instant deliveredAt, UUID replayOf) {
}
