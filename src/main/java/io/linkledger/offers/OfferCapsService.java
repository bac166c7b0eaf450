package io.linkledger.offers;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/** The caps of an offer: what they are, and setting them. */
@Service
public class OfferCapsService {

    /** The largest count cap: beyond it a cap stops nothing anyway. */
    static final int MAX_COUNT = 1_000_000;

    private final OfferCapsRepository repository;
    private final Offers offers;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    OfferCapsService(OfferCapsRepository repository, Offers offers, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.offers = offers;
        this.events = events;
    }

    /**
     * What a caller sends: amounts as decimal strings in the offer's currency, counts as numbers;
     * a null or blank value is no cap.
     */
    public record CapsRequest(String maxSaleAmount, String maxCommission, Integer maxConversionsPerClick,
            Integer maxConversionsPerVisitorPerDay, String pixelReviewAbove) {
    }

    public OfferCaps caps(Offer offer) {
        return repository.find(offer.id(), offer.currency()).orElse(OfferCaps.NONE);
    }

    /** Replaces the brand's offer's caps; invalid input is a 400 with every field's issue and changes nothing. */
    @Transactional
    public OfferCaps replace(UUID brandId, UUID offerId, CapsRequest request) {
        Offer offer = offers.get(brandId, offerId);
        Validation v = new Validation();
        OfferCaps caps = new OfferCaps(amount(request.maxSaleAmount(), "maxSaleAmount", offer, v),
                amount(request.maxCommission(), "maxCommission", offer, v),
                count(request.maxConversionsPerClick(), "maxConversionsPerClick", v),
                count(request.maxConversionsPerVisitorPerDay(), "maxConversionsPerVisitorPerDay", v),
                amount(request.pixelReviewAbove(), "pixelReviewAbove", offer, v));
        v.throwIfInvalid();
        OfferCaps before = caps(offer);
        repository.save(offerId, caps);
        audit.record(AuditEntry.of(brandId, "offer_caps.updated", "offer_caps", offerId).offer(offerId).change(before, caps));
        events.publishEvent(new OfferChanged(brandId, offerId));
        return caps;
    }

    private static Money amount(String text, String field, Offer offer, Validation v) {
        if (Validation.isBlank(text)) {
            return null;
        }
        try {
            Money money = Money.parse(text, offer.currency());
            v.check(!money.isNegative(), field, "must not be negative");
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            v.add(field, e.getMessage());
            return null;
        }
    }

    private static Integer count(Integer value, String field, Validation v) {
        v.check(value == null || (value >= 1 && value <= MAX_COUNT), field,
                "must be between 1 and " + MAX_COUNT + ", or left out for no cap");
        return value;
    }
}
