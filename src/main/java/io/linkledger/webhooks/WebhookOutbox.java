package io.linkledger.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues an event for every enabled endpoint of the brand subscribed to it, inside the
 * transaction of the change that caused it: if that rolls back, nothing is sent; if it commits,
 * the worker will deliver. The payload is written once, and every attempt sends exactly it.
 */
@Component
class WebhookOutbox {

    private final EndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;

    WebhookOutbox(EndpointRepository endpoints, DeliveryRepository deliveries, JsonMapper json, Ids ids,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /** The brand's enabled endpoints: read once for all the events of one change. */
    List<Endpoint> endpointsOf(UUID brandId) {
        return endpoints.enabled(brandId);
    }

    /**
     * Queues the event for those of {@code endpoints} that receive it; {@code data} is only made if one does.
     * {@code at} is when it happened (the payload's {@code created}); it is sent from now on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(List<Endpoint> endpoints, WebhookEvent type, Instant at, Supplier<Object> data) {
        List<Endpoint> receivers = endpoints.stream().filter(e -> e.receives(type)).toList();
        if (receivers.isEmpty()) {
            return;
        }
        UUID eventId = ids.next();
        String payload = json.writeValueAsString(new WebhookPayload(eventId, type, at, data.get()));
        Instant now = clock.instant();
        deliveries.insertAll(receivers.stream()
                .map(e -> new Delivery(ids.next(), e.id(), e.brandId(), eventId, type, payload, DeliveryStatus.QUEUED,
                        0, now, now, null, null, null, null, null, null))
                .toList());
    }
}
