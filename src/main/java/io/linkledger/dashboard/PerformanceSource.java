package io.linkledger.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.linkledger.conversions.ConversionStatus;
import io.linkledger.shared.Money;

/**
 * What the member dashboard needs to know about clicks, conversions and payments, which other
 * features own. The dashboard only reads through this port, so it depends on no table of
 * theirs; {@code FeaturePerformance} implements it over their public APIs.
 *
 * <p>All amounts are in {@link MemberOffer#currency()}, the offer's currency. Days are calendar
 * days in {@link MemberOffer#zone()}, the brand's time zone. Implementations must never return shopper personal data.
 */
interface PerformanceSource {

    /**
     * One figure per day in {@code from..to} (both inclusive) on which anything happened,
     * oldest first; days without activity may be left out (the dashboard shows them as zero).
     * Conversions, sales and commission count by conversion date and exclude reversed
     * conversions; clicks exclude bot clicks.
     */
    List<DailyFigures> daily(MemberOffer subject, LocalDate from, LocalDate to);

    /** The newest conversions, newest first, at most {@code limit}, reversed ones included. */
    List<ConversionLine> recentConversions(MemberOffer subject, int limit);

    /** All-time commission of this member in this offer by state; reversed conversions count nowhere. */
    Earnings earnings(MemberOffer subject);

    /**
     * Payments the offer's brand made to the member (payments are per member, not per offer),
     * newest first, at most {@code limit}.
     */
    List<PaymentLine> payments(MemberOffer subject, int limit);

    /** Whose figures: one member in one offer of one brand. */
    record MemberOffer(UUID brandId, UUID offerId, UUID memberId, UUID assignmentId, Currency currency, ZoneId zone) {
    }

    record DailyFigures(LocalDate day, long clicks, long uniqueClicks, long conversions, Money sales,
            Money commission) {
    }

    /** {@code amount} is the order amount (zero when a conversion has none, e.g. a lead). */
    record ConversionLine(LocalDate date, Money amount, Money commission, ConversionStatus status) {
    }

    record Earnings(Money pending, Money approved, Money paid) {
    }

    /** {@code status} as the ledger names a payout item, lower case, e.g. "paid". */
    record PaymentLine(LocalDate date, Money amount, String status) {
    }
}
