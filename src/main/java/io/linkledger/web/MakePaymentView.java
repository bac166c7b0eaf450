package io.linkledger.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.linkledger.ledger.Payment;
import io.linkledger.shared.Money;

/** Make a Payment's two pages after the overview: the confirmation, and the payment made. */
public final class MakePaymentView {

    private MakePaymentView() {
    }

    /** One member of the confirmation; {@code payPalEmail} is null when the member has none. */
    public record ConfirmItem(UUID memberId, String name, Money amount, String payPalEmail) {
    }

    /**
     * How the members get the money. {@code unavailable} says why it cannot be chosen (null: it can).
     */
    public record Method(String provider, String label, String description, String unavailable) {
    }

    /**
     * What will be paid, how, and the balance after it or what is missing. The key is made when
     * this is rendered, so submitting it again pays once; {@code error} says why paying was refused.
     */
    public record Confirm(String currency, List<ConfirmItem> items, Money total, Money available,
            String idempotencyKey, String error, List<Method> methods, String provider, boolean cardLinked) {

        /** What is left after paying; null when the balance does not cover it. */
        public Money balanceAfter() {
            return missing() == null ? available.minus(total) : null;
        }

        /** What the balance lacks; null when it covers the payment. */
        public Money missing() {
            Money after = available.minus(total);
            return after.isNegative() ? total.minus(available) : null;
        }

        /** Members PayPal cannot pay, for lack of a PayPal email. */
        public List<ConfirmItem> withoutPayPal() {
            return items.stream().filter(i -> i.payPalEmail() == null).toList();
        }
    }

    /**
     * The result of a payment: {@code replayed} when it had been made already; {@code notice} what
     * the last action did; {@code error} why it was refused.
     */
    public record Result(Payment payment, Map<UUID, String> names, boolean replayed, String notice, String error) {

        public boolean awaitingTransfer() {
            return payment.status().name().equals("AWAITING_TRANSFER");
        }

        public boolean unknown() {
            return payment.status().name().equals("UNKNOWN");
        }

        public boolean followed() {
            return payment.provider().name().equals("PAYPAL") && payment.status().name().matches(
                    "PROCESSING|UNKNOWN");
        }
    }
}
