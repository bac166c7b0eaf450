package io.linkledger.conversions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.linkledger.brands.BrandSettingsService;
import io.linkledger.offers.Offers;
import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

/**
 * Conversion figures for reports: counts and sums of an offer's live (not reversed, not test)
 * conversions. Pay-per-click accruals add to commission, not to the number of conversions.
 * Periods of whole days in the brand's time zone (all reports ask for those) are read from the
 * rollups ({@link ConversionRollups}), whose days are the brand's; any other period from the
 * conversions themselves.
 */
@Service
public class ConversionStats {

    public record OfferConversionStats(long conversions, Money sales, Money commission) {
    }

    /**
     * One conversion as a member may see it: nothing about the shopper. {@code perClick} marks
     * a day's pay-per-click accrual, which is earnings but not a conversion.
     */
    public record Line(Instant convertedAt, Money sale, Money commission, ConversionStatus status, boolean perClick) {
    }

    /** An offer's conversions on one day of the brand's time zone. */
    public record DayStats(LocalDate day, long conversions, Money sales, Money commission) {
    }

    /** One member's conversions in an offer over a period. */
    public record MemberStats(UUID memberId, long conversions, Money sales, Money commission) {
    }

    private static final String LIVE_SUMS = """
            coalesce(sum(case when kind <> 'CPC' then 1 else 0 end), 0) as n,
            coalesce(sum(sale_minor), 0) as sales, coalesce(sum(commission_minor), 0) as commission""";

    private static final String LINE =
            "select converted_at, currency, sale_minor, commission_minor, status, kind from conversions";

    private static final Instant NO_START = Instant.EPOCH;
    private static final Instant NO_END = Instant.parse("9999-01-01T00:00:00Z");

    private final JdbcClient jdbc;
    private final Offers offers;
    private final ConversionRollups rollup;
    private final BrandSettingsService brands;

    ConversionStats(JdbcClient jdbc, Offers offers, ConversionRollups rollup, BrandSettingsService brands) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.rollup = rollup;
        this.brands = brands;
    }

    private static boolean wholeDays(Instant from, Instant to, ZoneId zone) {
        return from != null && to != null && startOfDay(from, zone) && startOfDay(to, zone);
    }

    private static boolean startOfDay(Instant instant, ZoneId zone) {
        return instant.equals(day(instant, zone).atStartOfDay(zone).toInstant());
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Conversions of the brand's offer converted in [from, to); either bound may be null. */
    public OfferConversionStats forOffer(UUID brandId, UUID offerId, Instant from, Instant to) {
        var currency = offers.get(brandId, offerId).currency();
        Instant start = from == null ? NO_START : from;
        Instant end = to == null ? NO_END : to;
        ZoneId zone = brands.timeZone(brandId);
        if (wholeDays(start, end, zone)) {
            return rollup.offerTotals(brandId, offerId, day(start, zone), day(end, zone), currency);
        }
        return jdbc.sql("select " + LIVE_SUMS + """
                 from conversions
                where brand_id = ? and offer_id = ? and status not in ('REVERSED', 'HELD') and is_test = false
                  and converted_at >= ? and converted_at < ?""")
                .params(brandId, offerId, Sql.ts(start), Sql.ts(end))
                .query((rs, row) -> new OfferConversionStats(rs.getLong("n"), new Money(rs.getLong("sales"), currency),
                        new Money(rs.getLong("commission"), currency)))
                .single();
    }

    /** One member's conversions in one offer (by assignment) converted in [from, to), oldest first; no tests. */
    public List<Line> forAssignment(UUID assignmentId, Instant from, Instant to) {
        return jdbc.sql(LINE + """
                 where assignment_id = ? and is_test = false and converted_at >= ? and converted_at < ?
                order by converted_at""")
                .params(assignmentId, Sql.ts(from), Sql.ts(to))
                .query(ConversionStats::line)
                .list();
    }

    /**
     * One member's live conversions in one offer (by assignment) per UTC day from {@code from} to
     * {@code to}, both inclusive, oldest first; read from the daily rollup, days without any left out.
     */
    public List<DayStats> assignmentDays(UUID assignmentId, LocalDate from, LocalDate to, Currency currency) {
        return rollup.linkDays(assignmentId, from, to.plusDays(1), currency);
    }

    /** One member's newest conversions in one offer, newest first, at most {@code limit}; no tests. */
    public List<Line> latestForAssignment(UUID assignmentId, int limit) {
        return jdbc.sql(LINE + " where assignment_id = ? and is_test = false order by converted_at desc limit ?")
                .params(assignmentId, limit)
                .query(ConversionStats::line)
                .list();
    }

    /** All-time commission of one member in one offer per status, reversed and test conversions left out. */
    public Map<ConversionStatus, Money> commissionByStatus(UUID assignmentId, Currency currency) {
        return rollup.commissionByStatus(assignmentId, currency);
    }

    private static Line line(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new Line(Sql.instant(rs, "converted_at"), new Money(rs.getLong("sale_minor"), currency),
                new Money(rs.getLong("commission_minor"), currency), ConversionStatus.valueOf(rs.getString("status")),
                Conversion.Kind.valueOf(rs.getString("kind")) == Conversion.Kind.CPC);
    }

    /**
     * The offer's live conversions per day of the brand's time zone in [from, to), oldest first;
     * days without any are left out.
     */
    public List<DayStats> offerDays(UUID brandId, UUID offerId, Instant from, Instant to) {
        var currency = offers.get(brandId, offerId).currency();
        ZoneId zone = brands.timeZone(brandId);
        if (wholeDays(from, to, zone)) {
            return rollup.offerDays(brandId, offerId, day(from, zone), day(to, zone), currency);
        }
        // The zone is a validated region name (Europe/Paris), so it can stand in the SQL as a literal.
        String localDay = "cast(converted_at at time zone '" + zone.getId() + "' as date)";
        return jdbc.sql("select " + localDay + " as converted_day, " + LIVE_SUMS + """
                 from conversions
                where brand_id = ? and offer_id = ? and status not in ('REVERSED', 'HELD') and is_test = false
                  and converted_at >= ? and converted_at < ?
                group by\s""" + localDay + " order by converted_day")
                .params(brandId, offerId, Sql.ts(from), Sql.ts(to))
                .query((rs, row) -> new DayStats(Objects.requireNonNull(rs.getObject("converted_day", LocalDate.class)),
                        rs.getLong("n"), new Money(rs.getLong("sales"), currency),
                        new Money(rs.getLong("commission"), currency)))
                .list();
    }

    /** The offer's live conversions per member in [from, to); members without any are left out. */
    public List<MemberStats> offerMembers(UUID brandId, UUID offerId, Instant from, Instant to) {
        var currency = offers.get(brandId, offerId).currency();
        ZoneId zone = brands.timeZone(brandId);
        if (wholeDays(from, to, zone)) {
            return rollup.offerMembers(brandId, offerId, day(from, zone), day(to, zone), currency);
        }
        return jdbc.sql("select member_id, " + LIVE_SUMS + """
                 from conversions
                where brand_id = ? and offer_id = ? and status not in ('REVERSED', 'HELD') and is_test = false
                  and converted_at >= ? and converted_at < ?
                group by member_id""")
                .params(brandId, offerId, Sql.ts(from), Sql.ts(to))
                .query((rs, row) -> new MemberStats(Sql.uuid(rs, "member_id"), rs.getLong("n"),
                        new Money(rs.getLong("sales"), currency), new Money(rs.getLong("commission"), currency)))
                .list();
    }
}
