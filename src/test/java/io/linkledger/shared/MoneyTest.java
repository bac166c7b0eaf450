package io.linkledger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void parsesAndFormatsInMinorUnits() {
        assertThat(Money.parse("12.5", USD).minor()).isEqualTo(1250);
        assertThat(Money.parse("1000", JPY).minor()).isEqualTo(1000);
        assertThat(new Money(1250, USD).toDecimalString()).isEqualTo("12.50");
        assertThat(new Money(-5, USD).toDecimalString()).isEqualTo("-0.05");
    }

    @Test
    void refusesToRoundInput() {
        assertThatThrownBy(() -> Money.parse("1.005", USD)).hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> Money.parse("1.5", JPY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("ten", USD)).hasMessageContaining("not a decimal");
    }

    @Test
    void percentRoundsHalfEven() {
        // 10% of 12.25 = 1.225 -> 1.22 (to even); 10% of 12.35 = 1.235 -> 1.24.
        assertThat(new Money(1225, USD).percent(BigDecimal.TEN).minor()).isEqualTo(122);
        assertThat(new Money(1235, USD).percent(BigDecimal.TEN).minor()).isEqualTo(124);
        assertThat(new Money(9999, USD).percent(new BigDecimal("12.5")).minor()).isEqualTo(1250);
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> new Money(1, USD).plus(new Money(1, JPY))).isInstanceOf(IllegalArgumentException.class);
    }
}
