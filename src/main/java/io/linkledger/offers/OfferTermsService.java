package io.linkledger.offers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.offers.OfferTerms.VolumeTier;
import io.linkledger.shared.Money;
import io.linkledger.shared.Validation;

/** Lock period and monthly volume tiers of an offer: read by conversions, set by the brand. */
@Service
public class OfferTermsService {

    private final OfferTermsRepository repository;
    private final Offers offers;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    OfferTermsService(OfferTermsRepository repository, Offers offers, ApplicationEventPublisher events,
            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.offers = offers;
        this.events = events;
    }

    public record TermsRequest(Integer lockPeriodDays, List<TierRequest> volumeTiers) {
    }

    public record TierRequest(String fromSales, String percent) {
    }

    public OfferTerms terms(Offer offer) {
        return repository.find(offer.id(), offer.currency());
    }

    /** Lock periods of all offers that have one, offer id → days. */
    public Map<UUID, Integer> lockPeriods() {
        return repository.withLockPeriod().stream()
                .collect(Collectors.toMap(OfferTermsRepository.LockedOffer::offerId,
                        OfferTermsRepository.LockedOffer::lockPeriodDays));
    }

    /** Offers of any brand that have a pay-per-click option, for the daily click accrual. */
    public List<UUID> offersPayingPerClick() {
        return repository.payingPerClick();
    }

    @Transactional
    public OfferTerms replace(UUID brandId, UUID offerId, TermsRequest request) {
        Offer offer = offers.get(brandId, offerId);
        Validation v = new Validation();
        v.check(request.lockPeriodDays() == null || (request.lockPeriodDays() >= 0 && request.lockPeriodDays() <= 365),
                "lockPeriodDays", "must be between 0 and 365, or left out to approve by hand");
        List<VolumeTier> tiers = new ArrayList<>();
        Set<Long> starts = new HashSet<>();
        List<TierRequest> requested = request.volumeTiers() == null ? List.of() : request.volumeTiers();
        for (int i = 0; i < requested.size(); i++) {
            TierRequest t = requested.get(i);
            String field = "volumeTiers[" + i + "]";
            Money from = null;
            BigDecimal percent = null;
            try {
                from = Money.parse(t.fromSales(), offer.currency());
                v.check(!from.isNegative(), field + ".fromSales", "must not be negative");
                v.check(starts.add(from.minor()), field + ".fromSales", "two tiers start at " + from.toDecimalString());
            } catch (IllegalArgumentException | ArithmeticException e) {
                v.add(field + ".fromSales", "is required, a decimal amount such as \"1000.00\"");
            }
            try {
                percent = new BigDecimal(t.percent().trim());
                v.check(percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0, field + ".percent",
                        "must be between 0 and 100");
            } catch (NumberFormatException | NullPointerException e) {
                v.add(field + ".percent", "is required, a number such as \"12.5\"");
            }
            if (from != null && percent != null) {
                tiers.add(new VolumeTier(from, percent));
            }
        }
        v.check(tiers.isEmpty() || tiers.stream().anyMatch(t -> t.from().minor() == 0), "volumeTiers",
                "the first tier must start at 0");
        v.throwIfInvalid();
        tiers.sort((a, b) -> Long.compare(a.from().minor(), b.from().minor()));
        OfferTerms terms = new OfferTerms(request.lockPeriodDays(), List.copyOf(tiers));
        OfferTerms before = terms(offer);
        repository.save(offerId, terms);
        audit.record(AuditEntry.of(brandId, "payout_terms.updated", "payout_terms", offerId).offer(offerId).change(before, terms));
        events.publishEvent(new OfferChanged(brandId, offerId));
        return terms;
    }
}
