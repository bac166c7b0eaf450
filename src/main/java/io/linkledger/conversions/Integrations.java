package io.linkledger.conversions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.audit.AuditTrail;
import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.conversions.Integration.Signature;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Invalidations;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.PublicUrls;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/** A brand's integrations: creation, settings, and lookup by the key in the inbound URL. */
@Service
public class Integrations {

    /** 24 random bytes: 192 bits in the URL. */
    private static final int KEY_BYTES = 24;
    /** Names and the Basic user: what their columns hold. */
    private static final int MAX_NAME = 200;
    /** Addresses and ranges of an allow-list: each at most 43 characters, in a column of 4000. */
    private static final int MAX_ALLOWED_IPS = 80;
    /** How long a rotated-out key keeps working unless the rotation says otherwise. */
    static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    /** The longest grace period a rotation may give the old key. */
    static final Duration MAX_GRACE = Duration.ofDays(7);
    /** Offers one integration may be said to feed: more than a brand's console can show in one list. */
    private static final int MAX_OFFERS = 500;
    /** The {@link Invalidations} cache name of integrations, keyed by id (never by anything of the key). */
    private static final String INVALIDATIONS = "integration";

    private final IntegrationRepository repository;
    private final Offers offers;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final PublicUrls urls;
    private final Invalidations invalidations;
    private final AuditTrail audit;
    private final Cache<String, Integration> byKeyHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    Integrations(IntegrationRepository repository, Offers offers, Tokens tokens, Ids ids, Clock clock, PublicUrls urls,
            Invalidations invalidations, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.offers = offers;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.urls = urls;
        this.invalidations = invalidations;
        invalidations.subscribe(INVALIDATIONS, this::dropCached, byKeyHash::invalidateAll);
    }

    record IntegrationRequest(IntegrationType type, String name, String secret, String signature,
            String hashAlgorithm, String basicAuthUser, String basicAuthPassword, Map<String, String> parameterMap,
            String timeZone, List<String> ipAllowList, UUID offerId, String orderTopic,
            CreditPriority creditPriority, Boolean enabled, List<UUID> offerIds) {
    }

    /** A new integration and its key, which is shown only now. */
    record Created(Integration integration, String key) {
    }

    /** A rotated integration, its new key (shown only now), and until when the old key still works (null: no more). */
    record Rotated(Integration integration, String key, Instant previousKeyValidUntil) {
    }

    @Transactional
    Created create(UUID brandId, IntegrationRequest request) {
        Validation v = new Validation();
        v.check(request.type() != null, "type", "is required: POSTBACK, SHAREASALE, SHOPIFY or PIXEL");
        v.check(!Validation.isBlank(request.name()), "name", "is required");
        v.check(request.name() == null || request.name().strip().length() <= MAX_NAME, "name",
                "is longer than " + MAX_NAME + " characters");
        v.throwIfInvalid();
        String key = tokens.urlSafe(KEY_BYTES);
        Integration integration = validated(brandId, new Integration(ids.next(), brandId, request.type(),
                request.name().trim(), new Credentials(Tokens.sha256(key), null, null, null, null, null, List.of()),
                new Reading(Map.of(), ZoneId.of("UTC"), ShopifyWebhooks.ORDERS_CREATE),
                new Crediting(null, CreditPriority.LINK), clock.instant(), Integration.Access.NEW), request, v);
        List<UUID> fed = request.offerIds() != null ? fedOffers(brandId, request.offerIds())
                : integration.crediting().offerId() != null ? List.of(integration.crediting().offerId()) : List.of();
        repository.insert(integration);
        repository.replaceOffers(integration.id(), fed);
        audit.record(AuditedIntegration.entry("integration.created", null, integration));
        return new Created(integration, key);
    }

    @Transactional
    Integration update(UUID brandId, UUID id, IntegrationRequest request) {
        Integration old = get(brandId, id);
        Validation v = new Validation();
        v.check(request.type() == null || request.type() == old.type(), "type", "cannot be changed; create a new integration");
        v.check(request.name() == null || !request.name().isBlank(), "name", "must not be blank");
        v.check(request.name() == null || request.name().strip().length() <= MAX_NAME, "name",
                "is longer than " + MAX_NAME + " characters");
        Integration updated = validated(brandId, old, request, v);
        List<UUID> fed = request.offerIds() == null ? null : fedOffers(brandId, request.offerIds());
        repository.update(updated);
        if (fed != null) {
            repository.replaceOffers(id, fed);
        }
        forget(updated);
        audit.record(AuditedIntegration.entry("integration.updated", old, updated));
        return updated;
    }

    /**
     * Issues a new key. The key it replaces keeps working for {@code grace} (none: refused at
     * once), so the sender can be switched over without losing a delivery; a key replaced earlier
     * and still in its grace period stops working now.
     */
    @Transactional
    Rotated rotate(UUID brandId, UUID id, Duration grace) {
        Integration old = get(brandId, id);
        Duration g = grace == null ? DEFAULT_GRACE : grace;
        if (g.isNegative() || g.compareTo(MAX_GRACE) > 0) {
            throw ProblemException.invalid("graceHours", "must be 0 to " + MAX_GRACE.toHours() + " hours");
        }
        String key = tokens.urlSafe(KEY_BYTES);
        // As the database keeps it, so the answer and a later read say the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant until = g.isZero() ? null : now.plus(g);
        String current = old.credentials().keyHash();
        if (!repository.rotateKey(id, current, Tokens.sha256(key), until == null ? null : current, until, now)) {
            throw ProblemException.conflict("Integration " + id + " was rotated at the same time; rotate again if "
                    + "you still need a new key");
        }
        forget(old);
        Integration rotated = get(brandId, id);
        audit.record(AuditedIntegration.entry("integration.key_rotated", old, rotated));
        return new Rotated(rotated, key, until);
    }

    /** The offers it feeds, each checked to be the brand's; the same offer named twice counts once. */
    private List<UUID> fedOffers(UUID brandId, List<UUID> offerIds) {
        Validation v = new Validation();
        v.check(offerIds.size() <= MAX_OFFERS, "offerIds", "holds at most " + MAX_OFFERS + " offers");
        v.throwIfInvalid();
        List<UUID> distinct = offerIds.stream().distinct().toList();
        distinct.forEach(offerId -> v.check(offerId != null
                && offers.find(offerId).filter(o -> o.brandId().equals(brandId)).isPresent(), "offerIds",
                "offer " + offerId + " does not exist"));
        v.throwIfInvalid();
        return distinct;
    }

    /** The offers each of the brand's integrations feeds, by integration id. */
    Map<UUID, Set<UUID>> offersFed(UUID brandId) {
        return repository.offersFed(brandId);
    }

    /** Every node drops what it cached of the integration once the change is committed. */
    private void forget(Integration integration) {
        invalidations.publish(INVALIDATIONS, integration.id().toString());
    }

    private void dropCached(String integrationId) {
        UUID id = UUID.fromString(integrationId);
        byKeyHash.asMap().values().removeIf(cached -> cached.id().equals(id));
    }

    private Integration validated(UUID brandId, Integration old, IntegrationRequest r, Validation v) {
        Credentials credentials = credentials(old, r, v);
        Reading reading = reading(old, r, v);
        UUID offerId = r.offerId() != null ? r.offerId() : old.crediting().offerId();
        if (r.offerId() != null && offers.find(r.offerId()).filter(o -> o.brandId().equals(brandId)).isEmpty()) {
            v.add("offerId", "offer " + r.offerId() + " does not exist");
        }
        v.throwIfInvalid();
        Integration.Access access = old.access();
        if (r.enabled() != null) {
            access = new Integration.Access(r.enabled(), access.previousKeyHash(), access.previousKeyUntil(),
                    access.keyRotatedAt());
        }
        return new Integration(old.id(), brandId, old.type(), r.name() != null ? r.name().trim() : old.name(),
                credentials, reading, new Crediting(offerId,
                        r.creditPriority() != null ? r.creditPriority() : old.crediting().priority()),
                old.createdAt(), access);
    }

    private static Credentials credentials(Integration old, IntegrationRequest r, Validation v) {
        Credentials was = old.credentials();
        String secret = r.secret() != null ? r.secret() : was.secret();
        v.check(secret == null || secret.length() >= 8 && secret.length() <= 500, "secret", "must be 8 to 500 characters");
        v.check(old.type() != IntegrationType.SHOPIFY || secret != null, "secret",
                "is required for Shopify: the app's client secret that signs webhooks");
        Signature signature = signature(old, r, secret, v);
        String algorithm = null;
        if (signature == Signature.LEGACY_HASH || signature == Signature.SHAREASALE_HASH) {
            algorithm = r.hashAlgorithm() == null || r.hashAlgorithm().isBlank() ? was.hashAlgorithm()
                    : r.hashAlgorithm().trim().toUpperCase(Locale.ROOT).replace("-", "");
            v.check("MD5".equals(algorithm) || "SHA256".equals(algorithm), "hashAlgorithm", "must be MD5 or SHA256");
        }
        v.check(signature == Signature.NONE || secret != null, "signature", "needs a secret to sign with");
        List<String> ips = r.ipAllowList() == null ? was.ipAllowList()
                : r.ipAllowList().stream().filter(ip -> ip != null && !ip.isBlank()).map(String::trim).toList();
        v.check(ips.size() <= MAX_ALLOWED_IPS, "ipAllowList", "holds at most " + MAX_ALLOWED_IPS + " addresses or ranges");
        ips.stream().limit(MAX_ALLOWED_IPS).forEach(ip -> v.check(IpAllowList.valid(ip), "ipAllowList",
                InboundFields.echo(ip) + " is not an IP address or CIDR range"));
        String user = r.basicAuthUser() != null ? PostbackParser.blankToNull(r.basicAuthUser()) : was.basicUser();
        String passwordHash = r.basicAuthPassword() != null ? Tokens.sha256(r.basicAuthPassword()) : was.basicPasswordHash();
        v.check(user == null || passwordHash != null, "basicAuthPassword", "is required with basicAuthUser");
        v.check(user == null || user.length() <= MAX_NAME, "basicAuthUser", "is longer than " + MAX_NAME + " characters");
        return new Credentials(was.keyHash(), secret, signature, algorithm, user, user == null ? null : passwordHash,
                List.copyOf(ips));
    }

    /**
     * The signature a request asks for, checked against what the integration's type offers. A new
     * generic integration with a secret is signed with HMAC_SHA256 unless it says otherwise; the
     * legacy hash is kept only by generic integrations that already use it.
     */
    private static Signature signature(Integration old, IntegrationRequest r, String secret, Validation v) {
        Signature was = old.credentials().signature();
        boolean creating = was == null;
        Signature asked = null;
        if (r.signature() != null && !r.signature().isBlank()) {
            try {
                asked = Signature.valueOf(r.signature().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("signature", "must be one of " + List.of(Signature.values()));
                return creating ? Signature.NONE : was;
            }
        }
        boolean hashAsked = r.hashAlgorithm() != null && !r.hashAlgorithm().isBlank();
        boolean hashCleared = r.hashAlgorithm() != null && r.hashAlgorithm().isBlank();
        return switch (old.type()) {
            case SHAREASALE -> {
                Signature s = asked != null ? asked : hashAsked ? Signature.SHAREASALE_HASH
                        : hashCleared || creating ? Signature.NONE : was;
                v.check(s == Signature.NONE || s == Signature.SHAREASALE_HASH, "signature",
                        "a ShareASale integration takes NONE or SHAREASALE_HASH (with hashAlgorithm)");
                yield s;
            }
            case POSTBACK -> {
                Signature s = asked != null ? asked
                        : hashAsked ? Signature.LEGACY_HASH
                        : hashCleared && was == Signature.LEGACY_HASH ? Signature.NONE
                        : creating ? secret != null ? Signature.HMAC_SHA256 : Signature.NONE : was;
                v.check(s != Signature.SHAREASALE_HASH, "signature", "SHAREASALE_HASH is for ShareASale integrations");
                v.check(s != Signature.LEGACY_HASH || was == Signature.LEGACY_HASH, "signature",
                        "the legacy hash (secret + transaction_id + order_id + amount) is kept only for integrations"
                                + " that already use it; sign with HMAC_SHA256 instead");
                v.check(!hashAsked || s == Signature.LEGACY_HASH, "hashAlgorithm",
                        "applies to the legacy hash only; generic postbacks are signed with signature HMAC_SHA256");
                yield s;
            }
            case SHOPIFY, PIXEL -> {
                v.check(asked == null || asked == Signature.NONE, "signature",
                        "applies to POSTBACK and SHAREASALE integrations");
                v.check(!hashAsked, "hashAlgorithm", "applies to POSTBACK and SHAREASALE integrations");
                yield Signature.NONE;
            }
        };
    }

    private static Reading reading(Integration old, IntegrationRequest r, Validation v) {
        Reading was = old.reading();
        Map<String, String> map = r.parameterMap() == null ? was.parameterMap() : new LinkedHashMap<>(r.parameterMap());
        map.forEach((field, param) -> {
            v.check(PostbackParser.FIELDS.contains(field), "parameterMap." + field,
                    "is not a field; fields are " + PostbackParser.FIELDS);
            v.check(param != null && param.matches("[A-Za-z0-9_.\\-\\[\\]]{1,100}"), "parameterMap." + field,
                    "must be a parameter name");
        });
        v.check(map.isEmpty() || old.type() == IntegrationType.POSTBACK || old.type() == IntegrationType.PIXEL,
                "parameterMap", "applies to POSTBACK and PIXEL integrations; presets use their own names");
        ZoneId zone = was.timeZone();
        if (r.timeZone() != null) {
            try {
                zone = ZoneId.of(r.timeZone().trim());
            } catch (DateTimeException e) {
                v.add("timeZone", "'" + r.timeZone() + "' is not a time zone such as America/New_York or UTC");
            }
        }
        String topic = r.orderTopic() != null ? r.orderTopic().trim() : was.orderTopic();
        v.check(topic.equals(ShopifyWebhooks.ORDERS_CREATE) || topic.equals(ShopifyWebhooks.ORDERS_PAID), "orderTopic",
                "must be orders/create or orders/paid");
        return new Reading(Map.copyOf(map), zone, topic);
    }

    Integration get(UUID brandId, UUID id) {
        return repository.find(id).filter(i -> i.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Integration", id));
    }

    public List<Integration> list(UUID brandId) {
        return repository.list(brandId);
    }

    Optional<Integration> byKey(String key) {
        if (key == null || key.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(key);
        Integration cached = byKeyHash.getIfPresent(hash);
        Optional<Integration> found = cached != null ? Optional.of(cached) : repository.findByKeyHash(hash);
        if (cached == null) {
            found.ifPresent(i -> byKeyHash.put(hash, i));
        }
        // A replaced key answers as an unknown one once its grace period is over.
        return found.filter(i -> i.credentials().keyHash().equals(hash)
                || i.access().previousKeyValidAt(clock.instant()));
    }

    String inboundPath(IntegrationType type, String key) {
        return switch (type) {
            case POSTBACK, SHAREASALE -> "/postback/" + key;
            case SHOPIFY -> "/webhooks/shopify/" + key;
            case PIXEL -> "/px/" + key + ".gif";
        };
    }

    String inboundUrl(IntegrationType type, String key) {
        return urls.absolute(inboundPath(type, key));
    }
}
