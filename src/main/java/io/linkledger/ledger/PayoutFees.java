package io.linkledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.springframework.stereotype.Component;

import io.linkledger.shared.Money;

/** The minimum payout and the processing fee per payout item (both 0 unless configured). */
@Component
class PayoutFees {

    private final LedgerSettings settings;

    PayoutFees(LedgerSettings settings) {
        this.settings = settings;
    }

    /** The brand's own minimum payout when it set one, else the configured one. */
    Money minimum(BigDecimal brandMinimum, Currency currency) {
        return inCurrency(brandMinimum != null ? brandMinimum : settings.minimumPayout(), currency);
    }

    /** Fixed part plus a percent of the amount; the brand pays it on top of what the member gets. */
    Money fee(Money amount) {
        return inCurrency(settings.feeFixed(), amount.currency()).plus(amount.percent(settings.feePercent()));
    }

    // Configured in major units; a currency without cents (JPY) gets them rounded away.
    private static Money inCurrency(BigDecimal value, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return Money.of(value.setScale(digits, RoundingMode.HALF_EVEN), currency);
    }
}
