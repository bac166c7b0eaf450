package io.linkledger.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.linkledger.shared.RunningTotalQueries;
import io.linkledger.shared.RunningTotals;
import io.linkledger.shared.Sql;

/**
 * The reader of the click rollups (docs/rollups.md): click counts per UTC day and per member,
 * cheap however many raw clicks there are, and exact (what is still queued is applied first).
 * {@code clicks} are human gross clicks; bots are counted apart.
 */
@Service
public class ClickRollups {

    public record Day(LocalDate day, long clicks, long uniqueClicks, long botClicks) {
    }

    public record MemberCounts(UUID memberId, long clicks, long uniqueClicks, long botClicks) {
    }

    /** Click counts that add up over days: a link's running totals, or its counts in a period. */
    private record Counts(long clicks, long uniqueClicks, long botClicks) implements RunningTotals.Figures<Counts> {

        @Override
        public Counts minus(Counts earlier) {
            return new Counts(clicks - earlier.clicks, uniqueClicks - earlier.uniqueClicks,
                    botClicks - earlier.botClicks);
        }

        /** Unique clicks are human clicks too, so no clicks and no bots is nothing. */
        @Override
        public boolean isEmpty() {
            return clicks == 0 && botClicks == 0;
        }
    }

    private static final String OFFER_DAYS = """
            select click_day, clicks, unique_clicks, bot_clicks
            from click_offer_daily
            where offer_id = :offerId and click_day between :from and :to
            order by click_day""";

    private static final String LINK_DAYS = """
            select click_day, clicks, unique_clicks, bot_clicks
            from click_daily
            where assignment_id = :assignmentId and click_day between :from and :to
            order by click_day""";

    private static final String UNIQUE_HUMAN_CLICKS = """
            select assignment_id, member_id, unique_clicks
            from click_daily
            where offer_id = :offerId and click_day = :day and unique_clicks > 0""";

    /** Each of the offer's links with its all-time counts (the running totals of its last day) and its days. */
    private static final String LINK_TOTALS = """
            select member_id, clicks as run_clicks, unique_clicks as run_unique_clicks,
                bot_clicks as run_bot_clicks, first_day, last_day
            from click_link_totals
            where offer_id = :offerId""";

    /** The running totals of each of the offer's links with a row on the day. */
    private static final String RUNNING_TOTALS_ON = """
            select member_id, run_clicks, run_unique_clicks, run_bot_clicks
            from click_daily
            where offer_id = :offerId and click_day = :day""";

    /** The running totals of the latest row on or before the day of these members' links. */
    private static final String LATEST_RUNNING_TOTALS = """
            select d.member_id, d.run_clicks, d.run_unique_clicks, d.run_bot_clicks
            from (select t.assignment_id, (select max(l.click_day) from click_daily l
                      where l.assignment_id = t.assignment_id and l.click_day <= :day) as latest
                  from click_link_totals t
                  where t.offer_id = :offerId and t.member_id in (:members)) m
            join click_daily d on d.assignment_id = m.assignment_id and d.click_day = m.latest""";

    /** The links keyed by member. */
    private static final RunningTotalQueries<UUID, Counts> PERIODS = new RunningTotalQueries<>(LINK_TOTALS,
            RUNNING_TOTALS_ON, LATEST_RUNNING_TOTALS, ClickRollups::runningTotals, member -> member);

    private final JdbcClient jdbc;
    private final ClickRollupApplier applier;

    ClickRollups(JdbcClient jdbc, ClickRollupApplier applier) {
        this.jdbc = jdbc;
        this.applier = applier;
    }

    /** The offer's days with clicks between {@code from} and {@code to}, both inclusive, oldest first. */
    public List<Day> offerDays(UUID offerId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return jdbc.sql(OFFER_DAYS).params(Map.of("offerId", offerId, "from", from, "to", to))
                .query(ClickRollups::day).list();
    }

    /**
     * The offer's click counts per member between {@code from} and {@code to}, both inclusive, in no
     * particular order; members without clicks (human or bot) then are left out. Reads at most two
     * rows per member, however long the period ({@link RunningTotals}).
     */
    public List<MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return PERIODS.between(jdbc, Map.of("offerId", offerId), from, to).stream()
                .map(m -> new MemberCounts(m.key(), m.figures().clicks(), m.figures().uniqueClicks(),
                        m.figures().botClicks()))
                .toList();
    }

    /** One tracking link's days with clicks between {@code from} and {@code to}, both inclusive, oldest first. */
    public List<Day> linkDays(UUID assignmentId, LocalDate from, LocalDate to) {
        applier.applyPending();
        return jdbc.sql(LINK_DAYS).params(Map.of("assignmentId", assignmentId, "from", from, "to", to))
                .query(ClickRollups::day).list();
    }

    /** Each of the offer's links with unique human clicks on {@code day}, and how many: what pays per click. */
    List<Clicks.ClickCount> uniqueHumanClicks(UUID offerId, LocalDate day) {
        applier.applyPending();
        return jdbc.sql(UNIQUE_HUMAN_CLICKS).param("offerId", offerId).param("day", day)
                .query((rs, row) -> new Clicks.ClickCount(Sql.uuid(rs, "assignment_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("unique_clicks")))
                .list();
    }

    private static RunningTotals.Keyed<UUID, Counts> runningTotals(ResultSet rs, int row) throws SQLException {
        return new RunningTotals.Keyed<>(Sql.uuid(rs, "member_id"),
                new Counts(rs.getLong("run_clicks"), rs.getLong("run_unique_clicks"), rs.getLong("run_bot_clicks")));
    }

    private static Day day(ResultSet rs, int row) throws SQLException {
        return new Day(rs.getObject("click_day", LocalDate.class), rs.getLong("clicks"), rs.getLong("unique_clicks"),
                rs.getLong("bot_clicks"));
    }
}
