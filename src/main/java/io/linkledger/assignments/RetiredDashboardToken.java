package io.linkledger.assignments;

import java.time.Instant;
import java.util.UUID;

/** A dashboard token that no longer works, and why: the brand replaced it or revoked it. */
public record RetiredDashboardToken(UUID assignmentId, Reason reason, Instant retiredAt) {

    public enum Reason {
        REPLACED, REVOKED
    }
}
