package io.linkledger.tracking;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.linkledger.shared.Sql;

/** The click writes of the redirect path: raw click rows and their rollups. */
@Repository
class ClickStore {

    /** How many (link, day) rows this node remembers as existing before it starts over. */
    private static final int KNOWN_ROWS = 200_000;

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;
    /**
     * Link rows (day and total rows) known to exist, so a flush inserts only new ones: rollup rows
     * are never deleted. Should one be missing anyway, the range update finds fewer rows than it
     * must, and the batch fails and forgets them all.
     */
    private final Set<DayKey> existing = ConcurrentHashMap.newKeySet();

    ClickStore(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** Inserts the clicks in one batched statement. Run inside the batch's transaction. */
    void insert(List<Click> clicks) {
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

    private record DayKey(UUID id, LocalDate day) {
    }

    private static final class Counts {
        final Click sample;
        long clicks;
        long unique;
        long bots;

        Counts(Click sample) {
            this.sample = sample;
        }

        void add(Click c) {
            if (c.bot()) {
                bots++;
            } else {
                clicks++;
                if (c.unique()) {
                    unique++;
                }
            }
        }
    }

    private static final Comparator<Map.Entry<DayKey, Counts>> KEY_ORDER = Comparator
            .comparing((Map.Entry<DayKey, Counts> e) -> e.getKey().id()).thenComparing(e -> e.getKey().day());

    /**
     * Adds the clicks to the offer's day rows and to their links' day rows, running totals and total
     * rows (see V40). Run last in the batch's transaction: the row locks are held only until the commit.
     * Three batched statements: the offer rows (which locks the offers first), the link rows not
     * known to exist yet, seeded from the running totals before them (usually none: skipped), and
     * the link rows from the click's day on.
     */
    void addToRollup(List<Click> clicks) {
        Map<DayKey, Counts> offers = new HashMap<>();
        Map<DayKey, Counts> links = new HashMap<>();
        for (Click c : clicks) {
            LocalDate day = LocalDate.ofInstant(c.clickedAt(), ZoneOffset.UTC);
            offers.computeIfAbsent(new DayKey(c.offerId(), day), key -> new Counts(c)).add(c);
            links.computeIfAbsent(new DayKey(c.assignmentId(), day), key -> new Counts(c)).add(c);
        }
        addToOffers(offers);

        List<Map.Entry<DayKey, Counts>> rows = new ArrayList<>(links.entrySet());
        rows.sort(KEY_ORDER);
        // A link's day rows come before its total row, so each is seeded from the one before it.
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            DayKey key = rows.get(i).getKey();
            Click sample = rows.get(i).getValue().sample;
            if (!existing.contains(key)) {
                seeds.add(new Seed(key.id(), key.day(), sample, null));
            }
            DayKey total = new DayKey(key.id(), ClickRollupRepository.TOTAL_DAY);
            if ((i + 1 == rows.size() || !rows.get(i + 1).getKey().id().equals(key.id()))
                    && !existing.contains(total)) {
                seeds.add(new Seed(key.id(), ClickRollupRepository.TOTAL_DAY, sample, key.day()));
            }
        }
        if (!seeds.isEmpty()) {
            insertSeeded(seeds);
        }
        int[][] updated = addFromDay(rows);
        for (int i = 0; i < rows.size(); i++) {
            // The day's row and the total row at least: fewer means rows believed to exist do not.
            if (updated[0][i] < 2) {
                existing.clear();
                throw new IllegalStateException("click_daily rows of link " + rows.get(i).getKey().id()
                        + " on " + rows.get(i).getKey().day() + " missing; the batch is rolled back");
            }
        }
        // Remembered once committed: a rolled-back insert must be tried again.
        List<DayKey> stored = new ArrayList<>();
        seeds.forEach(seed -> stored.add(new DayKey(seed.assignmentId(), seed.day())));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (existing.size() > KNOWN_ROWS) {
                    existing.clear();
                }
                existing.addAll(stored);
            }
        });
    }

    private void insertSeeded(List<Seed> seeds) {
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
    }

    private int[][] addFromDay(List<Map.Entry<DayKey, Counts>> rows) {
        return batch.batchUpdate("""
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
    private record Seed(UUID assignmentId, LocalDate day, Click sample, LocalDate firstDay) {
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
