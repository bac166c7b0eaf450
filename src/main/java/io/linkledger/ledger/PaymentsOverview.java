package io.linkledger.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

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

    public record MemberLine(UUID memberId, String owed, String pending, String paid, Instant lastPaymentAt,
            String currency) {
    }

    public record Overview(String currency, Balance.View balance, String totalOwed, List<MemberLine> members) {
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
            return new MemberLine(id, money(owed.getOrDefault(id, 0L), currency),
                    money(pending.getOrDefault(id, 0L), currency), money(p[0], currency),
                    p[1] == 0 ? null : Instant.ofEpochMilli(p[1]), currency.getCurrencyCode());
        }).toList();
        long totalOwed = owed.values().stream().mapToLong(Long::longValue).filter(v -> v > 0).sum();
        return new Overview(currency.getCurrencyCode(), balances.get(brandId, currency).view(),
                money(totalOwed, currency), lines);
    }

    private static String money(long minor, Currency currency) {
        return new Money(minor, currency).toDecimalString();
    }
}
