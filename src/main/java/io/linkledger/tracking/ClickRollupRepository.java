package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the click rollups that {@link ClickStore#addToRollup} keeps (tables and rows: V40). */
@Repository
class ClickRollupRepository {

    /** The day of a link's total row in {@code click_daily}: all-time running totals, no day figures. */
    static final LocalDate TOTAL_DAY = LocalDate.of(9999, 12, 31);

    /** The day of an offer's lock row in {@code click_offer_daily}: always zero. */
    static final LocalDate LOCK_DAY = LocalDate.of(1900, 1, 1);

    private final JdbcClient jdbc;

    ClickRollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClickRollups.Day> offerDays(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select click_day, clicks, unique_clicks, bot_clicks from click_offer_daily
                where offer_id = ? and click_day between ? and ? and click_day > ?
                order by click_day""")
                .params(offerId, from, to, LOCK_DAY)
                .query((rs, row) -> new ClickRollups.Day(rs.getObject("click_day", LocalDate.class), rs.getLong("clicks"),
                        rs.getLong("unique_clicks"), rs.getLong("bot_clicks")))
                .list();
    }

    /**
     * A running total of link {@code t} at the end of {@code :at}: nothing before its first day, its
     * total row from its last day on, else its own row that day ({@code a}, found for all links of
     * the offer at once by the offer-and-day index) or, on a day without clicks, the latest row
     * before. {@code a} is null when no link of the offer can need it.
     */
    private static String runAt(String column, String at, String a) {
        return """
                case when t.first_day > :%2$s then 0 when t.last_day <= :%2$s then t.%1$s
                    %3$s else coalesce((select x.%1$s from click_daily x where x.assignment_id = t.assignment_id
                        and x.click_day <= :%2$s order by x.click_day desc limit 1), 0) end""".formatted(column, at,
                a == null ? "" : "when %1$s.click_day is not null then %1$s.%2$s".formatted(a, column));
    }

    /**
     * Each member's clicks from {@code from} to {@code to}: the difference of two running totals per
     * link, so the rows read do not grow with the period. Members without clicks in it are left out.
     */
    List<ClickRollups.MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        LocalDate before = from.minusDays(1);
        List<LocalDate> span = jdbc.sql("""
                select min(click_day) as first_day, max(click_day) as last_day from click_offer_daily
                where offer_id = ? and click_day > ?""")
                .params(offerId, LOCK_DAY)
                .query((rs, row) -> java.util.Arrays.asList(rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)))
                .single();
        // A link's own row on a day is looked up only when some link can have rows on both sides of
        // that day (the offer has rows on every day a link has); the fallback is correct regardless.
        boolean noRows = span.get(0) == null;
        boolean endInside = !noRows && to.isBefore(span.get(1));
        boolean startInside = !noRows && !before.isBefore(span.get(0)) && before.isBefore(span.get(1));
        String end = endInside ? "e" : null;
        String start = startInside ? "s" : null;
        StringBuilder sql = new StringBuilder("select member_id, run_clicks, run_unique_clicks, run_bot_clicks from (")
                .append("select t.member_id");
        for (String column : List.of("run_clicks", "run_unique_clicks", "run_bot_clicks")) {
            sql.append(", (").append(runAt(column, "last", end)).append(") - (").append(runAt(column, "before", start))
                    .append(") as ").append(column);
        }
        sql.append(" from click_daily t");
        if (endInside) {
            sql.append(" ").append("""
                    left join click_daily e on e.offer_id = t.offer_id and e.click_day = :last
                        and e.assignment_id = t.assignment_id""");
        }
        if (startInside) {
            sql.append(" ").append("""
                    left join click_daily s on s.offer_id = t.offer_id and s.click_day = :before
                        and s.assignment_id = t.assignment_id""");
        }
        sql.append(" ").append("""
                where t.offer_id = :offer and t.click_day = :total) p
                where run_clicks + run_bot_clicks > 0
                order by member_id""");
        return jdbc.sql(sql.toString())
                .param("offer", offerId)
                .param("last", to)
                .param("before", before)
                .param("total", TOTAL_DAY)
                .query((rs, row) -> new ClickRollups.MemberCounts(rs.getObject("member_id", UUID.class),
                        rs.getLong("run_clicks"), rs.getLong("run_unique_clicks"), rs.getLong("run_bot_clicks")))
                .list();
    }

    List<ClickRollups.Day> linkDays(UUID assignmentId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select click_day, clicks, unique_clicks, bot_clicks from click_daily
                where assignment_id = ? and click_day between ? and ? and click_day < ?
                order by click_day""")
                .params(assignmentId, from, to, TOTAL_DAY)
                .query((rs, row) -> new ClickRollups.Day(rs.getObject("click_day", LocalDate.class), rs.getLong("clicks"),
                        rs.getLong("unique_clicks"), rs.getLong("bot_clicks")))
                .list();
    }
}
