package io.linkledger.members;

import java.time.Instant;
import java.util.UUID;

public record Member(UUID id, UUID brandId, String name, String email, String handle, String paypalEmail,
        Instant createdAt, Instant updatedAt) {

    /** The first word of the name, for greetings and generated promo codes. */
    public String firstName() {
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
