package io.linkledger.conversions;

import java.time.Instant;

import io.linkledger.conversions.Attribution.Attributed;
import io.linkledger.offers.OfferCaps;

/**
 * What the quality rules judge: the conversion a claim would make, the integration type it came
 * through, what it was attributed to (with the click, null unless by link), the offer's caps, the
 * buyer's email when the caller gave it, and counts of the conversions made before it.
 */
record Candidate(Conversion draft, IntegrationType channel, Attributed attributed, OfferCaps caps, String buyerEmail,
        Counts counts) {

    /** Conversions made before this one (stored, or earlier in its batch), reversed ones left out. */
    interface Counts {

        /** Those credited to one click (transaction id) of the brand. */
        long ofClick(String transactionId);

        /** Those of one visitor in one offer converted in [from, to). */
        long ofVisitor(String visitorKey, Instant from, Instant to);
    }
}
