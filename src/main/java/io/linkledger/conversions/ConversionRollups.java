package io.linkledger.conversions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Money;
import io.linkledger.shared.RunningTotalQueries;
import io.linkledger.shared.RunningTotals;
import io.linkledger.shared.Sql;

/**
 * The reader of the conversion rollups (docs/rollups.md), for {@link ConversionStats}: live
 * conversions (not reversed, not test) per day, per member and per link over periods of whole UTC
 * days [from, to), exact (what is still queued is applied first). A link's rows are kept per currency.
 */
@Repository
class ConversionRollups {

    /** A member's tracking link of the offer, in one currency. */
    private record MemberCurrency(UUID memberId, String currency) {
    }

    /** Conversion figures that add up over days: a link's running totals, or its figures in a period. */
    private record Sums(long live, long conversions, long salesMinor, long commissionMinor)
            implements RunningTotals.Figures<Sums> {

        @Override
        public Sums minus(Sums earlier) {
            return new Sums(live - earlier.live, conversions - earlier.conversions, salesMinor - earlier.salesMinor,
                    commissionMinor - earlier.commissionMinor);
        }

        /** {@code live} counts every live conversion, pay-per-click accruals too. */
        @Override
        public boolean isEmpty() {
            return live == 0;
        }
    }

    private static final String OFFER_TOTALS = """
            select coalesce(sum(conversions), 0) as conversions, coalesce(sum(sales_minor), 0) as sales_minor,
                coalesce(sum(commission_minor), 0) as commission_minor
            from conversion_offer_daily
            where offer_id = :offerId and brand_id = :brandId and conversion_day >= :from and conversion_day < :to""";

    private static final String OFFER_DAYS = """
            select conversion_day, conversions, sales_minor, commission_minor
            from conversion_offer_daily
            where offer_id = :offerId and brand_id = :brandId and conversion_day >= :from and conversion_day < :to
              and live > 0
            order by conversion_day""";

    /** Summed over the link's currencies. */
    private static final String LINK_DAYS = """
            select conversion_day, sum(conversions) as conversions, sum(sales_minor) as sales_minor,
                sum(commission_minor) as commission_minor
            from conversion_daily
            where assignment_id = :assignmentId and conversion_day >= :from and conversion_day < :to
            group by conversion_day
            having sum(live) > 0
            order by conversion_day""";

    private static final String COMMISSION_BY_STATUS = """
            select coalesce(sum(pending_commission_minor), 0) as pending,
                coalesce(sum(approved_commission_minor), 0) as approved,
                coalesce(sum(paid_commission_minor), 0) as paid
            from conversion_link_totals
            where assignment_id = :assignmentId""";

    /** Each of the offer's links with its all-time figures (the running totals of its last day) and its days. */
    private static final String LINK_TOTALS = """
            select member_id, currency, live as run_live, conversions as run_conversions,
                sales_minor as run_sales_minor, commission_minor as run_commission_minor, first_day, last_day
            from conversion_link_totals
            where offer_id = :offerId and brand_id = :brandId""";

    private static final String RUNNING_TOTALS_ON = """
            select member_id, currency, run_live, run_conversions, run_sales_minor, run_commission_minor
            from conversion_daily
            where offer_id = :offerId and conversion_day = :day""";

    private static final String LATEST_RUNNING_TOTALS = """
            select d.member_id, d.currency, d.run_live, d.run_conversions, d.run_sales_minor, d.run_commission_minor
            from (select t.assignment_id, t.currency, (select max(l.conversion_day) from conversion_daily l
                      where l.assignment_id = t.assignment_id and l.currency = t.currency
                        and l.conversion_day <= :day) as latest
                  from conversion_link_totals t
                  where t.offer_id = :offerId and t.member_id in (:members)) m
            join conversion_daily d on d.assignment_id = m.assignment_id and d.currency = m.currency
                and d.conversion_day = m.latest""";

    private static final RunningTotalQueries<MemberCurrency, Sums> PERIODS = new RunningTotalQueries<>(LINK_TOTALS,
            RUNNING_TOTALS_ON, LATEST_RUNNING_TOTALS, ConversionRollups::runningTotals, MemberCurrency::memberId);

    private final JdbcClient jdbc;
    private final ConversionRollupApplier applier;

    ConversionRollups(JdbcClient jdbc, ConversionRollupApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /** The offer's figures over the days [from, to). */
    ConversionStats.OfferConversionStats offerTotals(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        applier.applyPending();
        return jdbc.sql(OFFER_TOTALS).params(Map.of("brandId", brandId, "offerId", offerId, "from", from, "to", to))
                .query((rs, row) -> new ConversionStats.OfferConversionStats(rs.getLong("conversions"),
                        new Money(rs.getLong("sales_minor"), currency),
                        new Money(rs.getLong("commission_minor"), currency)))
                .single();
    }

    /** The offer's days in [from, to) with live conversions, oldest first. */
    List<ConversionStats.DayStats> offerDays(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        applier.applyPending();
        return jdbc.sql(OFFER_DAYS).params(Map.of("brandId", brandId, "offerId", offerId, "from", from, "to", to))
                .query(day(currency)).list();
    }

    /**
     * The offer's members with live conversions in the days [from, to), in no particular order. Reads
     * at most two rows per link, however long the period ({@link RunningTotals}).
     */
    List<ConversionStats.MemberStats> offerMembers(UUID brandId, UUID offerId, LocalDate from, LocalDate to,
            Currency currency) {
        applier.applyPending();
        return PERIODS.between(jdbc, Map.of("brandId", brandId, "offerId", offerId), from, to.minusDays(1)).stream()
                .map(m -> new ConversionStats.MemberStats(m.key().memberId(), m.figures().conversions(),
                        new Money(m.figures().salesMinor(), currency),
                        new Money(m.figures().commissionMinor(), currency)))
                .toList();
    }

    /** One link's days in [from, to) with live conversions, oldest first. */
    List<ConversionStats.DayStats> linkDays(UUID assignmentId, LocalDate from, LocalDate to, Currency currency) {
        applier.applyPending();
        return jdbc.sql(LINK_DAYS).params(Map.of("assignmentId", assignmentId, "from", from, "to", to))
                .query(day(currency)).list();
    }

    /** All-time commission of one tracking link per status (reversed is always zero). */
    Map<ConversionStatus, Money> commissionByStatus(UUID assignmentId, Currency currency) {
        applier.applyPending();
        Map<ConversionStatus, Money> totals = new EnumMap<>(ConversionStatus.class);
        jdbc.sql(COMMISSION_BY_STATUS).param("assignmentId", assignmentId).query(rs -> {
            totals.put(ConversionStatus.PENDING, new Money(rs.getLong("pending"), currency));
            totals.put(ConversionStatus.APPROVED, new Money(rs.getLong("approved"), currency));
            totals.put(ConversionStatus.PAID, new Money(rs.getLong("paid"), currency));
        });
        totals.put(ConversionStatus.REVERSED, Money.zero(currency));
        return totals;
    }

    private static RunningTotals.Keyed<MemberCurrency, Sums> runningTotals(ResultSet rs, int row) throws SQLException {
        return new RunningTotals.Keyed<>(new MemberCurrency(Sql.uuid(rs, "member_id"), rs.getString("currency").trim()),
                new Sums(rs.getLong("run_live"), rs.getLong("run_conversions"), rs.getLong("run_sales_minor"),
                        rs.getLong("run_commission_minor")));
    }

    private static RowMapper<ConversionStats.DayStats> day(Currency currency) {
        return (rs, row) -> new ConversionStats.DayStats(rs.getObject("conversion_day", LocalDate.class),
                rs.getLong("conversions"), new Money(rs.getLong("sales_minor"), currency),
                new Money(rs.getLong("commission_minor"), currency));
    }
}
