package io.linkledger.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    List<Clicks.ClickCount> uniqueHumanClicks(UUID offerId, Instant from, Instant to) {
        return jdbc.sql("""
                select assignment_id, member_id, count(*) as clicks from clicks
                where offer_id = ? and clicked_at >= ? and clicked_at < ? and is_bot = false and is_unique = true
                group by assignment_id, member_id""")
                .params(offerId, Sql.ts(from), Sql.ts(to))
                .query((rs, row) -> new Clicks.ClickCount(Sql.uuid(rs, "assignment_id"), Sql.uuid(rs, "member_id"),
                        rs.getLong("clicks")))
                .list();
    }
}
