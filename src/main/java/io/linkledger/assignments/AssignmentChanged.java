package io.linkledger.assignments;

import java.util.UUID;

/** Published after an assignment changed, so cached copies of its tracking link can be dropped. */
public record AssignmentChanged(UUID brandId, UUID offerId, UUID memberId, String linkCode) {

    /** The {@code Invalidations} cache name under which every node hears of it, keyed by link code. */
    public static final String INVALIDATIONS = "link";
}
