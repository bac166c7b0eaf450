package io.linkledger.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.linkledger.offers.Macros;
import io.linkledger.offers.Offer;
import io.linkledger.assignments.Assignment;

/**
 * Everything a redirect needs about a link code, as held in the link cache, with the offer's
 * URL templates split once rather than on every click.
 */
record TrackedLink(Assignment assignment, Offer offer, String memberName, Macros.Template destination,
        Macros.Template fallback) {

    static TrackedLink of(Assignment assignment, Offer offer, String memberName) {
        return new TrackedLink(assignment, offer, memberName,
                offer.destinationUrl() == null ? null : Macros.compile(offer.destinationUrl()),
                offer.fallbackUrl() == null ? null : Macros.compile(offer.fallbackUrl()));
    }

    /** The value of a macro for a click with this transaction id at this time; null for none. */
    String macro(String name, String transactionId, Instant at) {
        return switch (name) {
            case Macros.TRANSACTION_ID -> transactionId;
            case Macros.MEMBER_ID -> assignment.memberId().toString();
            case Macros.OFFER_ID -> assignment.offerId().toString();
            case Macros.PROJECT_ID -> assignment.projectId() == null ? null : assignment.projectId().toString();
            case Macros.MEMBER_NAME -> memberName;
            case Macros.CLICK_TIME -> at.truncatedTo(ChronoUnit.SECONDS).toString();
            default -> null;
        };
    }
}
