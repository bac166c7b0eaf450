package io.linkledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import io.linkledger.shared.Money;

class PayoutFeesTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static PayoutFees rules(String minimum, String fixed, String percent) {
        return new PayoutFees(new LedgerSettings("USD", 3, new BigDecimal(minimum), new BigDecimal(fixed),
                new BigDecimal(percent), "auto", new BigDecimal("2000.00"), new BigDecimal("600.00")));
    }

    @Test
    void feesAndMinimumAreZeroByDefault() {
        PayoutFees rules = rules("0", "0", "0");
        assertThat(rules.fee(Money.parse("123.45", USD)).minor()).isZero();
        assertThat(rules.minimum(null, USD).minor()).isZero();
    }

    @Test
    void feeIsFixedPlusPercentRoundedHalfEven() {
        PayoutFees rules = rules("10.00", "0.25", "2");
        assertThat(rules.fee(Money.parse("100.00", USD))).isEqualTo(Money.parse("2.25", USD));
        // 2% of 0.25 is 0.005: half-even rounds to 0.00.
        assertThat(rules.fee(Money.parse("0.25", USD))).isEqualTo(Money.parse("0.25", USD));
        assertThat(rules.minimum(null, USD)).isEqualTo(Money.parse("10.00", USD));
        assertThat(rules.minimum(new BigDecimal("25.00"), USD)).as("the brand's own minimum")
                .isEqualTo(Money.parse("25.00", USD));
    }

    @Test
    void currencyWithoutCentsRoundsTheFixedFee() {
        PayoutFees rules = rules("0", "0.30", "0");
        assertThat(rules.fee(Money.parse("1000", Currency.getInstance("JPY"))).minor()).isZero();
    }

    @Test
    void form1099ThresholdIsTwoThousandDollarsFrom2026() {
        LedgerSettings settings = new LedgerSettings("USD", 3, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "auto", new BigDecimal("2000.00"), new BigDecimal("600.00"));
        assertThat(settings.form1099Threshold(2026)).isEqualByComparingTo("2000.00");
        assertThat(settings.form1099Threshold(2025)).isEqualByComparingTo("600.00");
    }
}
