package io.linkledger.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.security.SecretBox;
import io.linkledger.shared.Ids;
import io.linkledger.shared.Page;
import io.linkledger.shared.ProblemException;
import io.linkledger.shared.Tokens;
import io.linkledger.shared.Validation;

/**
 * A brand's webhook endpoints and their delivery logs. The signing secret is made here, shown in
 * the answer to a creation or rotation only, and kept sealed with the server key, since every
 * delivery must be signed with it.
 */
@Service
public class Webhooks {

    static final int MAX_DESCRIPTION = 200;
    /** 32 random bytes: as strong as the HMAC-SHA256 key it becomes. */
    private static final int SECRET_BYTES = 32;
    static final String SECRET_PREFIX = "whsec_";

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EndpointUrls urls;
    private final SecretBox secrets;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;

    Webhooks(EndpointRepository endpoints, DeliveryRepository deliveries, EndpointUrls urls, SecretBox secrets,
            Tokens tokens, Ids ids, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.urls = urls;
        this.secrets = secrets;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    /** An endpoint with its secret in plain text: the answer to a creation or a rotation, never stored so. */
    public record WithSecret(Endpoint endpoint, String secret) {
    }

    @Transactional
    public WithSecret create(UUID brandId, EndpointRequest request) {
        Validation v = new Validation();
        String url = checkedUrl(request.url(), v);
        Set<WebhookEvent> events = events(request.events(), v);
        String description = description(request.description(), v);
        v.throwIfInvalid();
        Instant now = clock.instant();
        Endpoint endpoint = new Endpoint(ids.next(), brandId, url, description, events,
                request.enabled() == null || request.enabled(), now, now, null, null, null, null);
        String secret = newSecret();
        endpoints.insert(endpoint, secrets.seal(secret));
        return new WithSecret(endpoint, secret);
    }

    public List<Endpoint> list(UUID brandId) {
        return endpoints.list(brandId);
    }

    public Endpoint get(UUID brandId, UUID id) {
        return endpoints.find(id).filter(e -> e.brandId().equals(brandId))
                .orElseThrow(() -> ProblemException.notFound("Webhook endpoint", id));
    }

    /** Changes what is given. Enabling an endpoint again clears why it was disabled: it gets 3 more days. */
    @Transactional
    public Endpoint update(UUID brandId, UUID id, EndpointRequest request) {
        Endpoint e = get(brandId, id);
        Validation v = new Validation();
        String url = request.url() == null ? e.url() : checkedUrl(request.url(), v);
        Set<WebhookEvent> events = request.events() == null ? e.events() : events(request.events(), v);
        String description = request.description() == null ? e.description() : description(request.description(), v);
        v.throwIfInvalid();
        boolean enabled = request.enabled() == null ? e.enabled() : request.enabled();
        boolean reenabled = enabled && !e.enabled();
        Instant now = clock.instant();
        Endpoint changed = new Endpoint(e.id(), brandId, url, description, events, enabled, e.createdAt(), now,
                e.secretRotatedAt(), reenabled ? null : e.failingSince(), enabled ? null : e.disabledAt(),
                enabled ? null : e.disabledReason());
        endpoints.update(changed);
        return changed;
    }

    /** Removes the endpoint and its delivery log; what was still queued for it is not sent. */
    @Transactional
    public void delete(UUID brandId, UUID id) {
        endpoints.delete(get(brandId, id).id());
    }

    /** A new secret, at once: deliveries from now on are signed with it only. */
    @Transactional
    public WithSecret rotateSecret(UUID brandId, UUID id) {
        Endpoint e = get(brandId, id);
        String secret = newSecret();
        endpoints.replaceSecret(e.id(), secrets.seal(secret), clock.instant());
        return new WithSecret(get(brandId, id), secret);
    }

    /** The endpoint's deliveries, newest first. */
    public Page<Delivery> deliveries(UUID brandId, UUID endpointId, int limit, int offset) {
        Endpoint e = get(brandId, endpointId);
        return new Page<>(deliveries.list(e.id(), limit, offset), deliveries.count(e.id()), limit, offset);
    }

    public Delivery delivery(UUID brandId, UUID endpointId, UUID deliveryId) {
        Endpoint e = get(brandId, endpointId);
        return deliveries.find(deliveryId).filter(d -> d.endpointId().equals(e.id()))
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
    }

    /**
     * Sends a delivery's event again, as a new delivery with the same event id and payload (so a
     * receiver that keeps event ids sees a repeat), queued now, whatever became of the first.
     */
    @Transactional
    public Delivery replay(UUID brandId, UUID endpointId, UUID deliveryId) {
        Delivery original = delivery(brandId, endpointId, deliveryId);
        Instant now = clock.instant();
        Delivery replay = new Delivery(ids.next(), original.endpointId(), brandId, original.eventId(), original.event(),
                original.payload(), DeliveryStatus.QUEUED, 0, now, now, null, null, null, null, null, original.id());
        deliveries.insertAll(List.of(replay));
        return replay;
    }

    private String newSecret() {
        return SECRET_PREFIX + tokens.urlSafe(SECRET_BYTES);
    }

    private String checkedUrl(String url, Validation v) {
        String trimmed = url == null ? "" : url.strip();
        urls.problem(trimmed).ifPresent(why -> v.add("url", why));
        return trimmed;
    }

    private static Set<WebhookEvent> events(List<String> requested, Validation v) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (requested == null || requested.isEmpty()) {
            v.add("events", "choose at least one of " + known());
            return events;
        }
        for (String type : requested) {
            WebhookEvent.parse(type).ifPresentOrElse(events::add,
                    () -> v.add("events", "'" + type + "' is not an event; known: " + known()));
        }
        return events;
    }

    private static String description(String description, Validation v) {
        String trimmed = description == null ? null : description.strip();
        v.check(trimmed == null || trimmed.length() <= MAX_DESCRIPTION, "description",
                "is longer than " + MAX_DESCRIPTION + " characters");
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    private static String known() {
        return String.join(", ", EnumSet.allOf(WebhookEvent.class).stream().map(WebhookEvent::type).toList());
    }
}
