package io.linkledger.conversions;

import io.linkledger.shared.ProblemException;

/**
 * What became of one claim or webhook: a conversion (new, changed, or the one a repeat finds), why
 * it was refused, or why there was nothing to do.
 */
sealed interface Decision {

    /** The stored conversion, and whether it existed already (an idempotent repeat). */
    record Recorded(Conversion conversion, boolean duplicate) implements Decision {

        InboundRequest.Outcome outcome() {
            return duplicate ? InboundRequest.Outcome.DUPLICATE : InboundRequest.Outcome.ACCEPTED;
        }
    }

    /** Refused for this reason; nothing of it was written. */
    record Refused(ProblemException problem) implements Decision {
    }

    /**
     * Nothing to do, and it is not the caller's error: a shop's order without a member's code, a
     * refund of an order nobody is credited for. Answered 200; the reason is kept in the inbound log.
     */
    record Ignored(String reason) implements Decision {
    }
}
