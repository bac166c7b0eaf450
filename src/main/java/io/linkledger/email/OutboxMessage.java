package io.linkledger.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in the outbox with its delivery state; {@code sendId} is the send that queued it
 * (null for an email that belongs to no send, e.g. a Creator Portal sign-in link).
 */
public record OutboxMessage(UUID id, UUID brandId, UUID memberId, String category, String to, String subject,
        String html, String text, EmailStatus status, int attempts, String lastError, Instant createdAt,
        Instant nextAttemptAt, Instant sentAt, UUID sendId) {
}
