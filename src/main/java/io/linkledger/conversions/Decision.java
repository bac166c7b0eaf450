package io.linkledger.conversions;

import io.linkledger.shared.ProblemException;

/** What became of one claim: a conversion (new, or the one a repeat finds), or why it was refused. */
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
}
