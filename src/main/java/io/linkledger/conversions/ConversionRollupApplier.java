package io.linkledger.conversions;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

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
 * The only writer of the conversion rollup tables (V41, V65): adds the deltas
 * {@link ConversionRollupWriter} queued to {@code conversion_link_totals}, {@code conversion_daily}
 * and {@code conversion_offer_daily} after the conversions' transactions committed (why, and how
 * it stays exact: {@link RollupApplier}).
 */
@Component
class ConversionRollupApplier extends RollupApplier<ConversionDelta.Link, ConversionDelta> {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ConversionRollupApplier(JdbcClient jdbc, NamedParameterJdbcTemplate batch, TransactionTemplate transactions,
            @Value("${linkledger.conversions.rollup-interval:1s}") Duration interval) {
        super("conversions", transactions, interval);
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    protected boolean anyQueued() {
        return !jdbc.sql("select id from conversion_rollup_queue limit 1").query(Long.class).list().isEmpty();
    }

    @Override
    protected List<Queued<ConversionDelta>> lockQueued(int limit) {
        return jdbc.sql("""
                select id, assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live, conversions,
                    sales_minor, commission_minor, pending_commission_minor, approved_commission_minor,
                    paid_commission_minor
                from conversion_rollup_queue
                order by id
                limit ?
                for update""")
                .param(limit)
                .query((rs, row) -> new Queued<>(rs.getLong("id"), new ConversionDelta(Sql.uuid(rs, "assignment_id"),
                        rs.getObject("conversion_day", LocalDate.class), rs.getString("currency").trim(),
                        Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("live"), rs.getLong("conversions"), rs.getLong("sales_minor"),
                        rs.getLong("commission_minor"), rs.getLong("pending_commission_minor"),
                        rs.getLong("approved_commission_minor"), rs.getLong("paid_commission_minor"))))
                .list();
    }

    @Override
    protected void deleteQueued(List<Queued<ConversionDelta>> rows) {
        batch.batchUpdate("delete from conversion_rollup_queue where id = :id", rows.stream()
                .map(row -> new MapSqlParameterSource("id", row.id())).toArray(SqlParameterSource[]::new));
    }

    @Override
    protected void addToLinkTotals(List<LinkSpan<ConversionDelta>> links) {
        SqlParameterSource[] rows = links.stream().map(span -> params(span.sum())
                .addValue("first", span.firstDay()).addValue("last", span.lastDay())).toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into conversion_link_totals (assignment_id, currency, brand_id, offer_id, member_id, first_day,
                    last_day)
                values (:link, :currency, :brand, :offer, :member, :first, :last)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update conversion_link_totals
                set live = live + :live, conversions = conversions + :conversions, sales_minor = sales_minor + :sales,
                    commission_minor = commission_minor + :commission,
                    pending_commission_minor = pending_commission_minor + :pending,
                    approved_commission_minor = approved_commission_minor + :approved,
                    paid_commission_minor = paid_commission_minor + :paid,
                    first_day = least(first_day, :first), last_day = greatest(last_day, :last)
                where assignment_id = :link and currency = :currency""", rows);
    }

    @Override
    protected void addToLinkDays(List<ConversionDelta> days) {
        SqlParameterSource[] rows = days.stream().map(ConversionRollupApplier::params)
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id,
                    run_live, run_conversions, run_sales_minor, run_commission_minor)
                select :link, :day, :currency, :brand, :offer, :member, coalesce(sum(p.run_live), 0),
                    coalesce(sum(p.run_conversions), 0), coalesce(sum(p.run_sales_minor), 0),
                    coalesce(sum(p.run_commission_minor), 0)
                from conversion_daily p
                where p.assignment_id = :link and p.currency = :currency and p.conversion_day = (
                    select max(q.conversion_day) from conversion_daily q
                    where q.assignment_id = :link and q.currency = :currency and q.conversion_day < :day)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update conversion_daily set
                    live = live + case when conversion_day = :day then :live else 0 end,
                    conversions = conversions + case when conversion_day = :day then :conversions else 0 end,
                    sales_minor = sales_minor + case when conversion_day = :day then :sales else 0 end,
                    commission_minor = commission_minor + case when conversion_day = :day then :commission else 0 end,
                    run_live = run_live + :live,
                    run_conversions = run_conversions + :conversions,
                    run_sales_minor = run_sales_minor + :sales,
                    run_commission_minor = run_commission_minor + :commission
                where assignment_id = :link and currency = :currency and conversion_day >= :day""", rows);
    }

    @Override
    protected void addToOfferDays(List<ConversionDelta> days) {
        SqlParameterSource[] rows = days.stream().map(ConversionRollupApplier::params)
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into conversion_offer_daily (offer_id, conversion_day, brand_id)
                values (:offer, :day, :brand)
                on conflict do nothing""", rows);
        batch.batchUpdate("""
                update conversion_offer_daily
                set live = live + :live, conversions = conversions + :conversions, sales_minor = sales_minor + :sales,
                    commission_minor = commission_minor + :commission
                where offer_id = :offer and conversion_day = :day""", rows);
    }

    private static MapSqlParameterSource params(ConversionDelta d) {
        return new MapSqlParameterSource()
                .addValue("link", d.assignmentId())
                .addValue("day", d.day())
                .addValue("currency", d.currency())
                .addValue("brand", d.brandId())
                .addValue("offer", d.offerId())
                .addValue("member", d.memberId())
                .addValue("live", d.live())
                .addValue("conversions", d.conversions())
                .addValue("sales", d.sales())
                .addValue("commission", d.commission())
                .addValue("pending", d.pending())
                .addValue("approved", d.approved())
                .addValue("paid", d.paid());
    }
}
