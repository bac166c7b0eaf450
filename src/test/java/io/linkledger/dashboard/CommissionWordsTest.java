package io.linkledger.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

class CommissionWordsTest {

    @Test
    void describesEachPayoutTypeInPlainWords() {
        Money five = Money.ofMinor(500, "USD");
        assertThat(CommissionWords.describe(PayoutType.CPS, null, new BigDecimal("10.0000"), ConversionType.SALE))
                .isEqualTo("10% of each sale");
        assertThat(CommissionWords.describe(PayoutType.CPA_CPS, five, new BigDecimal("15"), ConversionType.SALE))
                .isEqualTo("$5.00 per sale plus 15% of the sale");
        assertThat(CommissionWords.describe(PayoutType.CPC, Money.ofMinor(10, "USD"), null, ConversionType.SALE))
                .isEqualTo("$0.10 per unique click");
        assertThat(CommissionWords.describe(PayoutType.CPA, Money.ofMinor(250, "EUR"), null, ConversionType.LEAD))
                .isEqualTo("€2.50 per lead");
        assertThat(CommissionWords.describe(PayoutType.CPS, null, new BigDecimal("12.5"), ConversionType.SIGNUP))
                .isEqualTo("12.5% of the order amount of each sign-up");
        assertThat(CommissionWords.describe(PayoutType.CPA, Money.ofMinor(1000, "JPY"), null, ConversionType.INSTALL))
                .isEqualTo("¥1,000 per install");
    }
}
