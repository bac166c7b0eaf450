package io.linkledger.tracking;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.linkledger.shared.Sql;

/** The click rollups' writes: the queue the click batches fill (V51), and the rollups it is applied to (V40). */
@Repository
class ClickRollupStore {

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    ClickRollupStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** Queued counts, oldest first, locked until the transaction ends (whoever applies them waits for the others). */
    List<Queued> lockQueued(int limit) {
        return jdbc.sql("""
                select id, assignment_id, click_day, brand_id, offer_id, member_id, clicks, unique_clicks, bot_clicks
                from click_rollup_queue order by id limit ? for update""")
                .param(limit)
                .query((rs, row) -> new Queued(rs.getLong("id"), new ClickDelta(Sql.uuid(rs, "assignment_id"),
                        rs.getObject("click_day", LocalDate.class), Sql.uuid(rs, "brand_id"), Sql.uuid(rs, "offer_id"),
                        Sql.uuid(rs, "member_id"), rs.getLong("clicks"), rs.getLong("unique_clicks"),
                        rs.getLong("bot_clicks"))))
                .list();
    }

    record Queued(long id, ClickDelta delta) {
    }

    boolean anyQueued() {
        return !jdbc.sql("select id from click_rollup_queue limit 1").query(Long.class).list().isEmpty();
    }

    void deleteQueued(List<Queued> rows) {
        batch.batchUpdate("delete from click_rollup_queue where id = ?", rows, rows.size(),
                (ps, row) -> ps.setLong(1, row.id()));
    }

    private record DayKey(UUID id, LocalDate day) {
    }

    private static final class Counts {
        final ClickDelta sample;
        long clicks;
        long unique;
        long bots;

        Counts(ClickDelta sample) {
            this.sample = sample;
        }

        void add(ClickDelta d) {
            clicks += d.clicks();
            unique += d.uniqueClicks();
            bots += d.botClicks();
        }
    }

    private static final Comparator<Map.Entry<DayKey, Counts>> KEY_ORDER = Comparator
            .comparing((Map.Entry<DayKey, Counts> e) -> e.getKey().id()).thenComparing(e -> e.getKey().day());

    /**
     * Adds queued click counts to the offer's day rows and to their links' day rows, running totals
     * and total rows (see V40). The row locks are held until the applier's commit.
     * Three batched statements: the offer rows (which locks the offers first), new link rows seeded
     * from the running totals before them, and the link rows from the click's day on.
     */
    void addToRollup(List<ClickDelta> deltas) {
        Map<DayKey, Counts> offers = new HashMap<>();
        Map<DayKey, Counts> links = new HashMap<>();
        for (ClickDelta d : deltas) {
            offers.computeIfAbsent(new DayKey(d.offerId(), d.day()), key -> new Counts(d)).add(d);
            links.computeIfAbsent(new DayKey(d.assignmentId(), d.day()), key -> new Counts(d)).add(d);
        }
        addToOffers(offers);

        List<Map.Entry<DayKey, Counts>> rows = new ArrayList<>(links.entrySet());
        rows.sort(KEY_ORDER);
        // A link's day rows come before its total row, so each is seeded from the one before it.
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DayKey key = rows.get(i).getKey();
            ClickDelta sample = rows.get(i).getValue().sample;
            seeds.add(new Seed(key.id(), key.day(), sample, null));
            if (i + 1 == rows.size() || !rows.get(i + 1).getKey().id().equals(key.id())) {
                seeds.add(new Seed(key.id(), ClickRollupRepository.TOTAL_DAY, sample, key.day()));
            }
        }
        batch.batchUpdate("""
                insert into click_daily (assignment_id, click_day, brand_id, offer_id, member_id, run_clicks,
                    run_unique_clicks, run_bot_clicks, first_day, last_day)
                select ?, ?, ?, ?, ?, coalesce(sum(p.run_clicks), 0), coalesce(sum(p.run_unique_clicks), 0),
                    coalesce(sum(p.run_bot_clicks), 0), ?, ?
                from click_daily p
                where p.assignment_id = ? and p.click_day = (
                    select max(q.click_day) from click_daily q where q.assignment_id = ? and q.click_day < ?)
                on conflict do nothing""", seeds, seeds.size(), (ps, seed) -> {
            ps.setObject(1, seed.assignmentId());
            ps.setObject(2, seed.day());
            ps.setObject(3, seed.sample().brandId());
            ps.setObject(4, seed.sample().offerId());
            ps.setObject(5, seed.sample().memberId());
            if (seed.firstDay() == null) {
                ps.setNull(6, Types.DATE);
                ps.setNull(7, Types.DATE);
            } else {
                ps.setObject(6, seed.firstDay());
                ps.setObject(7, seed.firstDay());
            }
            ps.setObject(8, seed.assignmentId());
            ps.setObject(9, seed.assignmentId());
            ps.setObject(10, seed.day());
        });
        batch.batchUpdate("""
                update click_daily set
                    clicks = clicks + case when click_day = ? then ? else 0 end,
                    unique_clicks = unique_clicks + case when click_day = ? then ? else 0 end,
                    bot_clicks = bot_clicks + case when click_day = ? then ? else 0 end,
                    run_clicks = run_clicks + ?, run_unique_clicks = run_unique_clicks + ?,
                    run_bot_clicks = run_bot_clicks + ?,
                    first_day = case when first_day > ? then ? else first_day end,
                    last_day = case when last_day < ? then ? else last_day end
                where assignment_id = ? and click_day >= ?""", rows, rows.size(), (ps, row) -> {
            LocalDate day = row.getKey().day();
            Counts n = row.getValue();
            ps.setObject(1, day);
            ps.setLong(2, n.clicks);
            ps.setObject(3, day);
            ps.setLong(4, n.unique);
            ps.setObject(5, day);
            ps.setLong(6, n.bots);
            ps.setLong(7, n.clicks);
            ps.setLong(8, n.unique);
            ps.setLong(9, n.bots);
            ps.setObject(10, day);
            ps.setObject(11, day);
            ps.setObject(12, day);
            ps.setObject(13, day);
            ps.setObject(14, row.getKey().id());
            ps.setObject(15, day);
        });
    }

    /** A link row to create if missing; {@code firstDay} is set on a total row only. */
    private record Seed(UUID assignmentId, LocalDate day, ClickDelta sample, LocalDate firstDay) {
    }

    /**
     * Adds to the offers' day rows, each offer's lock row first (offers in id order, so two
     * flushers cannot deadlock). Rows that do not exist yet are created and added to afterwards.
     */
    private void addToOffers(Map<DayKey, Counts> days) {
        List<Map.Entry<DayKey, Counts>> rows = new ArrayList<>();
        Map<UUID, Counts> locks = new HashMap<>();
        for (Map.Entry<DayKey, Counts> e : days.entrySet()) {
            locks.computeIfAbsent(e.getKey().id(), id -> new Counts(e.getValue().sample));
            rows.add(e);
        }
        locks.forEach((offerId, none) -> rows.add(Map.entry(new DayKey(offerId, ClickRollupRepository.LOCK_DAY), none)));
        rows.sort(KEY_ORDER);
        int[][] updated = addToOfferRows(rows);
        List<Map.Entry<DayKey, Counts>> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[0][i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        batch.batchUpdate("insert into click_offer_daily (offer_id, click_day, brand_id) values (?, ?, ?) on conflict do nothing",
                missing, missing.size(), (ps, row) -> {
                    ps.setObject(1, row.getKey().id());
                    ps.setObject(2, row.getKey().day());
                    ps.setObject(3, row.getValue().sample.brandId());
                });
        addToOfferRows(missing);
    }

    private int[][] addToOfferRows(List<Map.Entry<DayKey, Counts>> rows) {
        return batch.batchUpdate("""
                update click_offer_daily set clicks = clicks + ?, unique_clicks = unique_clicks + ?,
                    bot_clicks = bot_clicks + ?
                where offer_id = ? and click_day = ?""", rows, rows.size(), (ps, row) -> {
            ps.setLong(1, row.getValue().clicks);
            ps.setLong(2, row.getValue().unique);
            ps.setLong(3, row.getValue().bots);
            ps.setObject(4, row.getKey().id());
            ps.setObject(5, row.getKey().day());
        });
    }
}
