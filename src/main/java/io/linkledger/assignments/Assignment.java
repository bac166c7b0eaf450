package io.linkledger.assignments;

import java.time.Instant;
import java.util.UUID;

/**
 * A member assigned to an offer. {@code payoutId} null means the offer's default tier;
 * {@code override}, when set, wins over any tier.
 */
public record Assignment(UUID id, UUID brandId, UUID offerId, UUID memberId, UUID projectId, String linkCode,
        String promoCode, String dashboardToken, UUID payoutId, CommissionOverride override, Instant createdAt,
        Instant updatedAt) {
}
