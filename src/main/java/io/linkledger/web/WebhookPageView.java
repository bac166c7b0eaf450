package io.linkledger.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.linkledger.shared.Page;
import io.linkledger.webhooks.Delivery;
import io.linkledger.webhooks.DeliveryStatus;
import io.linkledger.webhooks.Endpoint;
import io.linkledger.webhooks.WebhookEvent;

/** One webhook endpoint: its settings form, and a page of its delivery log, newest first. */
public record WebhookPageView(Endpoint endpoint, Form form, List<Choice> events, Page<Delivery> log, int pageNumber,
        String notice) {

    private static final Map<String, String> NOTICES = Map.of(
            "changed", "The endpoint was saved.",
            "enabled", "The endpoint is enabled: events are sent to it again, and deliveries still queued resume.",
            "disabled", "The endpoint is disabled: no new events are queued for it.",
            "replayed", "The event is queued again, with the same event id; it is sent within seconds.");

    public int pages() {
        return (int) Math.max(1, (log.total() + log.limit() - 1) / log.limit());
    }

    public String pageUrl(int number) {
        return "/settings/webhooks/" + endpoint.id() + "?page=" + number;
    }

    /** The delivery's status in words, with what is next when it failed. */
    public static String details(Delivery d) {
        return switch (d.status()) {
            case DELIVERED -> "Delivered " + Times.dateTime(d.deliveredAt()) + " UTC";
            case FAILED -> "Given up: " + d.lastError();
            case SENDING -> "Being sent now";
            case QUEUED -> d.lastError() == null ? "Waiting for its turn"
                    : "Next attempt " + Times.dateTime(d.nextAttemptAt()) + " UTC; the last one failed: "
                            + d.lastError();
        };
    }

    /** The badge colour of a delivery status. */
    public static String css(DeliveryStatus status) {
        return switch (status) {
            case DELIVERED -> "good";
            case FAILED -> "bad";
            case QUEUED, SENDING -> "waiting";
        };
    }

    static List<Choice> eventChoices(List<String> checked) {
        return Arrays.stream(WebhookEvent.values())
                .map(e -> new Choice(e.type(), e.description(), checked.contains(e.type())))
                .toList();
    }

    static Form formOf(Endpoint e) {
        return new Form(Map.of("url", e.url(), "description", e.description() == null ? "" : e.description()),
                FormErrors.NONE);
    }

    static String notice(String code) {
        return code == null ? null : NOTICES.get(code);
    }
}
