package io.linkledger.conversions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.conversions.InboundRequest.Handling;
import io.linkledger.conversions.InboundRequest.Outcome;
import io.linkledger.shared.Sql;

@Repository
class InboundRepository {

    private static final String COLUMNS = """
            id, integration_id, brand_id, received_at, method, query, headers, body, body_truncated, remote_ip,
            webhook_id, outcome, status_code, reason, conversion_id, attempts, processed_at""";

    private static final String INSERT = "insert into inbound_requests (" + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InboundRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(InboundRequest r) {
        jdbc.sql(INSERT).params(values(r)).update();
    }

    /** Inserts requests in one batch, each already with its outcome (they commit together with it). */
    void insertAll(List<InboundRequest> requests) {
        batch.batchUpdate(INSERT, requests.stream().map(InboundRepository::values).toList());
    }

    private static Object[] values(InboundRequest r) {
        Handling h = r.handling();
        Inbound in = r.inbound();
        return new Object[] {r.id(), r.integrationId(), r.brandId(), Sql.ts(r.receivedAt()), in.method(),
            cut(in.query(), 8000), cut(in.headerText(), 4000), storable(in.body()), in.bodyTruncated(),
            cut(in.remoteIp(), 64), cut(r.webhookId(), 100), h.outcome().name(), h.statusCode(), cut(h.reason(), 2000),
            h.conversionId(), h.attempts(), Sql.ts(h.processedAt())};
    }

    /** Records what became of a stored request. */
    void finish(InboundRequest r) {
        Handling h = r.handling();
        jdbc.sql("""
                update inbound_requests set outcome = ?, status_code = ?, reason = ?, conversion_id = ?,
                    attempts = ?, processed_at = ?
                where id = ?""")
                .params(h.outcome().name(), h.statusCode(), cut(h.reason(), 2000), h.conversionId(), h.attempts(),
                        Sql.ts(h.processedAt()), r.id())
                .update();
    }

    Optional<InboundRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from inbound_requests where id = ?").param(id).query(this::row).optional();
    }

    List<InboundRequest> recent(UUID integrationId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from inbound_requests where integration_id = ? order by received_at desc, id desc limit ?")
                .params(integrationId, limit)
                .query(this::row)
                .list();
    }

    /** An earlier, successfully handled delivery with this webhook id. */
    Optional<InboundRequest> handledDelivery(UUID integrationId, String webhookId, UUID except) {
        return jdbc.sql("select " + COLUMNS + " from inbound_requests where integration_id = ? and webhook_id = ?"
                        + " and id <> ? and outcome in ('ACCEPTED', 'DUPLICATE', 'IGNORED') order by received_at limit 1")
                .params(integrationId, webhookId, except)
                .query(this::row)
                .optional();
    }

    /**
     * Deletes up to {@code limit} of the oldest requests received before {@code cutoff}, so one
     * statement never holds many rows; returns how many it deleted.
     */
    int deleteReceivedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                delete from inbound_requests where id in (
                    select id from inbound_requests where received_at < ? order by received_at limit ?)""")
                .params(Sql.ts(cutoff), limit)
                .update();
    }

    /** At most {@code max} characters, storable as text (see {@link #storable}). */
    private static String cut(String text, int max) {
        return storable(text == null || text.length() <= max ? text : text.substring(0, max));
    }

    /** PostgreSQL text cannot hold NUL: a NUL a caller sent is kept as U+FFFD. */
    private static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private InboundRequest row(ResultSet rs, int n) throws SQLException {
        Inbound inbound = new Inbound(rs.getString("method"), rs.getString("query"),
                Inbound.parseHeaders(rs.getString("headers")), rs.getString("body"), rs.getString("remote_ip"),
                rs.getBoolean("body_truncated"));
        int status = rs.getInt("status_code");
        Handling handling = new Handling(Outcome.valueOf(rs.getString("outcome")), rs.wasNull() ? null : status,
                rs.getString("reason"), Sql.uuid(rs, "conversion_id"), rs.getInt("attempts"),
                Sql.instant(rs, "processed_at"));
        return new InboundRequest(Sql.uuid(rs, "id"), Sql.uuid(rs, "integration_id"), Sql.uuid(rs, "brand_id"),
                Sql.instant(rs, "received_at"), inbound, rs.getString("webhook_id"), handling);
    }
}
