package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.Arrays;
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
     * Link {@code t}'s running total of {@code column} at the end of {@code day} (parameter
     * {@code :at}). The offer has a row for every day one of its links has (both are written in one
     * transaction), so a day before the offer's first day is before every link's first day (nothing
     * yet) and a day on or after the offer's last day is on or after every link's last day (the
     * link's total row). Only a day inside the offer's days needs each link's own: nothing before
     * its first day, its total row from its last day on, else its row that day ({@code a}, joined
     * for all links at once through the offer-and-day index) or the latest one before.
     */
    private static String runAt(String column, LocalDate day, String at, String a, List<LocalDate> offerDays) {
        if (offerDays.get(0) == null || day.isBefore(offerDays.get(0))) {
            return "0";
        }
        if (!day.isBefore(offerDays.get(1))) {
            return "t." + column;
        }
        return """
                case when t.first_day > :%2$s then 0 when t.last_day <= :%2$s then t.%1$s
                    when %3$s.click_day is not null then %3$s.%1$s
                    else coalesce((select x.%1$s from click_daily x where x.assignment_id = t.assignment_id
                        and x.click_day <= :%2$s order by x.click_day desc limit 1), 0) end""".formatted(column, at, a);
    }

    private static boolean inside(LocalDate day, List<LocalDate> offerDays) {
        return offerDays.get(0) != null && !day.isBefore(offerDays.get(0)) && day.isBefore(offerDays.get(1));
    }

    /**
     * Each member's clicks from {@code from} to {@code to}: the difference of two running totals per
     * link, so the rows read do not grow with the period. Members without clicks in it are left out.
     */
    List<ClickRollups.MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        LocalDate before = from.minusDays(1);
        List<LocalDate> offerDays = jdbc.sql("""
                select min(click_day) as first_day, max(click_day) as last_day from click_offer_daily
                where offer_id = ? and click_day > ?""")
                .params(offerId, LOCK_DAY)
                .query((rs, row) -> Arrays.asList(rs.getObject("first_day", LocalDate.class),
                        rs.getObject("last_day", LocalDate.class)))
                .single();
        StringBuilder sql = new StringBuilder("select member_id, run_clicks, run_unique_clicks, run_bot_clicks from (")
                .append("select t.member_id");
        for (String column : List.of("run_clicks", "run_unique_clicks", "run_bot_clicks")) {
            sql.append(", (").append(runAt(column, to, "last", "e", offerDays)).append(") - (")
                    .append(runAt(column, before, "before", "s", offerDays)).append(") as ").append(column);
        }
        sql.append(" from click_daily t");
        if (inside(to, offerDays)) {
            sql.append(" left join click_daily e on e.offer_id = t.offer_id and e.click_day = :last"
                    + " and e.assignment_id = t.assignment_id");
        }
        if (inside(before, offerDays)) {
            sql.append(" left join click_daily s on s.offer_id = t.offer_id and s.click_day = :before"
                    + " and s.assignment_id = t.assignment_id");
        }
        // offset 0 keeps the figures computed once per link rather than again in the filter.
        sql.append(" where t.offer_id = :offer and t.click_day = :total offset 0) p"
                + " where run_clicks + run_bot_clicks > 0");
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
