package io.linkledger.ledger;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** Webhook events of payment providers, kept once per (provider, event id). */
@Repository
class ProviderEventRepository {

    private final JdbcClient jdbc;

    ProviderEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Received(String eventId, String eventType, String payload) {
    }

    /** Keeps the event; false when it was received before (a redelivery). */
    boolean insert(String provider, String eventId, String eventType, String payload, Instant now) {
        return jdbc.sql("""
                insert into provider_events (provider, event_id, event_type, payload, received_at)
                values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(provider, eventId, eventType, payload, Sql.ts(now))
                .update() == 1;
    }

    void processed(String provider, String eventId, String outcome, Instant now) {
        jdbc.sql("update provider_events set processed_at = ?, outcome = ? where provider = ? and event_id = ?")
                .params(Sql.ts(now), outcome == null || outcome.length() <= 300 ? outcome : outcome.substring(0, 300),
                        provider, eventId)
                .update();
    }

    /** Events kept but not applied (processing failed), oldest first. */
    List<Received> unprocessed(String provider, Instant receivedBefore, int limit) {
        return jdbc.sql("""
                select event_id, event_type, payload from provider_events
                where provider = ? and processed_at is null and received_at < ?
                order by received_at limit ?""")
                .params(provider, Sql.ts(receivedBefore), limit)
                .query((rs, row) -> new Received(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("payload")))
                .list();
    }
}
