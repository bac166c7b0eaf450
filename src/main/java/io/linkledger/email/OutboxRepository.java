package io.linkledger.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OutboxRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    record Row(UUID id, OutgoingEmail email) {
    }

    void insertAll(List<Row> rows, Instant now) {
        batch.batchUpdate("""
                insert into email_outbox (id, brand_id, member_id, category, to_address, subject, body_html, body_text,
                    status, attempts, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""", rows, 500, (ps, row) -> {
            OutgoingEmail e = row.email();
            ps.setObject(1, row.id());
            ps.setObject(2, e.brandId());
            ps.setObject(3, e.memberId());
            ps.setString(4, e.category());
            ps.setString(5, e.to());
            ps.setString(6, e.subject());
            ps.setString(7, e.html());
            ps.setString(8, e.text());
            ps.setObject(9, Sql.ts(now));
            ps.setObject(10, Sql.ts(now));
        });
    }
}
