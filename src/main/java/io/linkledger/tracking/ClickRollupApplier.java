package io.linkledger.tracking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.linkledger.shared.RollupApplier;
import io.linkledger.shared.RollupDeltas.LinkSpan;
import io.linkledger.shared.Sql;

/**
 * The only writer of the click rollup tables (V40, V65): adds the deltas {@link ClickRollupWriter}
 * queued to {@code click_link_totals}, {@code click_daily} and {@code click_offer_daily} after the
 * click batches committed (why, and how it stays exact: {@link RollupApplier}).
 */
@Component
class ClickRollupApplier extends RollupApplier<UUID, ClickDelta> {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ClickRollupApplier(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transactions,
            @Value("${linkledger.tracking.rollup-interval:1s}") Duration interval) {
        super("clicks", transactions, interval);
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    protected boolean anyQueued() {
        return !jdbc.sql("select id from click_rollup_queue limit 1").query(Long.class).list().isEmpty();
    }

    @Override
    protected List<Queued<ClickDelta>> lockQueued(int limit) {
        return jdbc.sql("""
                select id, assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks
                from click_rollup_queue
                order by id
                limit ?
                for update""")
                .param(limit)
                .query((rs, row) -> new Queued<>(rs.getLong("id"), new ClickDelta(Sql.uuid(rs, "assignment_id"),
                        rs.getObject("click_day", LocalDate.class), Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "offer_id"),
                        Sql.uuid(rs, "member_id"), rs.getLong("clicks"), rs.getLong("unique_clicks"),
                        rs.getLong("bot_clicks"))))
                .list();
    }

    @Override
    protected void deleteQueued(List<Queued<ClickDelta>> rows) {
        batch.batchUpdate("delete from click_rollup_queue where id = :id", rows.stream()
                .map(row -> new MapSqlParameterSource("id", row.id())).toArray(SqlParameterSource[]::new));
    }

    @Override
    protected void addToLinkTotals(List<LinkSpan<ClickDelta>> links) {
        SqlParameterSource[] rows = links.stream().map(span -> params(span.sum())
                .addValue("first", span.firstDay()).addValue("last", span.lastDay())).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into click_link_totals (assignment_id, brand_id, offer_id, member_id, first_day, last_day)
                values (:link, :brand, :offer, :member, :first, :last)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update click_link_totals
                set clicks = clicks + :clicks, unique_clicks = unique_clicks + :unique, bot_clicks = bot_clicks + :bots,
                    first_day = least(first_day, :first), last_day = greatest(last_day, :last)
                where assignment_id = :link""", rows);
    }

    @Override
    protected void addToLinkDays(List<ClickDelta> days) {
        SqlParameterSource[] rows = days.stream().map(ClickRollupApplier::params).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, run_clicks,
                    run_unique_clicks, run_bot_clicks)
                select :link, :day, :brand, :offer, :member, coalesce(sum(p.run_clicks), 0),
                    coalesce(sum(p.run_unique_clicks), 0), coalesce(sum(p.run_bot_clicks), 0)
                from click_daily p
                where p.assignment_id = :link and p.click_day = (
                    select max(q.click_day) from click_daily q where q.assignment_id = :link and q.click_day < :day)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update click_daily set
                    clicks = clicks + case when click_day = :day then :clicks else 0 end,
                    unique_clicks = unique_clicks + case when click_day = :day then :unique else 0 end,
                    bot_clicks = bot_clicks + case when click_day = :day then :bots else 0 end,
                    run_clicks = run_clicks + :clicks,
                    run_unique_clicks = run_unique_clicks + :unique,
                    run_bot_clicks = run_bot_clicks + :bots
                where assignment_id = :link and click_day >= :day""", rows);
    }

    @Override
    protected void addToOfferDays(List<ClickDelta> days) {
        SqlParameterSource[] rows = days.stream().map(ClickRollupApplier::params).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into click_offer_daily (offer_id, click_day, brand_id)
                values (:offer, :day, :brand)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update click_offer_daily
                set clicks = clicks + :clicks, unique_clicks = unique_clicks + :unique, bot_clicks = bot_clicks + :bots
                where offer_id = :offer and click_day = :day""", rows);
    }

    private static MapSqlParameterSource params(ClickDelta d) {
        return new MapSqlParameterSource()
                .addValue("link", d.assignmentId())
                .addValue("day", d.day())
                .addValue("brand", d.brandId())
                .addValue("offer", d.offerId())
                .addValue("member", d.memberId())
                .addValue("clicks", d.clicks())
                .addValue("unique", d.uniqueClicks())
                .addValue("bots", d.botClicks());
    }
}
