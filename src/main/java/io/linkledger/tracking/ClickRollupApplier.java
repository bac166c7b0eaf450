package io.linkledger.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.RollupApplier;

/**
 * The only writer of the click rollup tables (V40, V51, V65): queues what {@link ClickRollupWriter}
 * hands over in {@code click_rollup_queue} and adds it to {@code click_link_totals},
 * {@code click_daily} and {@code click_offer_daily} after the click batch committed (how, why and
 * how it stays exact: {@link RollupApplier}).
 */
@Component
class ClickRollupApplier extends RollupApplier<UUID, ClickDelta> {

    private static final String QUEUE = """
            insert into click_rollup_queue (assignment_id, click_day, brand_id, offer_id, member_id, clicks,
                unique_clicks, bot_clicks)
            values (:assignmentId, :clickDay, :brandId, :offerId, :memberId, :clicks, :uniqueClicks, :botClicks)""";

    private static final String ANY_QUEUED = "select id from click_rollup_queue limit 1";

    private static final String LOCK_QUEUED = """
            select id, assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks,
                bot_clicks
            from click_rollup_queue
            order by id
            limit :limit
            for update""";

    private static final String DELETE_QUEUED = "delete from click_rollup_queue where id = :id";

    private static final String CREATE_LINK_TOTALS = """
            insert into click_link_totals (assignment_id, brand_id, offer_id, member_id, first_day, last_day)
            values (:assignmentId, :brandId, :offerId, :memberId, :clickDay, :clickDay)
            on conflict do nothing""";

    private static final String ADD_TO_LINK_TOTALS = """
            update click_link_totals
            set clicks = clicks + :clicks, unique_clicks = unique_clicks + :uniqueClicks,
                bot_clicks = bot_clicks + :botClicks,
                first_day = least(first_day, :clickDay), last_day = greatest(last_day, :clickDay)
            where assignment_id = :assignmentId""";

    private static final String SEED_LINK_DAY = """
            insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, run_clicks,
                run_unique_clicks, run_bot_clicks)
            select :assignmentId, :clickDay, :brandId, :offerId, :memberId, coalesce(sum(p.run_clicks), 0),
                coalesce(sum(p.run_unique_clicks), 0), coalesce(sum(p.run_bot_clicks), 0)
            from click_daily p
            where p.assignment_id = :assignmentId and p.click_day = (
                select max(q.click_day) from click_daily q
                where q.assignment_id = :assignmentId and q.click_day < :clickDay)
            on conflict do nothing""";

    private static final String ADD_TO_LINK_DAYS = """
            update click_daily set
                clicks = clicks + case when click_day = :clickDay then :clicks else 0 end,
                unique_clicks = unique_clicks + case when click_day = :clickDay then :uniqueClicks else 0 end,
                bot_clicks = bot_clicks + case when click_day = :clickDay then :botClicks else 0 end,
                run_clicks = run_clicks + :clicks,
                run_unique_clicks = run_unique_clicks + :uniqueClicks,
                run_bot_clicks = run_bot_clicks + :botClicks
            where assignment_id = :assignmentId and click_day >= :clickDay""";

    private static final String CREATE_OFFER_DAY = """
            insert into click_offer_daily (offer_id, click_day, brand_id)
            values (:offerId, :clickDay, :brandId)
            on conflict do nothing""";

    private static final String ADD_TO_OFFER_DAY = """
            update click_offer_daily
            set clicks = clicks + :clicks, unique_clicks = unique_clicks + :uniqueClicks,
                bot_clicks = bot_clicks + :botClicks
            where offer_id = :offerId and click_day = :clickDay""";

    ClickRollupApplier(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
            @Value("${linkledger.tracking.rollup-interval:1s}") Duration interval,
            @Value("${linkledger.tracking.rollup-pause:200ms}") Duration pause) {
        super("clicks", new Statements(QUEUE, ANY_QUEUED, LOCK_QUEUED, DELETE_QUEUED, CREATE_LINK_TOTALS,
                ADD_TO_LINK_TOTALS, SEED_LINK_DAY, ADD_TO_LINK_DAYS, CREATE_OFFER_DAY, ADD_TO_OFFER_DAY),
                ClickRollupApplier::queued, jdbc, transactions, interval, pause);
    }

    private static ClickDelta queued(ResultSet rs, int row) throws SQLException {
        return new ClickDelta(rs.getObject("assignment_id", UUID.class), rs.getObject("click_day", LocalDate.class),
                rs.getObject("brand_id", UUID.class), rs.getObject("offer_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getLong("clicks"), rs.getLong("unique_clicks"),
                rs.getLong("bot_clicks"));
    }
}
