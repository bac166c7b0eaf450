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

    /** One member of the confirmation. */
    public record ConfirmItem(UUID memberId, String name, Money amount) {
    }

    /**
     * What will be paid, and the balance after it or what is missing. The key is made when
     * this is rendered, so submitting it again pays once; {@code error} says why paying was refused.
     */
    public record Confirm(String currency, List<ConfirmItem> items, Money total, Money available,
            String idempotencyKey, String error) {

        /** What is left after paying; null when the balance does not cover it. */
        public Money balanceAfter() {
            return missing() == null ? available.minus(total) : null;
        }

        /** What the balance lacks; null when it covers the payment. */
        public Money missing() {
            Money after = available.minus(total);
            return after.isNegative() ? total.minus(available) : null;
        }
    }

    /** The result of a payment: {@code replayed} when it had been made already. */
    public record Result(Payment payment, Map<UUID, String> names, boolean replayed) {
    }
}
