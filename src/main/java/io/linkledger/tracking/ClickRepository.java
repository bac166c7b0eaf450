package io.linkledger.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.offers.PayoutType;
import io.linkledger.shared.Money;
import io.linkledger.shared.Sql;

@Repository
class ClickRepository {

    private final JdbcClient jdbc;

    ClickRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Click> findByTransactionId(String transactionId) {
        return jdbc.sql("""
                select transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
                    visitor_key, user_agent, referrer, is_bot, is_unique
                from clicks where transaction_id = ?""")
                .param(transactionId)
                .query(this::click)
                .optional();
    }

    private Click click(ResultSet rs, int row) throws SQLException {
        return new Click(rs.getString("transaction_id"), Sql.instant(rs, "clicked_at"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "member_id"), Sql.uuid(rs, "project_id"),
                Sql.uuid(rs, "assignment_id"), rs.getString("visitor_key"), rs.getString("user_agent"),
                rs.getString("referrer"), rs.getBoolean("is_bot"), rs.getBoolean("is_unique"));
    }

    /** From the daily rollup, whose unique clicks are human ones only. */
    List<Clicks.ClickCount> uniqueHumanClicks(UUID offerId, LocalDate day) {
        return jdbc.sql("""
                select assignment_id, member_id, unique_clicks from click_daily
                where offer_id = ? and click_day = ? and unique_clicks > 0""")
                .params(offerId, day)
                .query((rs, row) -> new Clicks.ClickCount(Sql.uuid(rs, "assignment_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("unique_clicks")))
                .list();
    }

    private static final String WITH_ASSIGNMENT = """
            select c.transaction_id, c.clicked_at, c.brand_id, c.offer_id, c.member_id, c.project_id,
                c.assignment_id, c.visitor_key, c.user_agent, c.referrer, c.is_bot, c.is_unique,
                om.project_id as om_project_id, om.link_code, om.promo_code, om.dashboard_token, om.payout_id,
                om.override_type, om.override_amount_minor, om.override_percent, om.created_at, om.updated_at,
                o.currency
            from clicks c
            join offer_members om on om.id = c.assignment_id
            join offers o on o.id = om.offer_id
            """;

    Optional<Clicks.AttributedClick> findWithAssignment(String transactionId) {
        return jdbc.sql(WITH_ASSIGNMENT + "where c.transaction_id = ?")
                .param(transactionId)
                .query(this::attributedClick)
                .optional();
    }

    /** The clicks among these transaction ids, with their assignments, in one query. */
    List<Clicks.AttributedClick> findWithAssignments(Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(WITH_ASSIGNMENT + "where c.transaction_id in (:ids)")
                .param("ids", transactionIds)
                .query(this::attributedClick)
                .list();
    }

    private Clicks.AttributedClick attributedClick(ResultSet rs, int row) throws SQLException {
        Click click = click(rs, row);
        String overrideType = rs.getString("override_type");
        CommissionOverride override = null;
        if (overrideType != null) {
            Long minor = Sql.longOrNull(rs, "override_amount_minor");
            Currency currency = Currency.getInstance(rs.getString("currency").trim());
            override = new CommissionOverride(PayoutType.valueOf(overrideType),
                    minor == null ? null : new Money(minor, currency), rs.getBigDecimal("override_percent"));
        }
        Assignment assignment = new Assignment(click.assignmentId(), click.brandId(), click.offerId(),
                click.memberId(), Sql.uuid(rs, "om_project_id"), rs.getString("link_code"),
                rs.getString("promo_code"), rs.getString("dashboard_token"), Sql.uuid(rs, "payout_id"),
                override, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
        return new Clicks.AttributedClick(click, assignment);
    }
}
