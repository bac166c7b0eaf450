package io.linkledger.members;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A creator in a brand's program. {@code tags} are the brand's own labels, in alphabetical order. */
public record Member(UUID id, UUID brandId, String name, String email, String handle, String paypalEmail,
        String notes, List<String> tags, Instant createdAt, Instant updatedAt) {

    public Member {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The first word of the name, for greetings and generated promo codes. */
    public String firstName() {
        String trimmed = name.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    Member withTags(List<String> newTags) {
        return new Member(id, brandId, name, email, handle, paypalEmail, notes, newTags, createdAt, updatedAt);
    }
}
