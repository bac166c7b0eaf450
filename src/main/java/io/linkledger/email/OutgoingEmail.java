package io.linkledger.email;

import java.util.UUID;

/**
 * An email to queue. {@code brandId} and {@code memberId} may be null (e.g. a creator portal
 * sign-in link is for a person, not one brand); {@code category} groups messages in the
 * delivery log, e.g. "sales-tracking-items" or "portal-sign-in".
 */
public record OutgoingEmail(UUID brandId, UUID memberId, String category, String to, String subject, String html,
        String text) {
}
