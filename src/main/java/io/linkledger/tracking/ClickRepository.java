package io.linkledger.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class ClickRepository {

    private final JdbcClient jdbc;

    ClickRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select transaction_id, clicked_at, brand_id, offer_id, member_id, project_id, assignment_id,
                visitor_key, user_agent, referrer, is_bot, is_unique
            from clicks
            """;

    Optional<Click> findByTransactionId(String transactionId) {
        return jdbc.sql(SELECT + "where transaction_id = ?")
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

    /** The clicks among these transaction ids, in one query. */
    List<Click> findByTransactionIds(Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "where transaction_id in (:ids)")
                .param("ids", transactionIds)
                .query(this::click)
                .list();
    }
}
