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
    void parsingIsBoundedBeforeAnythingExpandsTheNumber() {
        for (String text : new String[] {"1e-2147483647", "1e-99999999", "1E+2147483647", "1e2", "١٢.٠٠", "１２",
            "12.0\u0000", "0x10", "NaN", "1,000.00", "", "."}) {
            assertThatThrownBy(() -> Money.parse(text, USD)).as(text)
                    .isInstanceOfSatisfying(IllegalArgumentException.class,
                            e -> assertThat(e.getMessage()).contains("is not a decimal amount").hasSizeLessThan(100));
        }
        assertThatThrownBy(() -> Money.parse("1".repeat(65), USD)).hasMessageContaining("is not a decimal amount");
        assertThatThrownBy(() -> Money.parse("9999999999999999", USD)).hasMessageContaining("too large");
        assertThat(Money.parse("999999999999999.99", USD).minor()).isEqualTo(99999999999999999L);
        assertThat(Money.parse("-1.50", USD).minor()).isEqualTo(-150);
        // BigDecimals made elsewhere are bounded too, and never written out in full in a message.
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-2147483647"), USD))
                .isInstanceOfSatisfying(IllegalArgumentException.class,
                        e -> assertThat(e.getMessage()).contains("more than 2 decimals").hasSizeLessThan(100));
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e+2147483647"), USD)).hasMessageContaining("too large");
    }

    @Test
    void currenciesAreTheOnesMoneyIsPaidIn() {
        assertThat(Money.currency(" usd ")).isEqualTo(USD);
        for (String code : new String[] {"XXX", "XTS", "XAU", "XDR", "ZZZ", "US", "", null, "ＵＳＤ"}) {
            assertThatThrownBy(() -> Money.currency(code)).as(String.valueOf(code))
                    .hasMessageContaining("is not an ISO 4217 currency");
        }
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
