package io.linkledger.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An offer's figures over whole days of the brand's time zone ({@code timeZone}, e.g. Europe/Paris). {@code clicks} are human gross clicks, {@code uniqueClicks}
 * the first click of a visitor on a link in 24 hours, {@code botClicks} crawlers and scripts.
 * Conversions, sales and commission leave out reversed and test conversions; amounts are decimal
 * strings in {@code currency}. {@code conversionRate} is conversions per 100 human clicks and
 * {@code epc} the commission earned per human click; both are null without clicks.
 */
public record OfferReport(UUID offerId, LocalDate from, LocalDate to, String timeZone, String currency, long clicks,
        long uniqueClicks, long botClicks, long conversions, String sales, String commission,
        String conversionRate, String epc, List<DayFigures> days, List<MemberFigures> members) {

    /** One day with clicks or conversions. */
    public record DayFigures(LocalDate date, long clicks, long uniqueClicks, long botClicks, long conversions,
            String sales, String commission) {
    }

    /** One member with clicks or conversions in the period. */
    public record MemberFigures(UUID memberId, long clicks, long uniqueClicks, long botClicks, long conversions,
            String sales, String commission, String epc) {
    }
}
