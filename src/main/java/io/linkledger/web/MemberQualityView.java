package io.linkledger.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.linkledger.conversions.QualitySummary;
import io.linkledger.conversions.QualitySummary.Row;

/** The Quality part of a member's page: held and reversal rates and spam clicks, per offer and overall. */
public record MemberQualityView(List<Line> offers, Line overall) {

    /** One row of the table, as shown. */
    public record Line(String offer, long conversions, long held, long heldNow, long reversed, String heldRate,
            String reversalRate, long spamClicks) {

        static Line of(String offer, Row row) {
            return new Line(offer, row.conversions(), row.held(), row.heldNow(), row.reversed(),
                    percent(row.heldRate()), percent(row.reversalRate()), row.spamClicks());
        }

        private static String percent(BigDecimal value) {
            return value == null ? "—" : value.toPlainString() + "%";
        }
    }

    static MemberQualityView of(QualitySummary summary, Function<UUID, String> offerNames) {
        return new MemberQualityView(
                summary.offers().stream().map(r -> Line.of(offerNames.apply(r.offerId()), r)).toList(),
                Line.of("All offers", summary.overall()));
    }

    public boolean empty() {
        return offers.isEmpty();
    }
}
