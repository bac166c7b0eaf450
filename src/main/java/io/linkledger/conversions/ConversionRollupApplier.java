package io.linkledger.conversions;

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
 * The only writer of the conversion rollup tables (V41, V65): queues what
 * {@link ConversionRollupWriter} hands over in {@code conversion_rollup_queue} and adds it to
 * {@code conversion_link_totals}, {@code conversion_daily} and {@code conversion_offer_daily} after
 * the conversions' transaction committed (how, why and how it stays exact: {@link RollupApplier}).
 * A link's rows are kept per currency.
 */
@Component
class ConversionRollupApplier extends RollupApplier<ConversionDelta.Link, ConversionDelta> {

    private static final String QUEUE = """
            insert into conversion_rollup_queue (assignment_id, conversion_day, currency, brand_id, offer_id,
                member_id, live, conversions, sales_minor, commission_minor, pending_commission_minor,
                approved_commission_minor, paid_commission_minor)
            values (:assignmentId, :conversionDay, :currency, :brandId, :offerId, :memberId, :live, :conversions,
                :salesMinor, :commissionMinor, :pendingCommissionMinor, :approvedCommissionMinor,
                :paidCommissionMinor)""";

    private static final String ANY_QUEUED = "select id from conversion_rollup_queue limit 1";

    private static final String LOCK_QUEUED = """
            select id, assignment_id, conversion_day, currency, brand_id, offer_id, member_id, live, conversions,
                sales_minor, commission_minor, pending_commission_minor, approved_commission_minor,
                paid_commission_minor
            from conversion_rollup_queue
            order by id
            limit :limit
            for update""";

    private static final String DELETE_QUEUED = "delete from conversion_rollup_queue where id = :id";

    private static final String CREATE_LINK_TOTALS = """
            insert into conversion_link_totals (assignment_id, currency, brand_id, offer_id, member_id, first_day,
                last_day)
            values (:assignmentId, :currency, :brandId, :offerId, :memberId, :conversionDay, :conversionDay)
            on conflict do nothing""";

    private static final String ADD_TO_LINK_TOTALS = """
            update conversion_link_totals
            set live = live + :live, conversions = conversions + :conversions,
                sales_minor = sales_minor + :salesMinor, commission_minor = commission_minor + :commissionMinor,
                pending_commission_minor = pending_commission_minor + :pendingCommissionMinor,
                approved_commission_minor = approved_commission_minor + :approvedCommissionMinor,
                paid_commission_minor = paid_commission_minor + :paidCommissionMinor,
                first_day = least(first_day, :conversionDay), last_day = greatest(last_day, :conversionDay)
            where assignment_id = :assignmentId and currency = :currency""";

    private static final String SEED_LINK_DAY = """
            insert into conversion_daily (assignment_id, conversion_day, currency, brand_id, offer_id, member_id,
                run_live, run_conversions, run_sales_minor, run_commission_minor)
            select :assignmentId, :conversionDay, :currency, :brandId, :offerId, :memberId,
                coalesce(sum(p.run_live), 0), coalesce(sum(p.run_conversions), 0), coalesce(sum(p.run_sales_minor), 0),
                coalesce(sum(p.run_commission_minor), 0)
            from conversion_daily p
            where p.assignment_id = :assignmentId and p.currency = :currency and p.conversion_day = (
                select max(q.conversion_day) from conversion_daily q
                where q.assignment_id = :assignmentId and q.currency = :currency
                    and q.conversion_day < :conversionDay)
            on conflict do nothing""";

    private static final String ADD_TO_LINK_DAYS = """
            update conversion_daily set
                live = live + case when conversion_day = :conversionDay then :live else 0 end,
                conversions = conversions + case when conversion_day = :conversionDay then :conversions else 0 end,
                sales_minor = sales_minor + case when conversion_day = :conversionDay then :salesMinor else 0 end,
                commission_minor = commission_minor
                    + case when conversion_day = :conversionDay then :commissionMinor else 0 end,
                run_live = run_live + :live,
                run_conversions = run_conversions + :conversions,
                run_sales_minor = run_sales_minor + :salesMinor,
                run_commission_minor = run_commission_minor + :commissionMinor
            where assignment_id = :assignmentId and currency = :currency and conversion_day >= :conversionDay""";

    private static final String CREATE_OFFER_DAY = """
            insert into conversion_offer_daily (offer_id, conversion_day, brand_id)
            values (:offerId, :conversionDay, :brandId)
            on conflict do nothing""";

    private static final String ADD_TO_OFFER_DAY = """
            update conversion_offer_daily
            set live = live + :live, conversions = conversions + :conversions,
                sales_minor = sales_minor + :salesMinor, commission_minor = commission_minor + :commissionMinor
            where offer_id = :offerId and conversion_day = :conversionDay""";

    ConversionRollupApplier(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
            @Value("${linkledger.conversions.rollup-interval:1s}") Duration interval,
            @Value("${linkledger.conversions.rollup-pause:200ms}") Duration pause) {
        super("conversions", new Statements(QUEUE, ANY_QUEUED, LOCK_QUEUED, DELETE_QUEUED, CREATE_LINK_TOTALS,
                ADD_TO_LINK_TOTALS, SEED_LINK_DAY, ADD_TO_LINK_DAYS, CREATE_OFFER_DAY, ADD_TO_OFFER_DAY),
                ConversionRollupApplier::queued, jdbc, transactions, interval, pause);
    }

    private static ConversionDelta queued(ResultSet rs, int row) throws SQLException {
        return new ConversionDelta(rs.getObject("assignment_id", UUID.class),
                rs.getObject("conversion_day", LocalDate.class), rs.getString("currency"),
                rs.getObject("brand_id", UUID.class), rs.getObject("offer_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getLong("live"), rs.getLong("conversions"),
                rs.getLong("sales_minor"), rs.getLong("commission_minor"), rs.getLong("pending_commission_minor"),
                rs.getLong("approved_commission_minor"), rs.getLong("paid_commission_minor"));
    }
}
