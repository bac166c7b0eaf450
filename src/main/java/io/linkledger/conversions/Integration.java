package io.linkledger.conversions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One inbound channel of a brand. {@code secret} signs or hashes what the caller sends;
 * {@code parameterMap} maps our field names to the caller's parameter names.
 */
public record Integration(UUID id, UUID brandId, IntegrationType type, String name, String keyHash, String secret,
        String hashAlgorithm, String basicUser, String basicPasswordHash, Map<String, String> parameterMap,
        ZoneId timeZone, List<String> ipAllowList, UUID offerId, String orderTopic, CreditPriority creditPriority,
        Instant createdAt) {

    /** Which attribution keeps the credit when one order arrives by link and by promo code. */
    public enum CreditPriority {
        LINK, CODE
    }

    /** The caller's parameter name for one of our fields. */
    String param(String field) {
        return parameterMap.getOrDefault(field, field);
    }

    // Records print every component; the secret must never reach a log line.
    @Override
    public String toString() {
        return "Integration[id=" + id + ", type=" + type + ", name=" + name + "]";
    }
}
