package io.linkledger.email;

import java.time.Instant;

/**
 * A "resend the failed ones" press: how many failed emails it put back in the queue, when, and
 * whether it repeated an earlier press with the same key (which then queued nothing again).
 */
public record Resend(int requeued, Instant at, boolean repeated) {
}
