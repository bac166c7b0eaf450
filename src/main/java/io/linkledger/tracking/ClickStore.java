package io.linkledger.tracking;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/**
 * The raw clicks: the redirect path's writes (one statement per click batch) and the one read it needs.
 * What the clicks add to the report rollups goes through {@link ClickRollupWriter}.
 */
@Repository
class ClickStore {

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;
    private final boolean postgres;

    ClickStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.postgres = Boolean.TRUE.equals(batch.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
    }

    /** Inserts the clicks in one statement: COPY on PostgreSQL, a batched insert elsewhere. Run inside the batch's transaction. */
    void insert(List<Click> clicks) {
        if (postgres) {
            batch.execute((ConnectionCallback<Void>) connection -> {
                ClickCopy.copy(connection, clicks);
                return null;
            });
            return;
        }
        batch.batchUpdate("""
                insert into clicks (transaction_id, clicked_at, brand_id, offer_id, member_id, project_id,
                    assignment_id, visitor_key, user_agent, referrer, is_bot, is_unique)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", clicks, clicks.size(), (ps, c) -> {
            ps.setString(1, c.transactionId());
            ps.setObject(2, Sql.ts(c.clickedAt()));
            ps.setObject(3, c.brandId());
            ps.setObject(4, c.offerId());
            ps.setObject(5, c.memberId());
            ps.setObject(6, c.projectId());
            ps.setObject(7, c.assignmentId());
            ps.setString(8, c.visitorKey());
            ps.setString(9, c.userAgent());
            ps.setString(10, c.referrer());
            ps.setBoolean(11, c.bot());
            ps.setBoolean(12, c.unique());
        });
    }

    /** When this visitor (under either of its keys) last made a unique click on the link, after {@code since}. */
    Optional<Instant> lastUniqueClick(UUID assignmentId, String visitorKey, String previousKey, Instant since) {
        return jdbc.sql("""
                select max(clicked_at) as last_unique from clicks
                where assignment_id = ? and visitor_key in (?, ?) and clicked_at > ? and is_unique""")
                .params(assignmentId, visitorKey, previousKey, Sql.ts(since))
                .query((rs, row) -> Optional.ofNullable(Sql.instant(rs, "last_unique")))
                .single();
    }

    /**
     * Which of these transaction ids are stored already. The clicks' time range is given too, so that
     * a table partitioned by time (unique on transaction id and time) is searched only where they can be.
     */
    Set<String> storedAmong(Collection<String> transactionIds, Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("""
                select transaction_id from clicks
                where transaction_id in (:ids) and clicked_at between :from and :to""")
                .param("ids", transactionIds).param("from", Sql.ts(from)).param("to", Sql.ts(to))
                .query(String.class).list());
    }

    /** A visitor key on a link: where its 24-hour window is kept. */
    record VisitorOnLink(UUID assignmentId, String visitorKey) {
    }

    /**
     * The last unique click after {@code since} of each of these visitor keys on each of these links
     * (pairs that are not asked about may come too): one read, through the
     * (assignment_id, visitor_key, clicked_at) index, for a whole batch of clicks.
     */
    Map<VisitorOnLink, Instant> lastUniqueClicks(Collection<UUID> assignmentIds, Collection<String> visitorKeys,
            Instant since) {
        Map<VisitorOnLink, Instant> last = new HashMap<>();
        jdbc.sql("""
                select assignment_id, visitor_key, max(clicked_at) as last_unique from clicks
                where assignment_id in (:assignments) and visitor_key in (:keys) and clicked_at > :since and is_unique
                group by assignment_id, visitor_key""")
                .param("assignments", assignmentIds).param("keys", visitorKeys).param("since", Sql.ts(since))
                .query(rs -> {
                    last.put(new VisitorOnLink(Sql.uuid(rs, "assignment_id"), rs.getString("visitor_key")),
                            Sql.instant(rs, "last_unique"));
                });
        return last;
    }
}
