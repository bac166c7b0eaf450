package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.RunningTotals;

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

    private static final RunningTotals TOTALS = new RunningTotals("click_day",
            List.of("run_clicks", "run_unique_clicks", "run_bot_clicks"));

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
        if (!RunningTotals.inside(to, offerDays) && !RunningTotals.inside(before, offerDays)) {
            // Both ends resolve for every link at once: the differences straight from the total rows.
            return jdbc.sql("select member_id, run_clicks, run_unique_clicks, run_bot_clicks from (select t.member_id, "
                    + TOTALS.differences(to, before, offerDays)
                    + " from click_daily t where t.offer_id = :offer and t.click_day = :total) p"
                    + " where run_clicks + run_bot_clicks > 0")
                    .param("offer", offerId)
                    .param("total", TOTAL_DAY)
                    .query((rs, row) -> new ClickRollups.MemberCounts(rs.getObject("member_id", UUID.class),
                            rs.getLong("run_clicks"), rs.getLong("run_unique_clicks"), rs.getLong("run_bot_clicks")))
                    .list();
        }
        StringBuilder sql = new StringBuilder("select t.assignment_id, t.member_id");
        sql.append(TOTALS.ends(to, before, offerDays));
        sql.append(" from click_daily t");
        if (RunningTotals.inside(to, offerDays)) {
            sql.append(" left join click_daily e on e.offer_id = t.offer_id and e.click_day = :last"
                    + " and e.assignment_id = t.assignment_id");
        }
        if (RunningTotals.inside(before, offerDays)) {
            sql.append(" left join click_daily s on s.offer_id = t.offer_id and s.click_day = :before"
                    + " and s.assignment_id = t.assignment_id");
        }
        sql.append(" where t.offer_id = :offer and t.click_day = :total");
        Map<UUID, RunningTotals.Ends> links = new HashMap<>();
        jdbc.sql(sql.toString())
                .param("offer", offerId)
                .param("last", to)
                .param("before", before)
                .param("total", TOTAL_DAY)
                .query(rs -> {
                    RunningTotals.Ends ends = new RunningTotals.Ends(rs.getObject("member_id", UUID.class));
                    ends.end = TOTALS.values(rs, "end_");
                    ends.start = TOTALS.values(rs, "start_");
                    links.put(rs.getObject("assignment_id", UUID.class), ends);
                });
        latestUpTo(to, links.entrySet().stream().filter(e -> e.getValue().end == null).map(Map.Entry::getKey).toList())
                .forEach((link, values) -> links.get(link).end = values);
        latestUpTo(before, links.entrySet().stream().filter(e -> e.getValue().start == null).map(Map.Entry::getKey)
                .toList()).forEach((link, values) -> links.get(link).start = values);
        List<ClickRollups.MemberCounts> members = new ArrayList<>();
        for (RunningTotals.Ends ends : links.values()) {
            long clicks = ends.end[0] - ends.start[0];
            long bots = ends.end[2] - ends.start[2];
            if (clicks + bots > 0) {
                members.add(new ClickRollups.MemberCounts(ends.memberId, clicks, ends.end[1] - ends.start[1], bots));
            }
        }
        return members;
    }

    /** Each link's running totals in its latest row up to {@code day}; each link must have one. */
    private Map<UUID, long[]> latestUpTo(LocalDate day, List<UUID> links) {
        Map<UUID, long[]> found = new HashMap<>();
        for (int from = 0; from < links.size(); from += 500) {
            jdbc.sql("""
                    select x.assignment_id, x.run_clicks, x.run_unique_clicks, x.run_bot_clicks
                    from (select t.assignment_id, (select max(y.click_day) from click_daily y
                              where y.assignment_id = t.assignment_id and y.click_day <= :day) as latest
                          from click_daily t where t.click_day = :total and t.assignment_id in (:links)) m
                    join click_daily x on x.assignment_id = m.assignment_id and x.click_day = m.latest""")
                    .param("day", day)
                    .param("total", TOTAL_DAY)
                    .param("links", links.subList(from, Math.min(links.size(), from + 500)))
                    .query(rs -> {
                        found.put(rs.getObject("assignment_id", UUID.class), TOTALS.values(rs, ""));
                    });
        }
        if (found.size() != links.size()) {
            throw new IllegalStateException("click_daily has no row up to " + day + " for some links");
        }
        return found;
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
