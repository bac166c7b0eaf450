package io.linkledger.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

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

    /** Which messages of a brand's delivery log: any of the criteria may be null. */
    record Filter(UUID memberId, EmailStatus status, UUID sendId) {
    }

    void insertAll(UUID sendId, List<Row> rows, Instant now) {
        batch.batchUpdate("""
                insert into email_outbox (id, brand_id, member_id, category, to_address, subject, body_html, body_text,
                    status, attempts, created_at, next_attempt_at, send_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?, ?)""", rows, 500, (ps, row) -> {
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
            ps.setObject(11, sendId);
        });
    }

    /**
     * Claims up to {@code limit} due messages for this worker. The conditional update makes a
     * message go to one worker only, even with several nodes polling the same table.
     */
    List<OutboxMessage> claimDue(Instant now, int limit) {
        List<UUID> due = jdbc.sql("""
                select id from email_outbox where status = 'QUEUED' and next_attempt_at <= ?
                order by next_attempt_at limit ?""")
                .params(Sql.ts(now), limit)
                .query(UUID.class)
                .list();
        return due.stream()
                .filter(id -> jdbc.sql("""
                        update email_outbox set status = 'SENDING', claimed_at = ? where id = ? and status = 'QUEUED'""")
                        .params(Sql.ts(now), id).update() == 1)
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    void markSent(UUID id, int attempts, Instant now) {
        jdbc.sql("update email_outbox set status = 'SENT', attempts = ?, sent_at = ?, last_error = null where id = ?")
                .params(attempts, Sql.ts(now), id)
                .update();
    }

    void markFailedAttempt(UUID id, EmailStatus status, int attempts, String error, Instant nextAttempt) {
        jdbc.sql("update email_outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                .params(status.name(), attempts, error, Sql.ts(nextAttempt), id)
                .update();
    }

    /** Rewrites the stored bodies of a message, e.g. to take a secret out of them. */
    void rewriteBodies(UUID id, UnaryOperator<String> rewrite) {
        find(id).ifPresent(message -> jdbc.sql("update email_outbox set body_html = ?, body_text = ? where id = ?")
                .params(rewrite.apply(message.html()), rewrite.apply(message.text()), id)
                .update());
    }

    /** Messages a crashed worker claimed but never finished go back in the queue. */
    int releaseStale(Instant claimedBefore) {
        return jdbc.sql("update email_outbox set status = 'QUEUED' where status = 'SENDING' and claimed_at < ?")
                .param(Sql.ts(claimedBefore))
                .update();
    }

    long countQueued() {
        return jdbc.sql("select count(*) from email_outbox where status = 'QUEUED'").query(Long.class).single();
    }

    Optional<OutboxMessage> find(UUID id) {
        return jdbc.sql("select * from email_outbox where id = ?").param(id).query(this::message).optional();
    }

    /** A brand's delivery log, newest first. */
    List<OutboxMessage> list(UUID brandId, Filter filter, int limit, int offset) {
        return filtered(jdbc.sql("select * from email_outbox where brand_id = :brand" + where(filter)
                        + " order by created_at desc, id limit :limit offset :offset"), brandId, filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::message)
                .list();
    }

    /** One send's messages in a stable order (by address), so a refreshed page keeps its rows in place. */
    List<OutboxMessage> ofSend(UUID brandId, Filter filter, int limit, int offset) {
        return filtered(jdbc.sql("select * from email_outbox where brand_id = :brand" + where(filter)
                        + " order by to_address, id limit :limit offset :offset"), brandId, filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::message)
                .list();
    }

    long count(UUID brandId, Filter filter) {
        return filtered(jdbc.sql("select count(*) from email_outbox where brand_id = :brand" + where(filter)),
                brandId, filter)
                .query(Long.class)
                .single();
    }

    /** A send's failed messages go back in the queue, due now, with a fresh set of attempts. */
    int requeueFailed(UUID sendId, Instant now) {
        return jdbc.sql("""
                update email_outbox set status = 'QUEUED', attempts = 0, next_attempt_at = ?
                where send_id = ? and status = 'FAILED'""")
                .params(Sql.ts(now), sendId)
                .update();
    }

    private static String where(Filter filter) {
        return (filter.memberId() == null ? "" : " and member_id = :member")
                + (filter.status() == null ? "" : " and status = :status")
                + (filter.sendId() == null ? "" : " and send_id = :send");
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, UUID brandId, Filter filter) {
        return sql.param("brand", brandId)
                .param("member", filter.memberId())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("send", filter.sendId());
    }

    private OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(Sql.uuid(rs, "id"), Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "member_id"),
                rs.getString("category"), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body_html"), rs.getString("body_text"), EmailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "sent_at"), Sql.uuid(rs, "send_id"));
    }
}
