package io.linkledger.email;

import java.time.Instant;
import java.util.UUID;

/**
 * One member's email in a send's delivery log. {@code lastError} is the reason of the last failed
 * attempt: why it FAILED, or why a QUEUED email is waiting for another attempt ({@code nextAttemptAt}).
 */
public record Delivery(UUID messageId, UUID memberId, String memberName, String to, EmailStatus status,
        int attempts, String lastError, Instant nextAttemptAt, Instant sentAt) {
}
