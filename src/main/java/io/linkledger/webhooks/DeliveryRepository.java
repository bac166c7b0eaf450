package io.linkledger.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.linkledger.shared.Sql;

@Repository
class DeliveryRepository {

    private static final String COLUMNS = """
            id, endpoint_id, brand_id, event_id, event_type, payload, status, attempts, created_at, next_attempt_at,
            last_attempt_at, last_status_code, last_latency_ms, last_error, delivered_at, replay_of""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What one attempt saw: a response code (null when none came), the time it took and an error, if any. */
    record Attempt(Integer statusCode, long latencyMs, String error, Instant at) {
    }

    void insertAll(List<Delivery> deliveries) {
        batch.batchUpdate("""
                insert into webhook_deliveries (id, endpoint_id, brand_id, event_id, event_type, payload, status, attempts,
                    created_at, next_attempt_at, replay_of)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", deliveries, 500, (ps, d) -> {
            ps.setObject(1, d.id());
            ps.setObject(2, d.endpointId());
            ps.setObject(3, d.brandId());
            ps.setObject(4, d.eventId());
            ps.setString(5, d.event().type());
            ps.setString(6, d.payload());
            ps.setString(7, d.status().name());
            ps.setObject(8, Sql.ts(d.createdAt()));
            ps.setObject(9, Sql.ts(d.nextAttemptAt()));
            ps.setObject(10, d.replayOf());
        });
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints for this worker. The rows are
     * locked while they are claimed and other nodes skip them, so each goes to one worker only;
     * a claim left by a node that died is released by {@link #releaseStale}.
     */
    @Transactional
    List<Delivery> claimDue(Instant now, int limit) {
        List<UUID> due = jdbc.sql("""
                select d.id from webhook_deliveries d
                where d.status = 'QUEUED' and d.next_attempt_at <= ?
                  and d.endpoint_id in (select e.id from webhook_endpoints e where e.enabled = true)
                order by d.next_attempt_at
                limit ?
                for update skip locked""")
                .params(Sql.ts(now), limit)
                .query(UUID.class)
                .list();
        due.forEach(id -> jdbc.sql("update webhook_deliveries set status = 'SENDING', claimed_at = ? where id = ?")
                .params(Sql.ts(now), id).update());
        return due.stream().map(id -> find(id).orElseThrow()).toList();
    }

    void releaseStale(Instant claimedBefore) {
        jdbc.sql("update webhook_deliveries set status = 'QUEUED' where status = 'SENDING' and claimed_at < ?")
                .param(Sql.ts(claimedBefore)).update();
    }

    void delivered(UUID id, Attempt attempt) {
        jdbc.sql("""
                update webhook_deliveries set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
                    last_status_code = ?, last_latency_ms = ?, last_error = null, delivered_at = ?, next_attempt_at = null
                where id = ? and status = 'SENDING'""")
                .params(Sql.ts(attempt.at()), attempt.statusCode(), attempt.latencyMs(), Sql.ts(attempt.at()), id)
                .update();
    }

    /** A failed attempt: QUEUED again for {@code nextAttempt}, or FAILED (next attempt null) when given up. */
    void failed(UUID id, Attempt attempt, Instant nextAttempt) {
        jdbc.sql("""
                update webhook_deliveries set status = ?, attempts = attempts + 1, last_attempt_at = ?,
                    last_status_code = ?, last_latency_ms = ?, last_error = ?, next_attempt_at = ?
                where id = ? and status = 'SENDING'""")
                .params(nextAttempt == null ? DeliveryStatus.FAILED.name() : DeliveryStatus.QUEUED.name(),
                        Sql.ts(attempt.at()), attempt.statusCode(), attempt.latencyMs(), attempt.error(),
                        Sql.ts(nextAttempt), id)
                .update();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = ?").param(id)
                .query(DeliveryRepository::map).optional();
    }

    /** An endpoint's deliveries, newest first. */
    List<Delivery> list(UUID endpointId, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + """
                 from webhook_deliveries where endpoint_id = ?
                order by created_at desc, id desc limit ? offset ?""")
                .params(endpointId, limit, offset)
                .query(DeliveryRepository::map)
                .list();
    }

    long count(UUID endpointId) {
        return jdbc.sql("select count(*) from webhook_deliveries where endpoint_id = ?").param(endpointId)
                .query(Long.class).single();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Long code = Sql.longOrNull(rs, "last_status_code");
        return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "endpoint_id"), Sql.uuid(rs, "brand_id"),
                Sql.uuid(rs, "event_id"), WebhookEvent.parse(rs.getString("event_type")).orElseThrow(),
                rs.getString("payload"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "last_attempt_at"),
                code == null ? null : code.intValue(), Sql.longOrNull(rs, "last_latency_ms"),
                rs.getString("last_error"), Sql.instant(rs, "delivered_at"), Sql.uuid(rs, "replay_of"));
    }
}
