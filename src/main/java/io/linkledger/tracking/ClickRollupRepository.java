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
     * the offer at once by the offer-and-day index) or, on a day without clicks, the latest row before.
     */
    private static String runAt(String column, String at, String a) {
        return """
                case when t.first_day > :%2$s then 0 when t.last_day <= :%2$s then t.%1$s
                    when %3$s.click_day is not null then %3$s.%1$s
                    else coalesce((select x.%1$s from click_daily x where x.assignment_id = t.assignment_id
                        and x.click_day <= :%2$s order by x.click_day desc limit 1), 0) end""".formatted(column, at, a);
    }

    private static String inPeriod(String column) {
        return "(" + runAt(column, "last", "e") + ") - (" + runAt(column, "before", "s") + ") as " + column;
    }

    /**
     * Each member's clicks from {@code from} to {@code to}: the difference of two running totals per
     * link, so the rows read do not grow with the period. Members without clicks in it are left out.
     */
    List<ClickRollups.MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("select member_id, run_clicks, run_unique_clicks, run_bot_clicks from (select t.member_id, "
                + inPeriod("run_clicks") + ", " + inPeriod("run_unique_clicks") + ", " + inPeriod("run_bot_clicks")
                + """
                 from click_daily t
                left join click_daily e on e.offer_id = t.offer_id and e.click_day = :last
                    and e.assignment_id = t.assignment_id
                left join click_daily s on s.offer_id = t.offer_id and s.click_day = :before
                    and s.assignment_id = t.assignment_id
                where t.offer_id = :offer and t.click_day = :total) p
                where run_clicks + run_bot_clicks > 0
                order by member_id""")
                .param("offer", offerId)
                .param("last", to)
                .param("before", from.minusDays(1))
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
