package io.linkledger.offers;

import java.time.Duration;
import java.util.Currency;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.offers.OfferCapsRepository.Defaults;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/**
 * The quality limits of offers and the brand defaults they inherit: what they are, where each
 * comes from, and setting them.
 */
@Service
public class OfferCapsService {

    /** The largest count limit: beyond it a limit stops nothing anyway. */
    static final int MAX_COUNT = 1_000_000;
    /** The longest visitor window: a week. */
    static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
    /** The longest click-to-conversion minimum: a day. */
    static final int MAX_SECONDS_TO_CONVERT = 24 * 60 * 60;
    /** The visitor window when neither the offer nor the brand sets one. */
    static final int DEFAULT_WINDOW_MINUTES = 60;

    private final OfferCapsRepository repository;
    private final Offers offers;
    private final BrandSettingsService brands;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final OfferCaps server;

    OfferCapsService(OfferCapsRepository repository, Offers offers, BrandSettingsService brands,
            ApplicationEventPublisher events, AuditTrail audit,
            @Value("${linkledger.quality.min-click-to-conversion:PT10S}") Duration minClickToConversion) {
        this.audit = audit;
        this.repository = repository;
        this.offers = offers;
        this.brands = brands;
        this.events = events;
        this.server = new OfferCaps(null, null, null, null, DEFAULT_WINDOW_MINUTES, null,
                Math.toIntExact(minClickToConversion.toSeconds()), null);
    }

    /**
     * What a caller sends: amounts as decimal strings in the offer's (the brand's) currency, counts
     * as numbers; a null or blank value is not set, so the next level's applies.
     */
    public record CapsRequest(String maxSaleAmount, String maxCommission, Integer maxConversionsPerClick,
            Integer maxConversionsPerVisitor, Integer visitorWindowMinutes, String pixelReviewAbove,
            Integer minSecondsToConvert, Integer maxClicksPerVisitor) {
    }

    /** The offer's own limits. */
    public OfferCaps caps(Offer offer) {
        return repository.find(offer.id(), offer.currency()).orElse(OfferCaps.NONE);
    }

    /** The offer's limits, the brand's defaults it inherits and the server's. */
    public QualityLayers layers(Offer offer) {
        return new QualityLayers(caps(offer), brandDefaultsFor(offer), server);
    }

    /** The brand's defaults over the server's (own: none). */
    public QualityLayers brandLayers(UUID brandId) {
        return new QualityLayers(OfferCaps.NONE, brandDefaults(brandId).caps(), server);
    }

    /** The currency the brand's default amounts are in: the one they were set in, else the brand's. */
    public Currency brandCurrency(UUID brandId) {
        return brandDefaults(brandId).currency();
    }

    /** Replaces the brand's offer's limits; invalid input is a 400 with every field's issue and changes nothing. */
    @Transactional
    public OfferCaps replace(UUID brandId, UUID offerId, CapsRequest request) {
        Offer offer = offers.get(brandId, offerId);
        OfferCaps caps = validated(request, offer.currency());
        OfferCaps before = caps(offer);
        repository.save(offerId, caps);
        audit.record(AuditEntry.of(brandId, "offer_caps.updated", "offer_caps", offerId).offer(offerId).change(before, caps));
        events.publishEvent(new OfferChanged(brandId, offerId));
        return caps;
    }

    /**
     * Replaces the brand's defaults, amounts in the brand's default currency; invalid input is a
     * 400 with every field's issue and changes nothing.
     */
    @Transactional
    public QualityLayers replaceDefaults(UUID brandId, CapsRequest request) {
        Currency currency = brands.get(brandId).defaultCurrency();
        OfferCaps defaults = validated(request, currency);
        OfferCaps before = brandDefaults(brandId).caps();
        repository.saveDefaults(brandId, new Defaults(defaults, currency));
        audit.record(AuditEntry.of(brandId, "quality_defaults.updated", "quality_defaults", brandId)
                .change(before, defaults));
        events.publishEvent(new QualityDefaultsChanged(brandId));
        return brandLayers(brandId);
    }

    private Defaults brandDefaults(UUID brandId) {
        return repository.findDefaults(brandId)
                .orElseGet(() -> new Defaults(OfferCaps.NONE, brands.get(brandId).defaultCurrency()));
    }

    private OfferCaps brandDefaultsFor(Offer offer) {
        Defaults defaults = brandDefaults(offer.brandId());
        return defaults.currency().equals(offer.currency()) ? defaults.caps() : defaults.caps().withoutAmounts();
    }

    private static OfferCaps validated(CapsRequest request, Currency currency) {
        Validation v = new Validation();
        OfferCaps caps = new OfferCaps(amount(request.maxSaleAmount(), "maxSaleAmount", currency, v),
                amount(request.maxCommission(), "maxCommission", currency, v),
                count(request.maxConversionsPerClick(), "maxConversionsPerClick", 1, MAX_COUNT, v),
                count(request.maxConversionsPerVisitor(), "maxConversionsPerVisitor", 1, MAX_COUNT, v),
                count(request.visitorWindowMinutes(), "visitorWindowMinutes", 1, MAX_WINDOW_MINUTES, v),
                amount(request.pixelReviewAbove(), "pixelReviewAbove", currency, v),
                count(request.minSecondsToConvert(), "minSecondsToConvert", 0, MAX_SECONDS_TO_CONVERT, v),
                count(request.maxClicksPerVisitor(), "maxClicksPerVisitor", 1, MAX_COUNT, v));
        v.throwIfInvalid();
        return caps;
    }

    private static Money amount(String text, String field, Currency currency, Validation v) {
        if (Validation.isBlank(text)) {
            return null;
        }
        try {
            Money money = Money.parse(text, currency);
            v.check(!money.isNegative(), field, "must not be negative");
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) {
            v.add(field, e.getMessage());
            return null;
        }
    }

    private static Integer count(Integer value, String field, int min, int max, Validation v) {
        v.check(value == null || (value >= min && value <= max), field,
                "must be between " + min + " and " + max + ", or left out to inherit");
        return value;
    }
}
