package io.linkledger.webhooks;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of event an endpoint can subscribe to, by the name they carry on the wire. */
public enum WebhookEvent {
    CONVERSION_CREATED("conversion.created", "A conversion was recorded"),
    CONVERSION_APPROVED("conversion.approved", "A conversion was approved"),
    CONVERSION_REVERSED("conversion.reversed", "A conversion was reversed"),
    CONVERSION_HELD("conversion.held", "A conversion was held for review"),
    PAYMENT_COMPLETED("payment.completed", "A member was paid"),
    PAYMENT_FAILED("payment.failed", "A payout to a member failed or came back"),
    MEMBER_ASSIGNED("member.assigned", "A member was added to an offer");

    private final String type;
    private final String description;

    WebhookEvent(String type, String description) {
        this.type = type;
        this.description = description;
    }

    @JsonValue
    public String type() {
        return type;
    }

    /** In words, for the console's checkboxes. */
    public String description() {
        return description;
    }

    public static Optional<WebhookEvent> parse(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type == null ? "" : type.trim())).findFirst();
    }
}
