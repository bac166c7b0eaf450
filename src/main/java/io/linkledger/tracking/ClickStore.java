package io.linkledger.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** The click writes of the redirect path: raw click rows and their daily rollup. */
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

    private record DayKey(UUID assignmentId, LocalDate day) {
    }

    private static final class Counts {
        final Click sample;
        long clicks;
        long unique;
        long bots;

        Counts(Click sample) {
            this.sample = sample;
        }
    }

    /**
     * Adds the clicks to their (link, day) rollup rows. Rows are created first (a no-op when they
     * exist) and then incremented, in key order, so two nodes flushing at once cannot deadlock.
     * Run last in the batch's transaction: the row locks are held only until the commit.
     */
    void addToRollup(List<Click> clicks) {
        Map<DayKey, Counts> deltas = new LinkedHashMap<>();
        for (Click c : clicks) {
            Counts counts = deltas.computeIfAbsent(
                    new DayKey(c.assignmentId(), LocalDate.ofInstant(c.clickedAt(), ZoneOffset.UTC)),
                    key -> new Counts(c));
            if (c.bot()) {
                counts.bots++;
            } else {
                counts.clicks++;
                if (c.unique()) {
                    counts.unique++;
                }
            }
        }
        List<Map.Entry<DayKey, Counts>> rows = new ArrayList<>(deltas.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<DayKey, Counts> e) -> e.getKey().assignmentId())
                .thenComparing(e -> e.getKey().day()));
        batch.batchUpdate("""
                insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id)
                values (?, ?, ?, ?, ?)
                on conflict do nothing""", rows, rows.size(), (ps, row) -> {
            ps.setObject(1, row.getKey().assignmentId());
            ps.setObject(2, row.getKey().day());
            ps.setObject(3, row.getValue().sample.brandId());
            ps.setObject(4, row.getValue().sample.offerId());
            ps.setObject(5, row.getValue().sample.memberId());
        });
        batch.batchUpdate("""
                update click_daily set clicks = clicks + ?, unique_clicks = unique_clicks + ?,
                    bot_clicks = bot_clicks + ?
                where assignment_id = ? and click_day = ?""", rows, rows.size(), (ps, row) -> {
            ps.setLong(1, row.getValue().clicks);
            ps.setLong(2, row.getValue().unique);
            ps.setLong(3, row.getValue().bots);
            ps.setObject(4, row.getKey().assignmentId());
            ps.setObject(5, row.getKey().day());
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
}
