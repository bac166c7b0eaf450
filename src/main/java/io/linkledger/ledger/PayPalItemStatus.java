package io.linkledger.ledger;

import java.util.Locale;

/**
 * What PayPal's {@code transaction_status} of a payout item means for our money. PayPal
 * publishes no "final" flag; our reading of its statuses (docs/money.md):
 * <ul>
 * <li>SUCCESS: paid, but not final: it can still turn REFUNDED, REVERSED or RETURNED.</li>
 * <li>FAILED: final, nothing was paid.</li>
 * <li>RETURNED, REFUNDED, REVERSED: final, the money is back with the brand (an UNCLAIMED item
 * turns RETURNED after 30 days; a cancelled one is RETURNED).</li>
 * <li>PENDING, UNCLAIMED, ONHOLD, BLOCKED, and anything unknown: still in flight, money held.</li>
 * </ul>
 */
enum PayPalItemStatus {
    PAID, FAILED, RETURNED, IN_FLIGHT;

    static PayPalItemStatus of(String transactionStatus) {
        return switch (transactionStatus == null ? "" : transactionStatus.toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> PAID;
            case "FAILED" -> FAILED;
            case "RETURNED", "REFUNDED", "REVERSED" -> RETURNED;
            default -> IN_FLIGHT;
        };
    }

    /**
     * The item status a {@code PAYMENT.PAYOUTS-ITEM.*} event stands for, when its resource
     * carries none: a cancelled item is RETURNED (PayPal's cancel answer), a held one ONHOLD.
     */
    static String ofEvent(String eventType) {
        String suffix = eventType.substring(eventType.lastIndexOf('.') + 1);
        return switch (suffix) {
            case "SUCCEEDED" -> "SUCCESS";
            case "CANCELED" -> "RETURNED";
            case "HELD" -> "ONHOLD";
            case "DENIED" -> "FAILED";
            default -> suffix;
        };
    }

    /** A batch PayPal DENIED or CANCELED paid none of its items that were still in flight. */
    static boolean batchRefused(String batchStatus) {
        return "DENIED".equals(batchStatus) || "CANCELED".equals(batchStatus);
    }
}
