package io.linkledger.conversions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.linkledger.conversions.Integration.CreditPriority;
import io.linkledger.conversions.Integration.Credentials;
import io.linkledger.conversions.Integration.Crediting;
import io.linkledger.conversions.Integration.Reading;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Ids;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.PublicUrls;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/** A brand's integrations: creation, settings, and lookup by the key in the inbound URL. */
@Service
public class Integrations {

    /** 24 random bytes: 192 bits in the URL. */
    private static final int KEY_BYTES = 24;

    private final IntegrationRepository repository;
    private final Offers offers;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final PublicUrls urls;
    private final Cache<String, Integration> byKeyHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    Integrations(IntegrationRepository repository, Offers offers, Tokens tokens, Ids ids, Clock clock, PublicUrls urls) {
        this.repository = repository;
        this.offers = offers;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.urls = urls;
    }

    record IntegrationRequest(IntegrationType type, String name, String secret, String hashAlgorithm,
            String basicAuthUser, String basicAuthPassword, Map<String, String> parameterMap, String timeZone,
            List<String> ipAllowList, UUID offerId, String orderTopic, CreditPriority creditPriority) {
    }

    /** A new integration and its key, which is shown only now. */
    record Created(Integration integration, String key) {
    }

    @Transactional
    Created create(UUID brandId, IntegrationRequest request) {
        Validation v = new Validation();
        v.check(request.type() != null, "type", "is required: POSTBACK, SHAREASALE, SHOPIFY or PIXEL");
        v.check(!Validation.isBlank(request.name()), "name", "is required");
        v.throwIfInvalid();
        String key = tokens.urlSafe(KEY_BYTES);
        Integration integration = validated(brandId, new Integration(ids.next(), brandId, request.type(),
                request.name().trim(), new Credentials(Tokens.sha256(key), null, null, null, null, List.of()),
                new Reading(Map.of(), ZoneId.of("UTC"), "orders/create"), new Crediting(null, CreditPriority.LINK),
                clock.instant()), request, v);
        repository.insert(integration);
        return new Created(integration, key);
    }

    @Transactional
    Integration update(UUID brandId, UUID id, IntegrationRequest request) {
        Integration old = get(brandId, id);
        Validation v = new Validation();
        v.check(request.type() == null || request.type() == old.type(), "type", "cannot be changed; create a new integration");
        v.check(request.name() == null || !request.name().isBlank(), "name", "must not be blank");
        Integration updated = validated(brandId, old, request, v);
        repository.update(updated);
        byKeyHash.invalidate(updated.credentials().keyHash());
        return updated;
    }

    private Integration validated(UUID brandId, Integration old, IntegrationRequest r, Validation v) {
        Credentials credentials = credentials(old, r, v);
        Reading reading = reading(old, r, v);
        UUID offerId = r.offerId() != null ? r.offerId() : old.crediting().offerId();
        if (r.offerId() != null && offers.find(r.offerId()).filter(o -> o.brandId().equals(brandId)).isEmpty()) {
            v.add("offerId", "offer " + r.offerId() + " does not exist");
        }
        v.throwIfInvalid();
        return new Integration(old.id(), brandId, old.type(), r.name() != null ? r.name().trim() : old.name(),
                credentials, reading, new Crediting(offerId,
                        r.creditPriority() != null ? r.creditPriority() : old.crediting().priority()),
                old.createdAt());
    }

    private static Credentials credentials(Integration old, IntegrationRequest r, Validation v) {
        Credentials was = old.credentials();
        String secret = r.secret() != null ? r.secret() : was.secret();
        v.check(secret == null || secret.length() >= 8 && secret.length() <= 500, "secret", "must be 8 to 500 characters");
        String algorithm = r.hashAlgorithm() == null ? was.hashAlgorithm()
                : r.hashAlgorithm().isBlank() ? null : r.hashAlgorithm().trim().toUpperCase(Locale.ROOT).replace("-", "");
        v.check(algorithm == null || algorithm.equals("MD5") || algorithm.equals("SHA256"), "hashAlgorithm",
                "must be MD5 or SHA256");
        v.check(algorithm == null || secret != null, "hashAlgorithm", "needs a secret to hash with");
        v.check(old.type() != IntegrationType.SHOPIFY || secret != null, "secret",
                "is required for Shopify: the app's client secret that signs webhooks");
        List<String> ips = r.ipAllowList() == null ? was.ipAllowList()
                : r.ipAllowList().stream().filter(ip -> ip != null && !ip.isBlank()).map(String::trim).toList();
        ips.forEach(ip -> v.check(IpAllowList.valid(ip), "ipAllowList", "'" + ip + "' is not an IP address or CIDR range"));
        String user = r.basicAuthUser() != null ? PostbackParser.blankToNull(r.basicAuthUser()) : was.basicUser();
        String passwordHash = r.basicAuthPassword() != null ? Tokens.sha256(r.basicAuthPassword()) : was.basicPasswordHash();
        v.check(user == null || passwordHash != null, "basicAuthPassword", "is required with basicAuthUser");
        return new Credentials(was.keyHash(), secret, algorithm, user, user == null ? null : passwordHash,
                List.copyOf(ips));
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
        v.check(topic.equals("orders/create") || topic.equals("orders/paid"), "orderTopic",
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
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Integration> found = repository.findByKeyHash(hash);
        found.ifPresent(i -> byKeyHash.put(hash, i));
        return found;
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
