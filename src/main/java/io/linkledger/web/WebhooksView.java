package io.linkledger.web;

import java.util.List;

import io.linkledger.webhooks.Endpoint;

/** Settings → Webhooks: the endpoints, and the form that adds one (as sent, when it was refused). */
public record WebhooksView(List<Endpoint> endpoints, Form add, List<Choice> events) {
}
