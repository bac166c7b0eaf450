package io.linkledger.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

import io.linkledger.members.Member;
import io.linkledger.members.Members;
import io.linkledger.shared.Money;
import io.linkledger.shared.ProblemException;

/**
 * What each member was paid in a calendar year (UTC), flagging who reaches the US 1099-NEC
 * reporting threshold ($2,000 for payments from 2026, $600 before; both configurable).
 */
@Service
class PayoutReport {

    private final PaymentRepository payments;
    private final Members members;
    private final LedgerSettings settings;

    PayoutReport(PaymentRepository payments, Members members, LedgerSettings settings) {
        this.payments = payments;
        this.members = members;
        this.settings = settings;
    }

    public record Line(UUID memberId, String name, String email, Money paid, boolean form1099Required) {

        /** The published OpenAPI schema keeps the name this shape always had. */
        @Schema(name = "Line")
        record View(UUID memberId, String name, String email, String paid, String currency,
                boolean form1099Required) {
        }

        View view() {
            return new View(memberId, name, email, paid.toDecimalString(), paid.currency().getCurrencyCode(),
                    form1099Required);
        }
    }

    public record Report(int year, Currency currency, Money form1099Threshold, List<Line> members) {

        /** The published OpenAPI schema keeps the name this shape always had. */
        @Schema(name = "Report")
        record View(int year, String currency, String form1099Threshold, List<Line.View> members) {
        }

        View view() {
            return new View(year, currency.getCurrencyCode(), form1099Threshold.toDecimalString(),
                    members.stream().map(Line::view).toList());
        }
    }

    /** Calendar years a report can be asked for; outside them the year is a 400, not a date overflow. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9998;

    public Report yearly(UUID brandId, int year, Currency currency) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalid("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        Map<UUID, Long> paid = payments.paidBetween(brandId, currency, LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
        Map<UUID, Member> byId = paid.isEmpty() ? Map.of() : members.getAll(brandId, paid.keySet()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Money threshold = Money.of(settings.form1099Threshold(year), currency);
        // The 1099-NEC is a US dollar form; other currencies are listed but never flagged.
        boolean usd = currency.getCurrencyCode().equals("USD");
        List<Line> lines = new ArrayList<>();
        paid.forEach((memberId, minor) -> {
            Member member = byId.get(memberId);
            lines.add(new Line(memberId, member == null ? null : member.name(), member == null ? null : member.email(),
                    new Money(minor, currency), usd && minor >= threshold.minor()));
        });
        return new Report(year, currency, threshold, lines);
    }
}
