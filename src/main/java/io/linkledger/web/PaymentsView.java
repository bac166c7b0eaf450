package io.linkledger.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.linkledger.ledger.Balance;
import io.linkledger.ledger.Payment;
import io.linkledger.ledger.Remittance;
import io.linkledger.ledger.Remittances;
import io.linkledger.shared.Page;

/** What the Payments Overview pages show; records so the templates stay free of lookups. */
public final class PaymentsView {

    private PaymentsView() {
    }

    /** One member line of the overview, with the amount the pay form proposes (or what was typed). */
    public record MemberRow(UUID memberId, String name, String email, String owed, String pending, String paid,
            Instant lastPaymentAt, boolean payable, boolean selected, String amount, String error) {
    }

    /** A payment of the history with the names of the members it paid. */
    public record PaymentRow(Payment payment, String members) {
    }

    /** What a form sent back and the errors it got, by field name. */
    public record Form(Map<String, String> values, Map<String, String> errors, String message) {

        public static Form empty() {
            return new Form(Map.of(), Map.of(), null);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean failed(String field) {
            return errors.containsKey(field);
        }
    }

    /** The overview page. */
    public record Overview(String currency, Balance balance, String totalOwed, List<MemberRow> members,
            Page<PaymentRow> payments, List<Remittances.Period> periods, List<Remittance> remittances,
            Form funding, Form pay, Form remittance, String notice) {
    }

    /** One line of the confirmation step. */
    public record ConfirmItem(UUID memberId, String name, String amount) {
    }

    /** The confirmation step: the key is made when this is rendered, so resubmitting it pays once. */
    public record Confirm(String currency, List<ConfirmItem> items, String total, String available,
            String balanceAfter, String missing, String idempotencyKey, String error) {
    }

    /** The result of a payment. */
    public record Result(Payment payment, Map<UUID, String> names, boolean replayed) {
    }
}
