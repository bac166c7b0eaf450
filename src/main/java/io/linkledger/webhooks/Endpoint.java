package io.linkledger.webhooks;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A brand's webhook endpoint, without its secret. {@code failingSince}: the first failed attempt
 * since the last success (null while it answers); {@code disabledReason} says why Linkledger
 * turned it off, or is null when it did not.
 */
public record Endpoint(UUID id, UUID brandId, String url, String description, Set<WebhookEvent> events,
        boolean enabled, Instant createdAt, Instant updatedAt, Instant secretRotatedAt, Instant failingSince,
        Instant disabledAt, String disabledReason) {

    public boolean receives(WebhookEvent event) {
        return events.contains(event);
    }
}
