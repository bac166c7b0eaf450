package io.linkledger.offers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.audit.AuditEntry;
import io.linkledger.audit.AuditTrail;
import io.linkledger.brands.BrandSettingsService;
import io.linkledger.offers.OfferRequest.PayoutRequest;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Validation;

/** Offer rules: what a valid offer is, and how it changes. */
@Service
public class Offers {

    static final int DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30;
    /** The longest attribution window an offer may have: raw clicks are kept at least this long. */
    public static final int MAX_ATTRIBUTION_WINDOW_DAYS = 365;

    private final OfferRepository repository;
    private final BrandSettingsService brands;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    public Offers(OfferRepository repository, Ids ids, Clock clock, ApplicationEventPublisher events,
            BrandSettingsService brands, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.brands = brands;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** The brand's offer, or a 404 problem (also for another brand's offer). */
    public Offer get(UUID brandId, UUID offerId) {
        return repository.find(offerId)
                .filter(offer -> offer.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Offer", offerId));
    }

    /** Any brand's offer; for the public edge, where the code or token already proved access. */
    public Optional<Offer> find(UUID offerId) {
        return repository.find(offerId);
    }

    public Page<Offer> list(UUID brandId, OfferStatus status, int limit, int offset) {
        Set<OfferStatus> statuses = status == null
                ? EnumSet.of(OfferStatus.ACTIVE, OfferStatus.PAUSED)
                : EnumSet.of(status);
        return new Page<>(repository.list(brandId, statuses, limit, offset), repository.count(brandId, statuses),
                limit, offset);
    }

    @Transactional
    public Offer create(UUID brandId, OfferRequest request) {
        Validation v = new Validation();
        v.check(!Validation.isBlank(request.name()), "name", "is required");
        v.check(request.type() != null, "type", "is required: LINK, PROMO_CODE or LINK_AND_CODE");
        v.check(request.conversionType() != null, "conversionType", "is required: SALE, LEAD, SIGNUP, INSTALL or CUSTOM");
        // Left out, a new offer is in the brand's default currency.
        Currency currency = Validation.isBlank(request.currency()) ? brands.get(brandId).defaultCurrency()
                : currency(request.currency(), v);
        v.check(request.payouts() != null && !request.payouts().isEmpty(), "payouts", "needs at least one payout option");
        v.throwIfInvalid();

        Instant now = clock.instant();
        TrackingProtocol protocol = request.trackingProtocol() != null ? request.trackingProtocol()
                : request.type().hasLink() ? TrackingProtocol.SERVER_POSTBACK_TRANSACTION_ID : TrackingProtocol.SHOP_WEBHOOK;
        Offer offer = new Offer(ids.next(), brandId, request.name().trim(), trimToNull(request.description()),
                request.type(), request.conversionType(), currency, protocol, trimToNull(request.destinationUrl()),
                trimToNull(request.fallbackUrl()), hosts(request.allowedDeepLinkHosts()), request.startsAt(),
                request.endsAt(), request.status() == null ? OfferStatus.ACTIVE : request.status(),
                request.attributionWindowDays() == null ? DEFAULT_ATTRIBUTION_WINDOW_DAYS : request.attributionWindowDays(),
                payouts(request.payouts(), currency, List.of(), v), now, now);
        validate(offer, v);
        repository.insert(offer);
        audit.record(AuditEntry.of(brandId, "offer.created", "offer", offer.id()).offer(offer.id()).change(null, offer));
        return offer;
    }

    @Transactional
    public Offer update(UUID brandId, UUID offerId, OfferRequest request) {
        Offer old = get(brandId, offerId);
        Validation v = new Validation();
        if (request.currency() != null && !request.currency().equalsIgnoreCase(old.currency().getCurrencyCode())) {
            v.add("currency", "cannot be changed once the offer exists; create a new offer in the other currency");
        }
        v.check(request.name() == null || !request.name().isBlank(), "name", "must not be blank");
        v.check(request.payouts() == null || !request.payouts().isEmpty(), "payouts", "needs at least one payout option");
        v.throwIfInvalid();

        List<PayoutRule> payouts = request.payouts() == null ? old.payouts()
                : payouts(request.payouts(), old.currency(), old.payouts(), v);
        Offer offer = new Offer(old.id(), brandId, pick(trim(request.name()), old.name()),
                request.description() == null ? old.description() : trimToNull(request.description()),
                pick(request.type(), old.type()), pick(request.conversionType(), old.conversionType()), old.currency(),
                pick(request.trackingProtocol(), old.trackingProtocol()),
                request.destinationUrl() == null ? old.destinationUrl() : trimToNull(request.destinationUrl()),
                request.fallbackUrl() == null ? old.fallbackUrl() : trimToNull(request.fallbackUrl()),
                request.allowedDeepLinkHosts() == null ? old.deepLinkHosts() : hosts(request.allowedDeepLinkHosts()),
                pick(request.startsAt(), old.startsAt()), pick(request.endsAt(), old.endsAt()),
                pick(request.status(), old.status()),
                pick(request.attributionWindowDays(), old.attributionWindowDays()), payouts, old.createdAt(),
                clock.instant());
        validate(offer, v);
        repository.update(offer);
        if (request.payouts() != null) {
            repository.replacePayouts(offer.id(), payouts);
        }
        events.publishEvent(new OfferChanged(brandId, offerId));
        audit.record(AuditEntry.of(brandId, "offer.updated", "offer", offerId).offer(offerId).change(old, offer));
        return offer;
    }

    @Transactional
    public Offer archive(UUID brandId, UUID offerId) {
        return update(brandId, offerId, statusOnly(OfferStatus.ARCHIVED));
    }

    private static OfferRequest statusOnly(OfferStatus status) {
        return new OfferRequest(null, null, null, null, null, null, null, null, null, null, null, status, null, null);
    }

    private static void validate(Offer offer, Validation v) {
        if (offer.type().hasLink()) {
            if (offer.destinationUrl() == null) {
                v.add("destinationUrl", "is required for a link offer, e.g. your ShareASale destination link");
            }
            if (offer.trackingProtocol() == TrackingProtocol.SHOP_WEBHOOK && offer.type() == OfferType.LINK) {
                v.add("trackingProtocol", "SHOP_WEBHOOK attributes by promo code; a LINK offer needs a postback or pixel");
            }
        } else if (offer.trackingProtocol() == TrackingProtocol.SERVER_POSTBACK_TRANSACTION_ID
                || offer.trackingProtocol() == TrackingProtocol.PIXEL) {
            v.add("trackingProtocol", offer.trackingProtocol() + " needs clicks on a tracking link; "
                    + "a PROMO_CODE offer uses SHOP_WEBHOOK or SERVER_POSTBACK_PARTNER_ID");
        }
        if (offer.destinationUrl() != null) {
            Macros.problems(offer.destinationUrl()).forEach(problem -> v.add("destinationUrl", problem));
        }
        if (offer.fallbackUrl() != null) {
            Macros.problems(offer.fallbackUrl()).forEach(problem -> v.add("fallbackUrl", problem));
        }
        for (String host : offer.deepLinkHosts()) {
            v.check(host.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+"),
                    "allowedDeepLinkHosts", "'" + host + "' is not a host name such as shop.example.com or *.example.com");
        }
        v.check(offer.name().length() <= 200, "name", "must be at most 200 characters");
        v.check(offer.description() == null || offer.description().length() <= 4000, "description",
                "must be at most 4000 characters");
        v.check(offer.startsAt() == null || offer.endsAt() == null || offer.endsAt().isAfter(offer.startsAt()),
                "endsAt", "must be after startsAt");
        v.check(offer.attributionWindowDays() >= 1 && offer.attributionWindowDays() <= MAX_ATTRIBUTION_WINDOW_DAYS,
                "attributionWindowDays", "must be between 1 and " + MAX_ATTRIBUTION_WINDOW_DAYS);
        v.throwIfInvalid();
    }

    private List<PayoutRule> payouts(List<PayoutRequest> requests, Currency currency, List<PayoutRule> existing,
            Validation v) {
        List<PayoutRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long defaults = requests.stream().filter(p -> p != null && Boolean.TRUE.equals(p.isDefault())).count();
        v.check(defaults <= 1, "payouts", "only one payout option can be the default");
        for (int i = 0; i < requests.size(); i++) {
            PayoutRequest p = requests.get(i);
            String field = "payouts[" + i + "]";
            if (p == null) {
                v.add(field, "must not be null");
                continue;
            }
            String name = Validation.isBlank(p.name()) ? (i == 0 ? "Default" : "Tier " + (i + 1)) : p.name().trim();
            v.check(names.add(name.toLowerCase(Locale.ROOT)), field + ".name", "'" + name + "' is used twice");
            v.check(name.length() <= 100, field + ".name", "must be at most 100 characters");
            if (p.type() == null) {
                v.add(field + ".type", "is required: CPC, CPA, CPS or CPA_CPS");
                continue;
            }
            Money amount = amount(p, currency, field, v);
            BigDecimal percent = percent(p, field, v);
            UUID id = existing.stream().filter(old -> old.name().equalsIgnoreCase(name)).map(PayoutRule::id)
                    .findFirst().orElseGet(ids::next);
            boolean isDefault = defaults == 0 ? i == 0 : Boolean.TRUE.equals(p.isDefault());
            rules.add(new PayoutRule(id, name, p.type(), amount, percent, isDefault));
        }
        // Not thrown here: validate() reports these together with the offer's other fields.
        return List.copyOf(rules);
    }

    private static Money amount(PayoutRequest p, Currency currency, String field, Validation v) {
        if (!p.type().needsAmount()) {
            v.check(p.amount() == null, field + ".amount", p.type() + " pays a percent of the sale; leave amount out");
            return null;
        }
        if (Validation.isBlank(p.amount())) {
            v.add(field + ".amount", "is required for " + p.type() + ", e.g. \"5.00\"");
            return null;
        }
        try {
            Money amount = Money.parse(p.amount(), currency);
            v.check(amount.minor() > 0, field + ".amount", "must be greater than zero");
            return amount;
        } catch (IllegalArgumentException | ArithmeticException e) {
            v.add(field + ".amount", e.getMessage());
            return null;
        }
    }

    private static BigDecimal percent(PayoutRequest p, String field, Validation v) {
        if (!p.type().needsPercent()) {
            v.check(p.percent() == null, field + ".percent", p.type() + " pays a flat amount; leave percent out");
            return null;
        }
        if (Validation.isBlank(p.percent())) {
            v.add(field + ".percent", "is required for " + p.type() + ", e.g. \"10\" for 10% of the sale");
            return null;
        }
        try {
            BigDecimal percent = new BigDecimal(p.percent().trim());
            v.check(percent.signum() > 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0, field + ".percent",
                    "must be more than 0 and at most 100");
            v.check(percent.stripTrailingZeros().scale() <= 4, field + ".percent", "allows at most 4 decimals");
            return percent;
        } catch (NumberFormatException e) {
            v.add(field + ".percent", "'" + p.percent() + "' is not a number such as 12.5");
            return null;
        }
    }

    private static Currency currency(String code, Validation v) {
        if (Validation.isBlank(code)) {
            v.add("currency", "is required, an ISO 4217 code such as USD");
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
            v.check(code.trim().length() == 3, "currency", "must be a three-letter ISO 4217 code such as USD");
            return currency;
        } catch (IllegalArgumentException e) {
            v.add("currency", "'" + code + "' is not an ISO 4217 currency code such as USD");
            return null;
        }
    }

    private static List<String> hosts(List<String> hosts) {
        if (hosts == null) {
            return List.of();
        }
        return hosts.stream().filter(h -> h != null && !h.isBlank()).map(h -> h.trim().toLowerCase(Locale.ROOT))
                .distinct().toList();
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
