package io.linkledger.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.linkledger.conversions.ConversionStats;
import io.linkledger.offers.Offer;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Validation;
import io.linkledger.tracking.ClickRollups;

/** Brand reports, read from rollups kept as events are stored, never from raw rows. */
@Service
public class Reports {

    static final int DEFAULT_DAYS = 30;

    private final Offers offers;
    private final ClickRollups clicks;
    private final ConversionStats conversions;
    private final Clock clock;

    Reports(Offers offers, ClickRollups clicks, ConversionStats conversions, Clock clock) {
        this.offers = offers;
        this.clicks = clicks;
        this.conversions = conversions;
        this.clock = clock;
    }

    /**
     * The offer's figures from {@code from} to {@code to} (UTC dates, both inclusive; a full
     * ISO-8601 instant counts as its UTC date). Defaults: the last 30 days up to today.
     */
    public OfferReport offer(UUID brandId, UUID offerId, String from, String to) {
        Offer offer = offers.get(brandId, offerId);
        Validation v = new Validation();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate end = date(to, "to", v);
        LocalDate start = date(from, "from", v);
        v.throwIfInvalid();
        if (end == null) {
            end = today;
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        v.check(!start.isAfter(end), "from", "must be on or before 'to' (" + end + ")");
        v.throwIfInvalid();

        List<ClickRollups.Day> days = clicks.offerDays(offer.id(), start, end);
        long humanClicks = days.stream().mapToLong(ClickRollups.Day::clicks).sum();
        ConversionStats.OfferConversionStats converted = conversions.forOffer(brandId, offer.id(),
                start.atStartOfDay(ZoneOffset.UTC).toInstant(), end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return new OfferReport(offer.id(), start, end, offer.currency().getCurrencyCode(), humanClicks,
                days.stream().mapToLong(ClickRollups.Day::uniqueClicks).sum(),
                days.stream().mapToLong(ClickRollups.Day::botClicks).sum(),
                converted.conversions(), converted.sales().toDecimalString(), converted.commission().toDecimalString(),
                humanClicks == 0 ? null : BigDecimal.valueOf(converted.conversions() * 100)
                        .divide(BigDecimal.valueOf(humanClicks), 2, RoundingMode.HALF_EVEN).toPlainString(),
                humanClicks == 0 ? null : converted.commission().toDecimal()
                        .divide(BigDecimal.valueOf(humanClicks), converted.commission().toDecimal().scale() + 2,
                                RoundingMode.HALF_EVEN).toPlainString(),
                days.stream().map(d -> new OfferReport.DayFigures(d.day(), d.clicks(), d.uniqueClicks(), d.botClicks()))
                        .toList(),
                clicks.offerMembers(offer.id(), start, end).stream()
                        .map(m -> new OfferReport.MemberFigures(m.memberId(), m.clicks(), m.uniqueClicks(), m.botClicks()))
                        .toList());
    }

    private static LocalDate date(String value, String field, Validation v) {
        if (Validation.isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            try {
                return LocalDate.ofInstant(Instant.parse(value.trim()), ZoneOffset.UTC);
            } catch (DateTimeParseException notAnInstant) {
                v.add(field, "'" + value + "' is not a date such as 2026-11-01 (UTC)");
                return null;
            }
        }
    }
}
