package io.linkledger.conversions;

import java.time.Instant;
import java.util.UUID;

import io.linkledger.conversions.Decision.Ignored;
import io.linkledger.conversions.Decision.Recorded;
import io.linkledger.conversions.Decision.Refused;
import io.linkledger.shared.ProblemException;

/** A stored inbound request and what became of it. */
record InboundRequest(UUID id, UUID integrationId, UUID brandId, Instant receivedAt, Inbound inbound, String webhookId,
        Handling handling) {

    /**
     * The most of its body a request that failed its signature or source checks keeps: enough to
     * see what was sent (and to replay a shop's order after its secret is fixed), too little to
     * fill the database with anonymous megabytes.
     */
    static final int UNAUTHENTICATED_BODY_CHARS = 16 * 1024;

    enum Outcome {
        RECEIVED, ACCEPTED, DUPLICATE, IGNORED, REJECTED, FAILED
    }

    /** What became of the request the last time it was processed; {@code attempts} counts the times. */
    record Handling(Outcome outcome, Integer statusCode, String reason, UUID conversionId, int attempts,
            Instant processedAt) {
    }

    /** A request just received, not processed yet; a shop's delivery id is kept to answer a redelivery. */
    static InboundRequest received(UUID id, Integration integration, Instant at, Inbound inbound) {
        return new InboundRequest(id, integration.id(), integration.brandId(), at, inbound,
                PostbackParser.blankToNull(inbound.header("X-Shopify-Webhook-Id")),
                new Handling(Outcome.RECEIVED, null, null, null, 0, null));
    }

    /** The request after one more attempt that ended as {@code decision} says. */
    InboundRequest decided(Decision decision, Instant at) {
        return switch (decision) {
            case Recorded r -> handled(r.outcome(), 200, null, r.conversion().id(), at);
            case Refused r -> rejected(r.problem(), at);
            case Ignored i -> handled(Outcome.IGNORED, 200, i.reason(), null, at);
        };
    }

    /** Refused; a request that did not prove where it came from (401, 403) keeps only the start of its body. */
    InboundRequest rejected(ProblemException problem, Instant at) {
        int status = problem.status().value();
        InboundRequest kept = status == 401 || status == 403
                ? new InboundRequest(id, integrationId, brandId, receivedAt,
                        inbound.truncated(UNAUTHENTICATED_BODY_CHARS), webhookId, handling)
                : this;
        return kept.handled(Outcome.REJECTED, status, problem.getMessage(), null, at);
    }

    /**
     * Not processed because its sender is over a rate limit: answered as usual, kept (with only the
     * start of its body, as an unproven request) so the brand can see and replay it.
     */
    InboundRequest limited(String reason, Instant at) {
        return new InboundRequest(id, integrationId, brandId, receivedAt, inbound.truncated(UNAUTHENTICATED_BODY_CHARS),
                webhookId, handling).handled(Outcome.IGNORED, 200, reason, null, at);
    }

    /** An unexpected failure: stored with the exception's kind only, and replayable. */
    InboundRequest failed(RuntimeException e, Instant at) {
        return handled(Outcome.FAILED, 500, "Failed: " + e.getClass().getSimpleName(), null, at);
    }

    InboundRequest handled(Outcome outcome, int statusCode, String reason, UUID conversionId, Instant at) {
        return new InboundRequest(id, integrationId, brandId, receivedAt, inbound, webhookId,
                new Handling(outcome, statusCode, reason, conversionId, handling.attempts() + 1, at));
    }
}
