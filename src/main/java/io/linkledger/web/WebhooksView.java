package io.linkledger.web;

import java.util.List;
import java.util.stream.Collectors;

import io.linkledger.webhooks.Endpoint;
import io.linkledger.webhooks.WebhookEvent;

/** Settings → Webhooks: the endpoints, and the form that adds one (as sent, when it was refused). */
public record WebhooksView(List<Endpoint> endpoints, Form add, List<Choice> events) {

    /** The events an endpoint takes, by their wire names: "conversion.created, payment.completed". */
    public static String events(Endpoint endpoint) {
        return endpoint.events().stream().sorted().map(WebhookEvent::type).collect(Collectors.joining(", "));
    }
}
