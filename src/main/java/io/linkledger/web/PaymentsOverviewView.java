package io.linkledger.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.linkledger.ledger.Balance;
import io.linkledger.ledger.CardCharge;
import io.linkledger.ledger.Payment;
import io.linkledger.ledger.PaymentMethod;
import io.linkledger.ledger.Remittance;
import io.linkledger.ledger.Remittances;
import io.linkledger.shared.Money;
import io.linkledger.shared.Page;

/**
 * Payments Overview in one currency: the balance with its funding and card top-up forms, the
 * linked card, what each member is owed with the Make a Payment form, the payments history and
 * the network remittances.
 */
public record PaymentsOverviewView(String currency, Balance balance, Money totalOwed, List<MemberRow> members,
        Page<PaymentRow> payments, List<Remittances.Period> periods, List<Remittance> remittances, Form funding,
        Form pay, Form remittance, String notice, Cards cards, Form topUp) {

    /** One member line, with the amount the pay form proposes (everything owed) or what was typed. */
    public record MemberRow(UUID memberId, String name, String email, Money owed, Money pending, Money paid,
            Instant lastPaymentAt, boolean selected, String amount, String error) {

        public boolean payable() {
            return owed.minor() > 0;
        }
    }

    /** A payment of the history with the names of the members it paid. */
    public record PaymentRow(Payment payment, String members) {
    }

    /** Card payments on this server, the brand's linked card (null: none) and its recent card charges. */
    public record Cards(boolean configured, PaymentMethod linked, List<CardCharge> charges) {
    }

    /** The pending figure people read: remittances settling plus card top-ups processing. */
    public Money pendingTotal() {
        return balance.pending().plus(balance.pendingTopUps());
    }
}
