package io.linkledger.webhooks;

/** Where a delivery stands: waiting for its next attempt, being sent, answered with a 2xx, or given up. */
public enum DeliveryStatus {
    QUEUED("Waiting to be sent"),
    SENDING("Sending"),
    DELIVERED("Delivered"),
    FAILED("Failed, given up");

    private final String words;

    DeliveryStatus(String words) {
        this.words = words;
    }

    /** In words, for the console's delivery log. */
    public String words() {
        return words;
    }
}
