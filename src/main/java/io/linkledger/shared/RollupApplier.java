package io.linkledger.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The writing side of a report rollup (docs/rollups.md), the same for clicks and conversions: a
 * feature's write transactions {@link #queue} deltas, and the applier adds them to the rollup
 * tables after those transactions committed. A subclass gives one feature's SQL ({@link Statements})
 * and its delta record, whose components are the statements' named parameters, with the mapper that
 * reads a delta back from a queue row. (An explicit mapper, not Spring's DataClassRowMapper: that one
 * probes each column's Java type through the driver, and PostgreSQL's driver answers some probes with
 * an exception, thrown and caught for every queued row.)
 *
 * <p>Why a queue rather than adding to the rollups in the writing transaction: both write paths
 * are group commits whose callers wait for the commit (the redirect's click batches, the postback
 * batches). Adding to a rollup updates shared rows (a link's day and every later day of it, the
 * offer's day) and holds their locks until the commit, so concurrent transactions would wait for
 * each other's WAL flush, and it costs several statements per link and day. A queue row is one
 * insert that locks nothing, one batched statement per transaction. The applier then adds many
 * transactions' deltas at once, merged per link and day, off the request path.
 *
 * <p>Exact: readers call {@link #applyPending} first, so a report read after a redirect or a
 * postback was answered counts it. Exactly once: queued rows are locked, added and deleted in one
 * transaction, also when several nodes apply at once or a node dies half-way; rows left by a crash
 * are applied on start. Woken by a commit that queued something, and at least every
 * {@code interval}; once woken it waits {@code pause} before its round, so that under load one round
 * carries the deltas of many batches instead of one transaction per batch.
 */
public abstract class RollupApplier<K extends Comparable<K>, D extends RollupDeltas.Delta<K, D>>
        implements SmartLifecycle {

    /**
     * One feature's rollup SQL, each statement complete, with a delta's components as named
     * parameters ({@code :offerId}, {@code :clickDay}, ...); the day is called {@code :day} below.
     *
     * @param queue inserts a delta into the queue
     * @param anyQueued answers a queue row if there is one, locking nothing
     * @param lockQueued the oldest {@code :limit} queue rows (their {@code id} and delta), locked until the
     *     transaction ends
     * @param deleteQueued deletes the queue row {@code :id}
     * @param createLinkTotals creates a link's totals row if missing (zero figures, first and last day
     *     {@code :day})
     * @param addToLinkTotals adds to a link's totals and widens its first and last day to {@code :day};
     *     locks the row, which is what makes the changes of one link's day rows take turns
     * @param seedLinkDay creates the link's row for {@code :day} if missing, with the running totals
     *     of its latest row before that day
     * @param addToLinkDays adds the day's figures to the link's row that day, and its running totals to
     *     every row of the link from that day on
     * @param createOfferDay creates the offer's row for {@code :day} if missing
     * @param addToOfferDay adds to the offer's row for {@code :day}
     */
    public record Statements(String queue, String anyQueued, String lockQueued, String deleteQueued,
            String createLinkTotals, String addToLinkTotals, String seedLinkDay, String addToLinkDays,
            String createOfferDay, String addToOfferDay) {
    }

    private static final Logger log = LoggerFactory.getLogger(RollupApplier.class);
    private static final int CHUNK = 5000;

    private record Queued<D>(long id, D delta) {
    }

    private final String name;
    private final Statements sql;
    private final RowMapper<D> queuedDelta;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final long intervalMillis;
    private final long pauseMillis;
    private final Semaphore wake = new Semaphore(0);
    /** One applier per node at a time; the row locks order appliers of different nodes. */
    private final ReentrantLock applying = new ReentrantLock();
    private volatile boolean running;
    private Thread thread;

    protected RollupApplier(String name, Statements sql, RowMapper<D> queuedDelta, NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions, Duration interval, Duration pause) {
        this.name = name;
        this.sql = sql;
        this.queuedDelta = queuedDelta;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.intervalMillis = interval.toMillis();
        this.pauseMillis = pause.toMillis();
    }

    /**
     * Queues the deltas, one row per link and day, in the current transaction (one batched insert);
     * they are added to the rollups once it committed.
     */
    public void queue(Collection<D> deltas) {
        List<D> rows = RollupDeltas.byLinkAndDay(deltas).stream().filter(d -> !d.isZero()).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql.queue(), each(rows));
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake();
            }
        });
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Applies everything queued so far; readers call it so that a report counts everything committed. */
    public void applyPending() {
        if (jdbc.queryForList(sql.anyQueued(), Map.of(), Long.class).isEmpty()) {
            return;
        }
        applying.lock();
        try {
            while (applyChunk() == CHUNK) {
                // more queued than one chunk: go on
            }
        } finally {
            applying.unlock();
        }
    }

    /**
     * Adds the oldest queued deltas to the rollups and deletes them, in one transaction: one delta per
     * link and day to the link's totals and day rows, in link and day order (so a link's totals row,
     * its lock, is taken before its day rows), then one per offer and day to the offer's day rows, in
     * offer and day order. Every transaction takes its rows in these orders, so appliers of several
     * nodes cannot deadlock.
     */
    private int applyChunk() {
        Integer applied = transactions.execute(status -> {
            List<Queued<D>> queued = jdbc.query(sql.lockQueued(), Map.of("limit", CHUNK),
                    (rs, row) -> new Queued<>(rs.getLong("id"), queuedDelta.mapRow(rs, row)));
            if (queued.isEmpty()) {
                return 0;
            }
            List<D> all = queued.stream().map(Queued::delta).toList();
            SqlParameterSource[] days = each(RollupDeltas.byLinkAndDay(all));
            jdbc.batchUpdate(sql.createLinkTotals(), days);
            jdbc.batchUpdate(sql.addToLinkTotals(), days);
            jdbc.batchUpdate(sql.seedLinkDay(), days);
            jdbc.batchUpdate(sql.addToLinkDays(), days);
            SqlParameterSource[] offerDays = each(RollupDeltas.byOfferAndDay(all));
            jdbc.batchUpdate(sql.createOfferDay(), offerDays);
            jdbc.batchUpdate(sql.addToOfferDay(), offerDays);
            jdbc.batchUpdate(sql.deleteQueued(), queued.stream().map(q -> new MapSqlParameterSource("id", q.id()))
                    .toArray(SqlParameterSource[]::new));
            return queued.size();
        });
        return applied == null ? 0 : applied;
    }

    private static SqlParameterSource[] each(List<?> deltas) {
        return deltas.stream().map(SimplePropertySqlParameterSource::new).toArray(SqlParameterSource[]::new);
    }

    private void loop() {
        while (running) {
            try {
                applyPending();
                // At 64 connections a batch commits every 2 ms; a round per commit cost PostgreSQL
                // as much CPU as storing the clicks did (docs/PERFORMANCE.md).
                if (wake.tryAcquire(intervalMillis, TimeUnit.MILLISECONDS) && running) {
                    Thread.sleep(pauseMillis);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The deltas stay queued and are applied on a later round.
                log.warn("Could not apply queued {} to the rollups: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name + "-rollups").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        try {
            thread.join(Duration.ofSeconds(30));
            applyPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Queued {} stay for the next start: {}", name, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before and stopped after the batchers and the web server: the last writes' deltas are applied too. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 8192;
    }
}
