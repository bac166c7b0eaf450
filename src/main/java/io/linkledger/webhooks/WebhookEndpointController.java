package io.linkledger.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.linkledger.brands.BrandPrincipal;
import io.linkledger.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Outbound webhooks: the brand's endpoints, their secrets and delivery logs (docs/webhooks.md). */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookEndpointController {

    private final Webhooks webhooks;

    WebhookEndpointController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** An endpoint as shown back: never its secret. */
    @Schema(name = "WebhookEndpoint")
    record EndpointView(UUID id, String url, String description, List<WebhookEvent> events, boolean enabled,
            Instant createdAt, Instant updatedAt, Instant secretRotatedAt, Instant failingSince, Instant disabledAt,
            String disabledReason) {

        static EndpointView of(Endpoint e) {
            return new EndpointView(e.id(), e.url(), e.description(), e.events().stream().sorted().toList(),
                    e.enabled(), e.createdAt(), e.updatedAt(), e.secretRotatedAt(), e.failingSince(), e.disabledAt(),
                    e.disabledReason());
        }
    }

    /** The answer to a creation or rotation: the only place the signing secret appears. */
    @Schema(name = "WebhookEndpointWithSecret")
    record WithSecretView(UUID id, String url, String description, List<WebhookEvent> events, boolean enabled,
            Instant createdAt, Instant secretRotatedAt, String secret) {

        static WithSecretView of(Webhooks.WithSecret created) {
            Endpoint e = created.endpoint();
            return new WithSecretView(e.id(), e.url(), e.description(), e.events().stream().sorted().toList(),
                    e.enabled(), e.createdAt(), e.secretRotatedAt(), created.secret());
        }
    }

    /** One line of the delivery log; {@code responseCode} is null when no answer came. */
    @Schema(name = "WebhookDelivery")
    record DeliveryView(UUID id, UUID eventId, WebhookEvent event, DeliveryStatus status, int attempts,
            Integer responseCode, Long latencyMs, String error, Instant createdAt, Instant lastAttemptAt,
            Instant nextAttemptAt, Instant deliveredAt, UUID replayOf) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.event(), d.status(), d.attempts(), d.lastStatusCode(),
                    d.lastLatencyMs(), d.lastError(), d.createdAt(), d.lastAttemptAt(), d.nextAttemptAt(),
                    d.deliveredAt(), d.replayOf());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a webhook endpoint")
    WithSecretView create(@AuthenticationPrincipal BrandPrincipal caller, @RequestBody EndpointRequest request) {
        return WithSecretView.of(webhooks.create(caller.brandId(), request));
    }

    @GetMapping
    @Operation(summary = "List webhook endpoints")
    Map<String, List<EndpointView>> list(@AuthenticationPrincipal BrandPrincipal caller) {
        return Map.of("items", webhooks.list(caller.brandId()).stream().map(EndpointView::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook endpoint")
    EndpointView get(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return EndpointView.of(webhooks.get(caller.brandId(), id));
    }

    /** Any of url, events, enabled, description; what is left out stays. Enabling again restarts the 3 days. */
    @PatchMapping("/{id}")
    @Operation(summary = "Change a webhook endpoint")
    EndpointView update(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestBody EndpointRequest request) {
        return EndpointView.of(webhooks.update(caller.brandId(), id, request));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint and its delivery log")
    void delete(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        webhooks.delete(caller.brandId(), id);
    }

    /** A new signing secret, in force at once; the old one signs nothing more. */
    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "Rotate a webhook endpoint's signing secret")
    WithSecretView rotateSecret(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id) {
        return WithSecretView.of(webhooks.rotateSecret(caller.brandId(), id));
    }

    /** The delivery log, newest first: {@code {items, total, limit, offset}}. */
    @GetMapping("/{id}/deliveries")
    @Operation(summary = "List a webhook endpoint's deliveries")
    Page<DeliveryView> deliveries(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset) {
        return webhooks.deliveries(caller.brandId(), id, Page.limit(limit), Page.offset(offset))
                .map(DeliveryView::of);
    }

    /** Queues the delivery's event again, with the same event id and payload, as a new delivery. */
    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Replay a webhook delivery")
    DeliveryView replay(@AuthenticationPrincipal BrandPrincipal caller, @PathVariable UUID id,
            @PathVariable UUID deliveryId) {
        return DeliveryView.of(webhooks.replay(caller.brandId(), id, deliveryId));
    }
}
