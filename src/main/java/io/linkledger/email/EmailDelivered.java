package io.linkledger.email;

import java.util.UUID;

/** An outbox message reached the SMTP server; its stored copy is no longer needed to send it. */
public record EmailDelivered(UUID messageId, String category) {
}
