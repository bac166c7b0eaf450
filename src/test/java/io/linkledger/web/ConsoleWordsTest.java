package io.linkledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import io.linkledger.conversions.ConversionStatus;
import io.linkledger.ledger.PaymentStatus;
import io.linkledger.offers.OfferType;

/** The console's one way to write statuses, dates, counts and EPC to people. */
class ConsoleWordsTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void statusesAreWordsNotEnumConstants() {
        assertThat(Statuses.label(PaymentStatus.AWAITING_TRANSFER)).isEqualTo("Awaiting your transfer");
        assertThat(Statuses.label(ConversionStatus.PENDING)).isEqualTo("Pending");
        assertThat(Statuses.label(OfferType.PROMO_CODE)).isEqualTo("Promo code");
        assertThat(Statuses.label("NOT_RECEIVED")).isEqualTo("Not received");
        assertThat(Statuses.label("SHAREASALE")).isEqualTo("ShareASale");
        assertThat(Statuses.label(null)).isEqualTo("—");
        assertThat(Statuses.css(PaymentStatus.AWAITING_TRANSFER)).isEqualTo("awaiting-transfer");
    }

    @Test
    void countsTakeTheRightNumber() {
        assertThat(Statuses.count(1, "unique click", "unique clicks")).isEqualTo("1 unique click");
        assertThat(Statuses.count(0, "unique click", "unique clicks")).isEqualTo("0 unique clicks");
        assertThat(Statuses.count(12_500, "conversion", "conversions")).isEqualTo("12,500 conversions");
    }

    @Test
    void datesAndTimesAreWrittenOutInUtc() {
        assertThat(Times.date(LocalDate.of(2026, 11, 3))).isEqualTo("3 Nov 2026");
        assertThat(Times.dateTime(Instant.parse("2026-11-03T23:59:59Z"))).isEqualTo("3 Nov 2026, 23:59");
        assertThat(Times.date(Instant.parse("2026-11-03T23:59:59Z"))).isEqualTo("3 Nov 2026");
        assertThat(Times.month(YearMonth.of(2026, 10))).isEqualTo("October 2026");
        assertThat(Times.dateTime(null)).isEqualTo("—");
    }

    @Test
    void epcIsCentsFromOneUnitUpAndFourDecimalsBelow() {
        assertThat(Epc.display("4.0000", USD, "—")).isEqualTo("$4.00");
        assertThat(Epc.display("3.1250", USD, "—")).isEqualTo("$3.13");
        assertThat(Epc.display("1234.5000", USD, "—")).isEqualTo("$1,234.50");
        assertThat(Epc.display("0.2770", USD, "—")).isEqualTo("$0.2770");
        assertThat(Epc.display("0.0030", USD, "—")).isEqualTo("$0.0030");
        assertThat(Epc.display("5.0000", Currency.getInstance("JPY"), "—")).isEqualTo("¥5");
        assertThat(Epc.display(null, USD, "—")).isEqualTo("—");
    }
}
