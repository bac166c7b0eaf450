package io.linkledger.dashboard;

import java.math.BigDecimal;

import io.linkledger.offers.ConversionType;
import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;

/** A payout rule in the words a member understands, e.g. "$5.00 per sale plus 15% of the sale". */
final class CommissionWords {

    private CommissionWords() {
    }

    static String describe(PayoutType type, Money amount, BigDecimal percent, ConversionType conversionType) {
        String noun = noun(conversionType);
        return switch (type) {
            case CPC -> MoneyText.format(amount) + " per unique click";
            case CPA -> MoneyText.format(amount) + " per " + noun;
            case CPS -> percent(percent) + (conversionType == ConversionType.SALE
                    ? " of each sale" : " of the order amount of each " + noun);
            case CPA_CPS -> MoneyText.format(amount) + " per " + noun + " plus " + percent(percent)
                    + (conversionType == ConversionType.SALE ? " of the sale" : " of the order amount");
        };
    }

    private static String noun(ConversionType type) {
        return switch (type) {
            case SALE -> "sale";
            case LEAD -> "lead";
            case SIGNUP -> "sign-up";
            case INSTALL -> "install";
            case CUSTOM -> "conversion";
        };
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
