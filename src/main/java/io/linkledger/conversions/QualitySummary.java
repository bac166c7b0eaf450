package io.linkledger.conversions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * How a member's conversions fared with the quality rules, per offer and overall: of the
 * conversions (test conversions and pay-per-click accruals left out), how many a rule held (held
 * now, or held once and released or reversed since), how many are held now, how many were reversed;
 * and how many of the member's clicks were flagged as spam.
 */
public record QualitySummary(List<Row> offers, Row overall) {

    /** One offer's figures ({@code offerId} null for the overall row). */
    public record Row(UUID offerId, long conversions, long held, long heldNow, long reversed, long spamClicks) {

        Row plus(Row other) {
            return new Row(null, conversions + other.conversions, held + other.held, heldNow + other.heldNow,
                    reversed + other.reversed, spamClicks + other.spamClicks);
        }

        Row withSpamClicks(long clicks) {
            return new Row(offerId, conversions, held, heldNow, reversed, clicks);
        }

        /** The share of conversions a rule held, in percent with one decimal; null without conversions. */
        public BigDecimal heldRate() {
            return percent(held);
        }

        /** The share of conversions reversed, in percent with one decimal; null without conversions. */
        public BigDecimal reversalRate() {
            return percent(reversed);
        }

        private BigDecimal percent(long part) {
            return conversions == 0 ? null
                    : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(conversions), 1, RoundingMode.HALF_UP);
        }
    }

    static QualitySummary of(List<Row> offers) {
        return new QualitySummary(offers, offers.stream().reduce(new Row(null, 0, 0, 0, 0, 0), Row::plus));
    }
}
