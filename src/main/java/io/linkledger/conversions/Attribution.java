package io.linkledger.conversions;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.linkledger.conversions.Conversion.AttributedBy;
import io.linkledger.offers.Offer;
import io.linkledger.offers.OfferTerms;
import io.linkledger.shared.ProblemException;
import io.linkledger.assignments.Assignment;
import io.linkledger.assignments.Assignments;
import io.linkledger.tracking.Click;
import io.linkledger.tracking.Clicks;

/**
 * Ties a claim to a member and offer: by the click's transaction id (link), by a promo code,
 * or by member id (partner postbacks for recurring sales). Failing to is a 422 with the reason.
 */
@Component
class Attribution {

    /** Whom a claim is credited to, and how; {@code click} is the click it came through, null unless by link. */
    record Attributed(Offer offer, OfferTerms terms, Assignment assignment, AttributedBy by, String transactionId,
            String promoCode, Click click) {
    }

    /** A click with the assignment (tier, override) of the member link it came through. */
    record AttributedClick(Click click, Assignment assignment) {
    }

    private final Clicks clicks;
    private final Assignments assignments;
    private final OfferCache offers;

    Attribution(Clicks clicks, Assignments assignments, OfferCache offers) {
        this.clicks = clicks;
        this.assignments = assignments;
        this.offers = offers;
    }

    /**
     * Attributes a claim by its transaction id, else its promo codes, else its member id;
     * {@code clicks} are the clicks read for the claim's batch ({@link #clicksWithAssignments}).
     */
    Attributed attribute(Integration integration, Claim claim, Map<String, AttributedClick> clicks) {
        if (claim.transactionId() != null) {
            return byClick(integration, claim, clicks.get(claim.transactionId()));
        }
        if (!claim.promoCodes().isEmpty()) {
            return byCode(integration, claim);
        }
        if (claim.memberId() != null) {
            return byMember(integration, claim);
        }
        throw unattributable("the request names no transaction id, promo code or member id to credit");
    }

    /** The clicks among these transaction ids with their assignments, by transaction id: two queries for a batch. */
    Map<String, AttributedClick> clicksWithAssignments(Collection<String> transactionIds) {
        Map<String, Click> found = clicks.findByTransactionIds(transactionIds);
        Map<UUID, Assignment> assignmentsById = assignments.findByIds(
                found.values().stream().map(Click::assignmentId).distinct().toList());
        Map<String, AttributedClick> attributed = new HashMap<>();
        found.forEach((transactionId, click) -> {
            Assignment assignment = assignmentsById.get(click.assignmentId());
            if (assignment != null) {
                attributed.put(transactionId, new AttributedClick(click, assignment));
            }
        });
        return attributed;
    }

    /** Attribution by the claim's transaction id, given the click read for it (null when none was recorded). */
    private Attributed byClick(Integration integration, Claim claim, AttributedClick read) {
        AttributedClick found = Optional.ofNullable(read)
                .filter(c -> c.click().brandId().equals(integration.brandId()))
                .orElseThrow(() -> unattributable("transaction id '" + claim.transactionId()
                        + "' is unknown: no click with this id was recorded for this brand"));
        Click click = found.click();
        OfferCache.Snapshot snapshot = offer(click.offerId());
        // A conversion beyond the offer's attribution window is still the click's: ClickToConversionRule holds it.
        return new Attributed(snapshot.offer(), snapshot.terms(), found.assignment(), AttributedBy.LINK, click.transactionId(),
                null, click);
    }

    private Attributed byCode(Integration integration, Claim claim) {
        for (String code : claim.promoCodes()) {
            Optional<Assignment> found = assignments.findByPromoCode(integration.brandId(), code);
            if (found.isPresent()) {
                Assignment assignment = found.get();
                OfferCache.Snapshot snapshot = offer(assignment.offerId());
                return new Attributed(snapshot.offer(), snapshot.terms(), assignment, AttributedBy.CODE, null,
                        assignment.promoCode(), null);
            }
        }
        throw unattributable("none of the discount codes " + claim.promoCodes() + " belongs to a member");
    }

    private Attributed byMember(Integration integration, Claim claim) {
        UUID offerId = claim.offerId() != null ? claim.offerId() : integration.crediting().offerId();
        if (offerId == null) {
            throw ProblemException.invalid("offer_id", "a member-id postback needs offer_id, or an integration with offerId");
        }
        OfferCache.Snapshot snapshot = offers.find(offerId)
                .filter(s -> s.offer().brandId().equals(integration.brandId()))
                .orElseThrow(() -> unattributable("offer " + offerId + " does not exist"));
        Assignment assignment = assignment(snapshot.offer(), claim.memberId());
        return new Attributed(snapshot.offer(), snapshot.terms(), assignment, AttributedBy.MEMBER, null, null, null);
    }

    Assignment assignmentOf(UUID brandId, UUID offerId, UUID memberId) {
        return assignments.get(brandId, offerId, memberId);
    }

    private OfferCache.Snapshot offer(UUID offerId) {
        return offers.find(offerId).orElseThrow(() -> unattributable("offer " + offerId + " no longer exists"));
    }

    private Assignment assignment(Offer offer, UUID memberId) {
        try {
            return assignments.get(offer.brandId(), offer.id(), memberId);
        } catch (ProblemException e) {
            throw unattributable("member " + memberId + " is not in offer " + offer.id());
        }
    }

    static ProblemException unattributable(String reason) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot attribute the conversion: " + reason);
    }
}
