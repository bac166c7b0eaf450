package io.linkledger.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClickRollupRepository {

    private final JdbcClient jdbc;

    ClickRollupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClickRollups.Day> offerDays(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select click_day, sum(clicks) as clicks, sum(unique_clicks) as unique_clicks, sum(bot_clicks) as bot_clicks
                from click_daily
                where offer_id = ? and click_day between ? and ?
                group by click_day
                order by click_day""")
                .params(offerId, from, to)
                .query((rs, row) -> new ClickRollups.Day(rs.getObject("click_day", LocalDate.class), rs.getLong("clicks"),
                        rs.getLong("unique_clicks"), rs.getLong("bot_clicks")))
                .list();
    }

    List<ClickRollups.MemberCounts> offerMembers(UUID offerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select member_id, sum(clicks) as clicks, sum(unique_clicks) as unique_clicks,
                    sum(bot_clicks) as bot_clicks
                from click_daily
                where offer_id = ? and click_day between ? and ?
                group by member_id
                order by member_id""")
                .params(offerId, from, to)
                .query((rs, row) -> new ClickRollups.MemberCounts(rs.getObject("member_id", UUID.class),
                        rs.getLong("clicks"), rs.getLong("unique_clicks"), rs.getLong("bot_clicks")))
                .list();
    }

    List<ClickRollups.Day> linkDays(UUID assignmentId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select click_day, clicks, unique_clicks, bot_clicks from click_daily
                where assignment_id = ? and click_day between ? and ?
                order by click_day""")
                .params(assignmentId, from, to)
                .query((rs, row) -> new ClickRollups.Day(rs.getObject("click_day", LocalDate.class), rs.getLong("clicks"),
                        rs.getLong("unique_clicks"), rs.getLong("bot_clicks")))
                .list();
    }
}
