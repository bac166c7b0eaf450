package io.linkledger.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** Sends ({@code email_sends}), how their emails stand, and their resends ({@code email_resends}). */
@Repository
class SendRepository {

    /** A send with its emails counted by status. */
    private static final String WITH_COUNTS = """
            select s.id, s.offer_id, s.project_id, s.kind, s.subject, s.total, s.job_id, s.sent_by, s.created_at,
                coalesce(sum(case when o.status = 'QUEUED' then 1 else 0 end), 0) as queued,
                coalesce(sum(case when o.status = 'SENDING' then 1 else 0 end), 0) as sending,
                coalesce(sum(case when o.status = 'SENT' then 1 else 0 end), 0) as sent,
                coalesce(sum(case when o.status = 'FAILED' then 1 else 0 end), 0) as failed
            from email_sends s left join email_outbox o on o.send_id = s.id
            """;
    private static final String GROUP = """
             group by s.id, s.offer_id, s.project_id, s.kind, s.subject, s.total, s.job_id, s.sent_by, s.created_at
            """;

    private final JdbcClient jdbc;

    SendRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewSend(UUID id, UUID brandId, UUID offerId, UUID projectId, TemplateKind kind, String subject, int total,
            String sentBy) {
    }

    /** Throws {@code DuplicateKeyException} when a send with this id exists. */
    void insert(NewSend send, Instant now) {
        jdbc.sql("""
                insert into email_sends (id, brand_id, offer_id, project_id, kind, subject, total, sent_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(send.id(), send.brandId(), send.offerId(), send.projectId(), send.kind().name(),
                        send.subject(), send.total(), send.sentBy(), Sql.ts(now))
                .update();
    }

    void started(UUID sendId, UUID jobId) {
        jdbc.sql("update email_sends set job_id = ? where id = ?").params(jobId, sendId).update();
    }

    Optional<EmailSend> find(UUID brandId, UUID sendId) {
        return jdbc.sql(WITH_COUNTS + "where s.brand_id = ? and s.id = ?" + GROUP)
                .params(brandId, sendId)
                .query(this::send)
                .optional();
    }

    /** A brand's sends for one offer, or from one project (the other null), newest first. */
    List<EmailSend> list(UUID brandId, UUID offerId, UUID projectId, int limit, int offset) {
        return jdbc.sql(WITH_COUNTS + "where s.brand_id = :brand" + scope(offerId, projectId) + GROUP
                        + "order by s.created_at desc, s.id limit :limit offset :offset")
                .param("brand", brandId)
                .param("offer", offerId)
                .param("project", projectId)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::send)
                .list();
    }

    long count(UUID brandId, UUID offerId, UUID projectId) {
        return jdbc.sql("select count(*) from email_sends s where s.brand_id = :brand" + scope(offerId, projectId))
                .param("brand", brandId)
                .param("offer", offerId)
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    private static String scope(UUID offerId, UUID projectId) {
        return (offerId == null ? "" : " and s.offer_id = :offer") + (projectId == null ? "" : " and s.project_id = :project");
    }

    /** Throws {@code DuplicateKeyException} when this key was used before. */
    void insertResend(UUID key, UUID sendId, Instant now) {
        jdbc.sql("insert into email_resends (id, send_id, requeued, created_at) values (?, ?, 0, ?)")
                .params(key, sendId, Sql.ts(now))
                .update();
    }

    void resent(UUID key, int requeued) {
        jdbc.sql("update email_resends set requeued = ? where id = ?").params(requeued, key).update();
    }

    record ResendRow(UUID sendId, int requeued, Instant at) {
    }

    Optional<ResendRow> findResend(UUID key) {
        return jdbc.sql("select send_id, requeued, created_at from email_resends where id = ?")
                .param(key)
                .query((rs, n) -> new ResendRow(Sql.uuid(rs, "send_id"), rs.getInt("requeued"),
                        Sql.instant(rs, "created_at")))
                .optional();
    }

    List<Resend> resends(UUID sendId) {
        return jdbc.sql("select requeued, created_at from email_resends where send_id = ? order by created_at desc")
                .param(sendId)
                .query((rs, n) -> new Resend(rs.getInt("requeued"), Sql.instant(rs, "created_at"), false))
                .list();
    }

    private EmailSend send(ResultSet rs, int row) throws SQLException {
        return new EmailSend(Sql.uuid(rs, "id"), Sql.uuid(rs, "offer_id"), Sql.uuid(rs, "project_id"),
                TemplateKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getInt("total"),
                Sql.uuid(rs, "job_id"), rs.getString("sent_by"), Sql.instant(rs, "created_at"),
                new DeliveryCounts(rs.getInt("queued"), rs.getInt("sending"), rs.getInt("sent"), rs.getInt("failed")));
    }
}
