package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

import io.linkledger.shared.Money;

/** Per member: owed (approved, unpaid), pending, paid to date, last payment; and the brand's balance. */
@Service
public class PaymentsOverview {

    private final Journal journal;
    private final ConversionLedgerRepository conversions;
    private final PaymentRepository payments;
    private final Balances balances;

    PaymentsOverview(Journal journal, ConversionLedgerRepository conversions, PaymentRepository payments,
            Balances balances) {
        this.journal = journal;
        this.conversions = conversions;
        this.payments = payments;
        this.balances = balances;
    }

    public record MemberLine(UUID memberId, Money owed, Money pending, Money paid, Instant lastPaymentAt) {

        public Currency currency() {
            return owed.currency();
        }

        /** The published OpenAPI schema keeps the name this shape always had. */
        @Schema(name = "MemberLine")
        record View(UUID memberId, String owed, String pending, String paid, Instant lastPaymentAt,
                String currency) {
        }

        View view() {
            return new View(memberId, owed.toDecimalString(), pending.toDecimalString(), paid.toDecimalString(),
                    lastPaymentAt, currency().getCurrencyCode());
        }
    }

    /** {@code totalOwed} counts only what members are owed, not what a clawback made them owe back. */
    public record Overview(Currency currency, Balance balance, Money totalOwed, List<MemberLine> members) {

        /** The published OpenAPI schema keeps the name this shape always had. */
        @Schema(name = "Overview")
        record View(String currency, Balance.View balance, String totalOwed, List<MemberLine.View> members) {
        }

        View view() {
            return new View(currency.getCurrencyCode(), balance.view(), totalOwed.toDecimalString(),
                    members.stream().map(MemberLine::view).toList());
        }
    }

    public Overview get(UUID brandId, Currency currency) {
        Map<UUID, Long> owed = journal.owedByMember(brandId, currency);
        Map<UUID, Long> pending = conversions.pendingByMember(brandId, currency);
        Map<UUID, long[]> paid = payments.paidByMember(brandId, currency);
        TreeSet<UUID> memberIds = new TreeSet<>(owed.keySet());
        memberIds.addAll(pending.keySet());
        memberIds.addAll(paid.keySet());
        List<MemberLine> lines = memberIds.stream().map(id -> {
            long[] p = paid.getOrDefault(id, new long[] {0, 0});
            return new MemberLine(id, new Money(owed.getOrDefault(id, 0L), currency),
                    new Money(pending.getOrDefault(id, 0L), currency), new Money(p[0], currency),
                    p[1] == 0 ? null : Instant.ofEpochMilli(p[1]));
        }).toList();
        long totalOwed = owed.values().stream().mapToLong(Long::longValue).filter(v -> v > 0).sum();
        return new Overview(currency, balances.get(brandId, currency), new Money(totalOwed, currency), lines);
    }
}
