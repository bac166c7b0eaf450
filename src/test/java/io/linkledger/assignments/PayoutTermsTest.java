package io.linkledger.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

class PayoutTermsTest {

    @Test
    void describesEachPayoutTypeInPlainWords() {
        Money five = Money.ofMinor(500, "USD");
        assertThat(new PayoutTerms(PayoutType.CPS, null, new BigDecimal("10.0000")).describe(ConversionType.SALE))
                .isEqualTo("10% of each sale");
        assertThat(new PayoutTerms(PayoutType.CPA_CPS, five, new BigDecimal("15")).describe(ConversionType.SALE))
                .isEqualTo("$5.00 per sale plus 15% of the sale");
        assertThat(new PayoutTerms(PayoutType.CPC, Money.ofMinor(10, "USD"), null).describe(ConversionType.SALE))
                .isEqualTo("$0.10 per unique click");
        assertThat(new PayoutTerms(PayoutType.CPA, Money.ofMinor(250, "EUR"), null).describe(ConversionType.LEAD))
                .isEqualTo("€2.50 per lead");
        assertThat(new PayoutTerms(PayoutType.CPS, null, new BigDecimal("12.5")).describe(ConversionType.SIGNUP))
                .isEqualTo("12.5% of the order amount of each sign-up");
        assertThat(new PayoutTerms(PayoutType.CPA, Money.ofMinor(1000, "JPY"), null).describe(ConversionType.INSTALL))
                .isEqualTo("¥1,000 per install");
    }
}
