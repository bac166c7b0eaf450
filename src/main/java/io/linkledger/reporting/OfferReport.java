package io.linkledger.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An offer's figures over whole UTC days. {@code clicks} are human gross clicks, {@code uniqueClicks}
 * the first click of a visitor on a link in 24 hours, {@code botClicks} crawlers and scripts.
 */
public record OfferReport(UUID offerId, LocalDate from, LocalDate to, String currency, long clicks,
        long uniqueClicks, long botClicks, List<DayFigures> days, List<MemberFigures> members) {

    public record DayFigures(LocalDate date, long clicks, long uniqueClicks, long botClicks) {
    }

    public record MemberFigures(UUID memberId, long clicks, long uniqueClicks, long botClicks) {
    }
}
